package io.jenkins.plugins.securedeploy.engine.mask;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import io.jenkins.plugins.securedeploy.engine.testing.SecretCanary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties of masking: no secret escapes in any encoding or split; everything else passes byte for byte. */
class MaskingPropertiesTest {
    private static final String SPECIAL = "/+=&<>\"'\\ %$`!#?~*()[]{}:;,.@_-\t";
    private static final String UNICODE = "éüßñ中文字пароль🔑😀";

    @Provide
    Arbitrary<String> secrets() {
        Arbitrary<String> line = Arbitraries.strings()
                .withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
                .withChars(SPECIAL.replace("*", ""))
                .withChars(UNICODE)
                .ofMinLength(4)
                .ofMaxLength(40);
        Arbitrary<String> multiLine = line.list().ofMinSize(2).ofMaxSize(4).map(l -> String.join("\n", l) + "\n");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, line), net.jqwik.api.Tuple.of(1, multiLine));
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.strings().withChars(" \nabcdefxyzXYZ0189=:/\"{}.%é中").ofMaxLength(60);
    }

    @Provide
    Arbitrary<List<Integer>> splits() {
        Arbitrary<List<Integer>> random = Arbitraries.integers().between(1, 17).list().ofMinSize(1).ofMaxSize(40);
        return Arbitraries.oneOf(random, Arbitraries.just(List.of(1)));
    }

    @Provide
    Arbitrary<Integer> encodings() {
        return Arbitraries.integers().between(0, ENCODINGS - 1);
    }

    @Property(tries = 400)
    void shouldNeverLetASecretOrItsEncodingsThroughAnySplit(@ForAll("secrets") String secret,
            @ForAll("text") String before, @ForAll("text") String after, @ForAll("encodings") int encoding,
            @ForAll @IntRange(min = 0, max = 5) int prefixBytes, @ForAll("splits") List<Integer> splits) {
        SecretMasker masker = SecretMasker.of(List.of(SecretValue.of(secret)));
        byte[] embedded = encode(secret, encoding, prefixBytes);
        byte[] input = concat(before.getBytes(StandardCharsets.UTF_8), embedded,
                after.getBytes(StandardCharsets.UTF_8));

        String output = new String(stream(masker, input, splits), StandardCharsets.UTF_8);

        SecretCanary.of(secret).assertAbsent("masked output", output);
        assertThat(output).doesNotContain(secret);
    }

    @Property(tries = 300)
    void shouldGiveTheSameOutputForEverySplitAsForOneCall(@ForAll("secrets") String secret,
            @ForAll("secrets") String other, @ForAll("text") String text, @ForAll("splits") List<Integer> splits) {
        SecretMasker masker = SecretMasker.of(List.of(SecretValue.of(secret), SecretValue.of(other)));
        byte[] input = (text + secret + text + other + secret.substring(0, 3) + other + text)
                .getBytes(StandardCharsets.UTF_8);
        assertThat(stream(masker, input, splits)).isEqualTo(masker.mask(input));
    }

    @Property(tries = 300)
    void shouldAgreeWithANaiveReferenceMasker(@ForAll("secrets") String secret, @ForAll("secrets") String other,
            @ForAll("text") String text, @ForAll @IntRange(min = 0, max = 60) int cut) {
        SecretMasker masker = SecretMasker.of(List.of(SecretValue.of(secret), SecretValue.of(other)));
        String joined = text + secret + other + text + other.substring(0, Math.min(cut, other.length())) + secret;
        byte[] input = joined.getBytes(StandardCharsets.UTF_8);
        List<byte[]> patterns = new ArrayList<>();
        for (String s : List.of(secret, other)) {
            EncodedForms.of(SecretValue.of(s)).forEach(f -> patterns.add(f.text().getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(masker.mask(input)).isEqualTo(naiveMask(input, patterns));
    }

    @Property(tries = 300)
    void shouldPassTextWithoutSecretsThroughByteForByte(@ForAll("secrets") String secret, @ForAll("text") String text,
            @ForAll("splits") List<Integer> splits) {
        SecretMasker masker = SecretMasker.of(List.of(SecretValue.of(secret)));
        byte[] input = text.getBytes(StandardCharsets.UTF_8);
        Assume.that(EncodedForms.of(SecretValue.of(secret)).stream()
                .noneMatch(f -> indexOf(input, f.text().getBytes(StandardCharsets.UTF_8), 0) >= 0));
        assertThat(stream(masker, input, splits)).isEqualTo(input);
    }

    @Property(tries = 200)
    void shouldPassRandomBinaryThroughByteForByte(@ForAll @Size(max = 3000) byte[] data,
            @ForAll("secrets") String secret, @ForAll("splits") List<Integer> splits) {
        SecretMasker masker = SecretMasker.of(List.of(SecretValue.of(secret), SecretValue.of("an-api-token-0123")));
        Assume.that(naiveMask(data, allPatterns(secret, "an-api-token-0123")) == data);
        assertThat(stream(masker, data, splits)).isEqualTo(data);
        assertThat(masker.mask(data)).isSameAs(data);
    }

    private static List<byte[]> allPatterns(String... secrets) {
        List<byte[]> patterns = new ArrayList<>();
        for (String s : secrets) {
            EncodedForms.of(SecretValue.of(s)).forEach(f -> patterns.add(f.text().getBytes(StandardCharsets.UTF_8)));
        }
        return patterns;
    }

    /** Writes {@code input} in chunks of the given sizes (cycled), then closes. */
    static byte[] stream(SecretMasker masker, byte[] input, List<Integer> splits) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (MaskingOutputStream out = masker.wrap(sink)) {
            int at = 0;
            for (int i = 0; at < input.length; i++) {
                int n = Math.min(splits.get(i % splits.size()), input.length - at);
                if (n == 1 && i % 2 == 0) {
                    out.write(input[at]);
                } else {
                    out.write(input, at, n);
                }
                at += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sink.toByteArray();
    }

    /** Every occurrence of every pattern by indexOf, ranges merged when they overlap or touch, each one masked. */
    static byte[] naiveMask(byte[] input, List<byte[]> patterns) {
        boolean[] covered = new boolean[input.length + 1];
        boolean any = false;
        for (byte[] p : patterns) {
            for (int i = indexOf(input, p, 0); i >= 0; i = indexOf(input, p, i + 1)) {
                Arrays.fill(covered, i, i + p.length, true);
                any = true;
            }
        }
        if (!any) {
            return input;
        }
        // touching ranges merge too: mark adjacency by recomputing runs of covered bytes
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < input.length; ) {
            if (covered[i]) {
                while (i < input.length && covered[i]) {
                    i++;
                }
                out.writeBytes(SecretMasker.MASK_BYTES);
            } else {
                out.write(input[i++]);
            }
        }
        return out.toByteArray();
    }

    static int indexOf(byte[] data, byte[] p, int from) {
        outer:
        for (int i = from; i <= data.length - p.length; i++) {
            for (int j = 0; j < p.length; j++) {
                if (data[i + j] != p[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static final int ENCODINGS = 12;

    /** Independent encoders (JDK, Jackson, hand-written escapes) - not the masker's EncodedForms. */
    static byte[] encode(String secret, int encoding, int prefixBytes) {
        byte[] raw = secret.getBytes(StandardCharsets.UTF_8);
        String url = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        String text = switch (encoding) {
            case 0 -> secret;
            case 1 -> url;
            case 2 -> lowerHex(url.replace("+", "%20"));
            case 3 -> json(secret);
            case 4 -> json(secret).replace("/", "\\/");
            case 5 -> secret.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                    .replace("\"", "&quot;").replace("'", "&#39;");
            case 6 -> "'" + secret.replace("'", "'\\''") + "'";
            case 7 -> HexFormat.of().formatHex(raw);
            case 8 -> HexFormat.of().withUpperCase().formatHex(raw);
            default -> null;
        };
        if (text != null) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        byte[] framed = new byte[prefixBytes + raw.length + 3];
        Arrays.fill(framed, (byte) 'Q');
        System.arraycopy(raw, 0, framed, prefixBytes, raw.length);
        return switch (encoding) {
            case 9 -> Base64.getEncoder().encode(framed);
            case 10 -> Base64.getUrlEncoder().withoutPadding().encode(framed);
            default -> Base64.getEncoder().encode(raw);
        };
    }

    private static String lowerHex(String s) {
        StringBuilder sb = new StringBuilder(s);
        for (int i = sb.indexOf("%"); i >= 0; i = sb.indexOf("%", i + 1)) {
            sb.replace(i + 1, i + 3, sb.substring(i + 1, i + 3).toLowerCase(Locale.ROOT));
        }
        return sb.toString();
    }

    private static String json(String s) {
        try {
            String quoted = Json.strict().mapper().writeValueAsString(s);
            return quoted.substring(1, quoted.length() - 1);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

}
