package io.jenkins.plugins.securedeploy.engine.mask;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.EngineLog;
import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {
    private static SecretMasker masker(String... secrets) {
        return SecretMasker.of(Arrays.stream(secrets).map(SecretValue::of).toList());
    }

    @Test
    void shouldReplaceEveryOccurrenceOfTheSecret() {
        assertThat(masker("hunter22").mask("a hunter22 b hunter22hunter22 c")).isEqualTo("a **** b **** c");
    }

    @Test
    void shouldMergeOverlappingSecretsIntoOneMask() {
        assertThat(masker("abcdef", "defghi").mask("x abcdefghi y")).isEqualTo("x **** y");
    }

    @Test
    void shouldLetTheLongestMatchWinWhenOneSecretIsAPrefixOfAnother() {
        SecretMasker m = masker("token", "token-extended");
        assertThat(m.mask("[token-extended]")).isEqualTo("[****]");
        assertThat(m.mask("[token-ext]")).isEqualTo("[****-ext]");
        assertThat(m.mask("[tokentoken-extended!]")).isEqualTo("[****!]");
    }

    @Test
    void shouldMaskASecretInsideAnother() {
        assertThat(masker("middle", "a-middle-z").mask("<a-middle-z> <middle>")).isEqualTo("<****> <****>");
    }

    @Test
    void shouldMaskEncodedFormsInText() {
        SecretMasker m = masker("s3cr3t/val+ue");
        assertThat(m.mask("{\"k\":\"s3cr3t\\/val+ue\"} q=s3cr3t%2Fval%2Bue"))
                .isEqualTo("{\"k\":\"****\"} q=****");
    }

    @Test
    void shouldMaskUnicodeSecrets() {
        assertThat(masker("пароль-密码-🔑").mask("x=пароль-密码-🔑;")).isEqualTo("x=****;");
    }

    @Test
    void shouldReturnTheSameInstanceWhenNothingMatches() {
        SecretMasker m = masker("hunter22");
        String text = "nothing to see here\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(m.mask(text)).isSameAs(text);
        assertThat(m.mask(bytes)).isSameAs(bytes);
        assertThat(SecretMasker.none().mask(text)).isSameAs(text);
    }

    @Test
    void shouldPassBinaryDataThroughUnchangedAroundAMask() {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        SecretMasker m = masker("0123456789abcdefXYZ");
        byte[] secret = "0123456789abcdefXYZ".getBytes(StandardCharsets.US_ASCII);
        byte[] data = new byte[noise.length * 2 + secret.length];
        System.arraycopy(noise, 0, data, 0, noise.length);
        System.arraycopy(secret, 0, data, noise.length, secret.length);
        System.arraycopy(noise, 0, data, noise.length + secret.length, noise.length);
        byte[] out = m.mask(data);
        assertThat(out).hasSize(noise.length * 2 + 4);
        assertThat(Arrays.copyOfRange(out, 0, noise.length)).isEqualTo(noise);
        assertThat(Arrays.copyOfRange(out, noise.length, noise.length + 4)).isEqualTo(SecretMasker.MASK_BYTES);
        assertThat(Arrays.copyOfRange(out, noise.length + 4, out.length)).isEqualTo(noise);
    }

    @Test
    void shouldRefuseSecretsShorterThanTheFloorWithAWarningThatNamesNoValue() {
        EngineLog log = new EngineLog("mask: ");
        SecretMasker m = SecretMasker.builder().log(log).add(SecretValue.of("abc")).add(SecretValue.of("longer-one"))
                .build();
        assertThat(m.warnings()).singleElement().asString().contains("#1", "3 chars", "NOT masked")
                .doesNotContain("abc");
        assertThat(log.errors()).singleElement().asString().doesNotContain("abc");
        assertThat(m.mask("abc longer-one")).isEqualTo("abc ****");
        assertThat(m.secrets()).hasSize(2);
    }

    @Test
    void shouldHonourAConfiguredFloor() {
        SecretMasker m = SecretMasker.builder().floor(2).add(SecretValue.of("ab")).build();
        assertThat(m.mask("xaby")).isEqualTo("x****y");
        assertThat(m.floor()).isEqualTo(2);
    }

    @Test
    void shouldMaskAPemKeyWholeAndLineByLine() {
        String pem = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIIrYSSNQFaA2Hwf1duRSxKtLYX5CB04fSeQ6tF1aY/PuoAoGCCqGSM49\n"
                + "AwEHoUQDQgAEPR3tU2Fh2Dld1iU8+2bYb0JEKn2XsqNRYJ8B/GmnkECRrx2VJoKY\n-----END EC PRIVATE KEY-----\n";
        SecretMasker m = masker(pem);
        assertThat(m.mask("key:\n" + pem + "done")).as("the line after the key stays on its own line")
                .isEqualTo("key:\n****\ndone");
        String secondLineOnly = "AwEHoUQDQgAEPR3tU2Fh2Dld1iU8+2bYb0JEKn2XsqNRYJ8B/GmnkECRrx2VJoKY";
        assertThat(m.mask("line: " + secondLineOnly + "\n")).isEqualTo("line: ****\n");
        assertThat(m.mask("{\"key\":\"" + pem.replace("\n", "\\n") + "\"}")).isEqualTo("{\"key\":\"****\\n\"}");
    }

    @Test
    void shouldRebuildTheSameMaskerFromItsSecrets() {
        SecretMasker m = masker("first-secret", "second-secret");
        SecretMasker rebuilt = SecretMasker.of(m.secrets());
        String text = "first-secret and second-secret";
        assertThat(rebuilt.mask(text)).isEqualTo(m.mask(text)).isEqualTo("**** and ****");
        assertThat(rebuilt.patternCount()).isEqualTo(m.patternCount());
    }

    @Test
    void shouldStayCorrectWithManySecretsSharingPrefixes() {
        List<SecretValue> secrets = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            secrets.add(SecretValue.of("shared-prefix-" + i + "-tail"));
        }
        SecretMasker m = SecretMasker.of(secrets);
        assertThat(m.mask("a shared-prefix-17-tail b shared-prefix-299-tail c shared-prefix-300-tail"))
                .isEqualTo("a **** b **** c shared-prefix-300-tail");
    }
}
