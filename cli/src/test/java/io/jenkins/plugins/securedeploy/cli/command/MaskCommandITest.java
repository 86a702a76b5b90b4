package io.jenkins.plugins.securedeploy.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.jenkins.plugins.securedeploy.engine.testing.SecretCanary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real jar as a pipe: a canary in many encodings goes in on stdin, none comes out on stdout or stderr. */
class MaskCommandITest {
    @TempDir
    Path dir;

    private final SecretCanary canary = SecretCanary.create();

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", System.getProperty("secureDeploy.jar")));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(dir.resolve("stderr.txt").toFile());
        pb.environment().put("CANARY_TOKEN", canary.value());
        return pb.start();
    }

    @Test
    void shouldMaskEveryFormOfTheCanaryInAStreamPipedThroughTheJar() throws Exception {
        Process p = start("mask", "--secret-env", "CANARY_TOKEN");
        StringBuilder in = new StringBuilder();
        for (var form : canary.forms().entrySet()) {
            in.append(form.getKey()).append(": x").append(form.getValue()).append("y\n");
        }
        String b64 = Base64.getEncoder().encodeToString(("ab" + canary.value() + "cd").getBytes(StandardCharsets.UTF_8));
        in.append("header: Authorization: Basic ").append(b64).append('\n');
        try (OutputStream stdin = p.getOutputStream()) {
            byte[] bytes = in.toString().getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < bytes.length; i += 7) {
                stdin.write(bytes, i, Math.min(7, bytes.length - i));
                stdin.flush();
            }
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();

        canary.assertAbsent("stdout", out);
        canary.assertAbsent("stderr", Files.readString(dir.resolve("stderr.txt")));
        assertThat(out).contains("raw: x****y\n", "json: x****y\n");
        assertThat(out.lines()).hasSize(canary.forms().size() + 1);
    }

    @Test
    void shouldEmitALineBeforeTheInputEnds() throws Exception {
        Process p = start("mask", "--secret-env", "CANARY_TOKEN");
        try (OutputStream stdin = p.getOutputStream();
                BufferedReader stdout =
                        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            stdin.write(("step 1: token " + canary.value() + " sent\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            String line = assertTimeoutPreemptively(Duration.ofSeconds(60), stdout::readLine,
                    "a complete line must come out while stdin is still open");
            assertThat(line).isEqualTo("step 1: token **** sent");
        }
        assertThat(p.waitFor()).isZero();
    }

    @Test
    void shouldMaskFilesInPlaceThroughTheJar() throws Exception {
        Path report = Files.writeString(dir.resolve("scan.json"), "{\"token\":\"" + canary.forms().get("json")
                + "\"}\n");
        Process p = start("mask", "--secret-env", "CANARY_TOKEN", "--in-place", report.toString());
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        assertThat(out).contains("masked 1");
        assertThat(Files.readString(report)).isEqualTo("{\"token\":\"****\"}\n");
        canary.assertAbsentFromDirectory(dir);
    }
}
