package io.jenkins.plugins.securedeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged jar runs as a process: what a user on a fresh machine runs. */
class JarITest {
    static ProcessResult run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("secureDeploy.jar")));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new ProcessResult(p.exitValue(), out);
    }

    record ProcessResult(int exitCode, String output) {}

    @Test
    void shouldRunFromTheShadedJar() throws Exception {
        ProcessResult version = run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.output()).containsPattern("secure-deploy \\d+\\.\\d+\\.\\d+");

        ProcessResult usage = run("no-such-command");
        assertThat(usage.exitCode()).isEqualTo(ExitCode.USAGE);
    }
}
