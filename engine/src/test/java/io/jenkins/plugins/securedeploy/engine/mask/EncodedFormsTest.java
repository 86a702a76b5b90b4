package io.jenkins.plugins.securedeploy.engine.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import io.jenkins.plugins.securedeploy.engine.mask.EncodedForms.Encoding;
import io.jenkins.plugins.securedeploy.engine.mask.EncodedForms.Form;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class EncodedFormsTest {
    private static final String SECRET = "p@ss w/rd\"&<'>ü";
    private static final String PEM = """
            -----BEGIN PRIVATE KEY-----
            MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj
            MzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu
            ab
            -----END PRIVATE KEY-----
            """;

    private static List<String> texts(String secret) {
        return EncodedForms.of(SecretValue.of(secret)).stream().map(Form::text).toList();
    }

    /** The masker's view: is {@code text} fully covered by some form? */
    private static boolean masked(String secret, String text) {
        return !SecretMasker.of(List.of(SecretValue.of(secret))).mask(text).contains(text.isEmpty() ? "x" : text)
                && SecretMasker.of(List.of(SecretValue.of(secret))).mask(text).contains(SecretMasker.MASK);
    }

    @Test
    void shouldListTheRawValueFirst() {
        assertThat(EncodedForms.of(SecretValue.of(SECRET)).get(0)).isEqualTo(new Form(Encoding.RAW, SECRET));
    }

    @Test
    void shouldCoverBase64AtEveryAlignmentInBothAlphabets() {
        byte[] secret = SECRET.getBytes(StandardCharsets.UTF_8);
        for (int before = 0; before < 6; before++) {
            for (int after = 0; after < 4; after++) {
                byte[] data = new byte[before + secret.length + after];
                for (int i = 0; i < data.length; i++) {
                    data[i] = (byte) ('a' + i % 26);
                }
                System.arraycopy(secret, 0, data, before, secret.length);
                String std = Base64.getEncoder().encodeToString(data);
                String url = Base64.getUrlEncoder().withoutPadding().encodeToString(data);
                String mime = Base64.getMimeEncoder().encodeToString(data);
                assertThat(texts(SECRET)).anyMatch(std::contains).anyMatch(url::contains).anyMatch(mime::contains);
            }
        }
    }

    @Test
    void shouldMaskTheWholePaddedBase64OfTheSecretAlone() {
        String encoded = Base64.getEncoder().encodeToString("s3cr3t-value".getBytes(StandardCharsets.UTF_8) );
        String alone = Base64.getEncoder().encodeToString("s3cr3t-valu".getBytes(StandardCharsets.UTF_8));
        assertThat(texts("s3cr3t-value")).contains(encoded);
        assertThat(texts("s3cr3t-valu")).contains(alone, alone.replace("=", ""));
    }

    @Test
    void shouldCoverUrlEncodingWithPlusOrPercent20AndEitherHexCase() {
        String form = URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
        assertThat(texts(SECRET)).contains(form, form.replace("+", "%20"), lowerHex(form), lowerHex(form.replace("+", "%20")));
    }

    @Test
    void shouldCoverJsonEscapesWithAndWithoutEscapedSlashAndUnicodeControls() throws Exception {
        String secret = "a/b\"c\\d\ne\u0001f\tg";
        String jackson = Json.strict().mapper().writeValueAsString(secret);
        assertThat(texts(secret)).contains(
                jackson.substring(1, jackson.length() - 1),
                "a\\/b\\\"c\\\\d\\ne\\u0001f\\tg",
                "a/b\\\"c\\\\d\\u000ae\\u0001f\\u0009g",
                "a/b\\\"c\\\\d\\u000Ae\\u0001f\\u0009g");
    }

    @Test
    void shouldCoverJsonAsciiOnlyAndHtmlSafeForms() {
        assertThat(texts("<ü&>")).contains("\\u003c\\u00fc\\u0026\\u003e", "<\\u00fc&>", "\\u003cü\\u0026\\u003e");
    }

    @Test
    void shouldCoverXmlAndHtmlEntities() {
        assertThat(texts("a&b<c>\"d'e")).contains(
                "a&amp;b&lt;c&gt;&quot;d&#39;e",
                "a&amp;b&lt;c&gt;&quot;d&apos;e",
                "a&amp;b&lt;c&gt;&#34;d&#x27;e",
                "a&amp;b&lt;c&gt;\"d'e");
    }

    @Test
    void shouldCoverShellQuotingStyles() {
        assertThat(texts("it's $ok \"x\""))
                .contains("it'\\''s $ok \"x\"", "it'\"'\"'s $ok \"x\"", "it\\'s\\ \\$ok\\ \\\"x\\\"", "it's \\$ok \\\"x\\\"");
    }

    @Test
    void shouldCoverHexInBothCases() {
        byte[] bytes = SECRET.getBytes(StandardCharsets.UTF_8);
        assertThat(texts(SECRET))
                .contains(HexFormat.of().formatHex(bytes), HexFormat.of().withUpperCase().formatHex(bytes));
    }

    @Test
    void shouldListEachLineOfAMultiLineSecretButNotShortLines() {
        List<Form> forms = EncodedForms.of(SecretValue.of(PEM));
        assertThat(forms).contains(
                new Form(Encoding.LINE, "-----BEGIN PRIVATE KEY-----"),
                new Form(Encoding.LINE, "MzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu"),
                new Form(Encoding.LINE, "-----END PRIVATE KEY-----"),
                new Form(Encoding.JSON, PEM.strip().replace("\n", "\\n")));
        assertThat(forms).as("the trailing line break is formatting, not part of what is masked")
                .extracting(Form::text).noneMatch(t -> t.endsWith("\n") || t.endsWith("\\n"));
        assertThat(forms).extracting(Form::text).doesNotContain("ab");
        assertThat(EncodedForms.of(SecretValue.of("line-one\r\nline-two"))).extracting(Form::text)
                .contains("line-one", "line-two");
    }

    @Test
    void shouldYieldNoFormForASecretShorterThanTheFloorAndDropShortForms() {
        assertThat(EncodedForms.of(SecretValue.of("abc"))).isEmpty();
        assertThat(EncodedForms.of(SecretValue.of("abc"), 3)).extracting(Form::text).contains("abc");
        assertThat(EncodedForms.of(SecretValue.of("abcdefgh"), 8)).allMatch(f -> f.text().length() >= 8);
        assertThatThrownBy(() -> EncodedForms.of(SecretValue.of("abc"), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldNotPrintTheTextOfAForm() {
        assertThat(EncodedForms.of(SecretValue.of(SECRET))).allSatisfy(f -> assertThat(f.toString())
                .doesNotContain(SECRET).doesNotContain(f.text()).contains(f.encoding().name()));
    }

    @Test
    void shouldNotRepeatForms() {
        List<String> texts = texts(SECRET);
        assertThat(texts).doesNotHaveDuplicates();
        assertThat(texts("plainalnum123")).hasSizeLessThan(20);
    }

    @Test
    void shouldMaskEveryListedFormThroughTheMasker() {
        for (String form : texts(SECRET)) {
            assertThat(masked(SECRET, "<" + form + ">")).as(form.length() + " chars").isTrue();
        }
    }

    private static String lowerHex(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c);
            if (c == '%') {
                sb.append(s.substring(i + 1, i + 3).toLowerCase(java.util.Locale.ROOT));
                i += 2;
            }
        }
        return sb.toString();
    }
}
