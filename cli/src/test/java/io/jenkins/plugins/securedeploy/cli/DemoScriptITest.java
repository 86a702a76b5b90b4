package io.jenkins.plugins.securedeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./demo} as a user without apt runs it: with bandit and shellcheck present it needs no package manager and
 * installs nothing; without them it says what it needs and why, and stops with exit 3 instead of
 * {@code apt-get: command not found}. PATH holds only the commands the script may use (no apt-get, no sudo, no mvn:
 * the jar is already built by the package phase).
 */
class DemoScriptITest {
    private static final List<String> BASICS = List.of("bash", "env", "java", "find", "head", "dirname", "readlink",
            "mkdir", "id", "tee", "grep", "sed", "tail", "cat", "sh", "pwd");

    @TempDir
    Path bin;

    private static Path repository() {
        return Path.of(System.getProperty("secureDeploy.samples")).toAbsolutePath().normalize().getParent();
    }

    private void link(String command) throws Exception {
        for (String dir : System.getenv("PATH").split(":")) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                Files.createSymbolicLink(bin.resolve(command), candidate.toRealPath());
                return;
            }
        }
        throw new AssertionError(command + " is not on PATH");
    }

    private Result demo() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("./demo").directory(repository().toFile()).redirectErrorStream(true);
        pb.environment().put("PATH", bin.toString());
        pb.environment().remove("JAVA_HOME");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Result(p.exitValue(), out);
    }

    record Result(int exitCode, String output) {}

    @Test
    void shouldRunWithoutAptWhenTheScannersArePresent() throws Exception {
        for (String c : BASICS) {
            link(c);
        }
        link("bandit");
        link("shellcheck");

        Result r = demo();

        assertThat(r.exitCode()).as(r.output()).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(r.output()).contains("Gate FAILED", "thresholds.new.high").doesNotContain("apt-get")
                .doesNotContain("installing").doesNotContain("command not found");
    }

    @Test
    void shouldSayWhatItNeedsWhenAScannerIsMissingAndThereIsNoApt() throws Exception {
        for (String c : BASICS) {
            link(c);
        }
        link("shellcheck");

        Result r = demo();

        assertThat(r.exitCode()).as(r.output()).isEqualTo(ExitCode.ERROR);
        assertThat(r.output()).contains("installing python3-bandit: the demo scans samples/app with bandit")
                .contains("apt-get is not available here; install bandit (pip install bandit)")
                .doesNotContain("command not found");
    }
}
