package io.jenkins.plugins.securedeploy.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.cli.ExitCode;
import io.jenkins.plugins.securedeploy.cli.SecureDeployCli;
import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.mask.SecretMasker;
import io.jenkins.plugins.securedeploy.engine.testing.SecretCanary;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MaskCommandTest {
    @TempDir
    Path dir;

    private final SecretCanary canary = SecretCanary.create();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Map<String, String> env, String... args) {
        MaskCommand command = new MaskCommand();
        command.environment = env;
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void shouldMaskFilesInPlaceWithASecretFromTheEnvironment() throws IOException {
        Path report = Files.writeString(dir.resolve("report.txt"), "token=" + canary.forms().get("url") + "\n");
        Path clean = Files.writeString(dir.resolve("clean.txt"), "nothing\n");

        int code = run(Map.of("TOKEN", canary.value()), "--secret-env", "TOKEN", "--in-place", report.toString(),
                clean.toString());

        assertThat(code).isEqualTo(ExitCode.PASS);
        assertThat(Files.readString(report)).isEqualTo("token=****\n");
        assertThat(out.toString()).contains("masked 1  " + report, "unchanged  " + clean);
        canary.assertAbsentFromDirectory(dir);
    }

    @Test
    void shouldReadAMultiLineSecretFromAFile() throws IOException {
        Path key = Files.writeString(dir.resolve("key.pem"), "-----BEGIN KEY-----\nAAAABBBBCCCC" + canary.value()
                + "\n-----END KEY-----\n");
        Path log = Files.writeString(dir.resolve("build.log"), "line AAAABBBBCCCC" + canary.value() + " end\n");

        assertThat(run(Map.of(), "--secret-file", key.toString(), "--in-place", log.toString()))
                .isEqualTo(ExitCode.PASS);

        assertThat(Files.readString(log)).isEqualTo("line **** end\n");
    }

    @Test
    void shouldFailClosedOnAnUnsetVariableWithoutEchoingAnyValue() throws IOException {
        Path log = Files.writeString(dir.resolve("build.log"), canary.value());
        String unset = "SECURE_DEPLOY_MASK_TEST_UNSET_VARIABLE";
        assertThat(System.getenv(unset)).isNull();
        int code = SecureDeployCli.run(new PrintWriter(out, true), new PrintWriter(err, true), "mask", "--secret-env",
                unset, "--in-place", log.toString());
        assertThat(code).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).contains(unset, "not set");
        assertThat(Files.readString(log)).isEqualTo(canary.value());
    }

    @Test
    void shouldRefuseATooShortSecretWithoutPrintingItUnlessAllowed() throws IOException {
        Path log = Files.writeString(dir.resolve("build.log"), "abc " + canary.value() + "\n");
        assertThat(run(Map.of("SHORT", "abc", "OK", canary.value()), "--secret-env", "SHORT", "--secret-env", "OK",
                "--in-place", log.toString())).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--secret-env SHORT", "3 chars", "floor of 4", "NOT be masked",
                "--allow-short").doesNotContain("abc");
        assertThat(Files.readString(log)).as("nothing is touched").contains(canary.value());

        err.getBuffer().setLength(0);
        assertThat(run(Map.of("SHORT", "abc", "OK", canary.value()), "--secret-env", "SHORT", "--secret-env", "OK",
                "--allow-short", "--in-place", log.toString())).isEqualTo(ExitCode.PASS);
        assertThat(err.toString()).contains("--secret-env SHORT", "NOT masked").doesNotContain("abc");
        assertThat(Files.readString(log)).isEqualTo("abc ****\n");
    }

    @Test
    void shouldAskForASecret() {
        assertThat(run(Map.of())).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--secret-env");
    }

    @Test
    void shouldPipeBytesThroughMasked() throws IOException {
        SecretMasker masker = SecretMasker.of(List.of(SecretValue.of(canary.value())));
        byte[] input = ("a " + canary.value() + " b \u00ff\u0000\n").getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        MaskCommand.pipe(masker, new ByteArrayInputStream(input), sink);
        assertThat(sink.toString(StandardCharsets.ISO_8859_1)).isEqualTo("a **** b \u00ff\u0000\n");
    }
}
