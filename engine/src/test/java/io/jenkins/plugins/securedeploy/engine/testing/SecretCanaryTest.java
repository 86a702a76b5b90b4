package io.jenkins.plugins.securedeploy.engine.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The canary must catch every form it promises to, or tests built on it prove nothing. */
class SecretCanaryTest {
    final SecretCanary canary = SecretCanary.create();

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "ab", "abc", "{\"k\":\""})
    void shouldFindBase64OfTheSecretAtAnyAlignment(String prefix) {
        byte[] bytes = (prefix + canary.value() + "tail").getBytes(StandardCharsets.UTF_8);
        String std = Base64.getEncoder().encodeToString(bytes);
        String url = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

        assertThatThrownBy(() -> canary.assertAbsent("log", "x " + std + " y")).hasMessageContaining("base64");
        assertThatThrownBy(() -> canary.assertAbsent("log", url)).isInstanceOf(AssertionError.class);
    }

    @Test
    void shouldFindRawUrlJsonAndHexForms() {
        String v = canary.value();
        assertThatThrownBy(() -> canary.assertAbsent("a", "..." + v)).hasMessageContaining("raw");
        assertThatThrownBy(() -> canary.assertAbsent("a", URLEncoder.encode(v, StandardCharsets.UTF_8)))
                .hasMessageContaining("url");
        assertThatThrownBy(() -> canary.assertAbsent("a", "{\"s\":\"" + v.replace("\"", "\\\"") + "\"}"))
                .hasMessageContaining("json");
        assertThatThrownBy(() -> canary.assertAbsent("a",
                java.util.HexFormat.of().formatHex(v.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("hex");
    }

    @Test
    void shouldNotNameTheSecretInItsOwnFailure() {
        assertThatThrownBy(() -> canary.assertAbsent("log", canary.value()))
                .satisfies(e -> SecretCanary.of(canary.value()).assertAbsent("message", e.getMessage()));
    }

    @Test
    void shouldSearchFilesAndExceptions(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("a/b"));
        Files.write(dir.resolve("a/b/clean.bin"), new byte[] {0, 1, 2, (byte) 0xff});
        assertThatCode(() -> canary.assertAbsentFromDirectory(dir)).doesNotThrowAnyException();

        Files.writeString(dir.resolve("a/b/leak.log"), "token=" + canary.value(), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> canary.assertAbsentFromDirectory(dir)).hasMessageContaining("leak.log");

        Exception nested = new IllegalStateException("outer", new RuntimeException("inner " + canary.value()));
        assertThatThrownBy(() -> canary.assertAbsentFromThrowable(nested)).isInstanceOf(AssertionError.class);
    }
}
