package io.jenkins.plugins.securedeploy.engine.mask;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A secret read from a file (a PEM key) ends in a line break that is formatting, not secret: it is not masked. */
class TrailingLineBreakTest {
    private static final String KEY = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqh" + "kiG9w0BAQEFAASC\n"
            + "-----END PRIVATE KEY-----";

    @Test
    void shouldKeepTheLineBreakAfterAMaskedKeySoTheNextLineStaysApart() {
        for (String ending : List.of("\n", "\r\n", "\n\n")) {
            SecretMasker masker = SecretMasker.of(List.of(SecretValue.of(KEY + ending)));
            assertThat(masker.mask("key:\n" + KEY + ending + "next line\n"))
                    .isEqualTo("key:\n****" + ending + "next line\n");
        }
    }

    @Test
    void shouldStillMaskEveryFormOfTheKeyItself() {
        SecretMasker masker = SecretMasker.of(List.of(SecretValue.of(KEY + "\n")));
        assertThat(masker.mask(KEY.replace("\n", "\\n"))).as("JSON-escaped").isEqualTo("****");
        assertThat(masker.mask("MIIEvQIBADANBgkqh" + "kiG9w0BAQEFAASC")).as("one line on its own").isEqualTo("****");
        assertThat(EncodedForms.of(SecretValue.of(KEY + "\n"))).extracting(EncodedForms.Form::text)
                .noneMatch(t -> t.endsWith("\n"));
    }

    @Test
    void shouldMeasureTheFloorWithoutTheLineBreak() {
        assertThat(EncodedForms.maskedLength(SecretValue.of("abc\n"))).isEqualTo(3);
        SecretMasker masker = SecretMasker.of(List.of(SecretValue.of("abc\n")));
        assertThat(masker.isEmpty()).isTrue();
        assertThat(masker.warnings()).singleElement().asString().contains("(3 chars)");
        assertThat(EncodedForms.maskedLength(SecretValue.of("\n\n"))).as("nothing but line breaks stays as it is")
                .isEqualTo(2);
    }
}
