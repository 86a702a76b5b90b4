package io.jenkins.plugins.securedeploy.engine.scan.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner against real processes (/bin/sh scripts). */
class ToolRunnerITest {
    @TempDir
    Path dir;

    private Path script(String name, String body) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private static ToolSpec sh(Path script, Duration timeout) {
        return ToolSpec.stdoutReport("shellcheck", "/bin/sh", List.of(script.toString()), ExitCodePolicy.zeroOr(1),
                timeout);
    }

    @Test
    void shouldKillTheProcessAndItsChildrenWhenTheTimeoutPasses() throws Exception {
        Path s = script("slow.sh", "sleep 300 &\necho $! > child.pid\nsleep 300");
        long started = System.nanoTime();

        ToolRun run = new ToolRunner().run(sh(s, Duration.ofSeconds(2)), dir);

        assertThat(run.outcome()).isEqualTo(ToolRun.Outcome.TIMED_OUT);
        assertThat(run.hasExitCode()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
        long childPid = Long.parseLong(Files.readString(dir.resolve("child.pid"), StandardCharsets.UTF_8).strip());
        Optional<ProcessHandle> child = ProcessHandle.of(childPid);
        if (child.isPresent()) {
            child.get().onExit().get(10, TimeUnit.SECONDS);
            assertThat(child.get().isAlive()).as("the background child was killed too").isFalse();
        }
    }

    @Test
    void shouldReportACrashExitCodeWithItsStderr() throws Exception {
        Path s = script("crash.sh", "echo 'fatal: no rules loaded' >&2\nexit 7");

        ToolRun run = new ToolRunner().run(sh(s, Duration.ofMinutes(1)), dir);

        assertThat(run.outcome()).isEqualTo(ToolRun.Outcome.CRASHED);
        assertThat(run.exitCode()).isEqualTo(7);
        assertThat(run.stderr().text()).contains("fatal: no rules loaded");
        assertThat(run.commandLine()).startsWith("/bin/sh ").endsWith("crash.sh");
    }

    @Test
    void shouldClassifyExitCodesByThePolicy() throws Exception {
        ToolRunner runner = new ToolRunner();
        assertThat(runner.run(sh(script("clean.sh", "exit 0"), Duration.ofMinutes(1)), dir).outcome())
                .isEqualTo(ToolRun.Outcome.CLEAN);
        assertThat(runner.run(sh(script("found.sh", "exit 1"), Duration.ofMinutes(1)), dir).outcome())
                .isEqualTo(ToolRun.Outcome.FINDINGS);
        assertThat(runner.run(sh(script("misuse.sh", "exit 2"), Duration.ofMinutes(1)), dir).outcome())
                .isEqualTo(ToolRun.Outcome.CRASHED);
    }

    @Test
    void shouldNotStartABinaryThatDoesNotExist() {
        ToolSpec spec = ToolSpec.stdoutReport("shellcheck", dir.resolve("no-such-scanner").toString(), List.of("-x"),
                ExitCodePolicy.zeroOnly(), Duration.ofMinutes(1));

        ToolRun run = new ToolRunner().run(spec, dir);

        assertThat(run.outcome()).isEqualTo(ToolRun.Outcome.NOT_STARTED);
        assertThat(run.failure()).contains("no-such-scanner").contains("not found");
    }

    @Test
    void shouldBoundTheCaptureOfAHugeOutputWithoutBlockingTheProcess() throws Exception {
        // 20 MB on each stream: far beyond the pipe buffer, so an undrained stream would hang the process
        Path s = script("huge.sh", "yes stdout-line | head -c 20000000\nyes stderr-line | head -c 20000000 >&2\n"
                + "echo END-OF-STDOUT\necho END-OF-STDERR >&2");

        ToolRun run = new ToolRunner(4096).run(sh(s, Duration.ofMinutes(2)), dir);

        assertThat(run.outcome()).isEqualTo(ToolRun.Outcome.CLEAN);
        assertThat(run.stdout().totalBytes()).isEqualTo(20_000_000L + "END-OF-STDOUT\n".length());
        assertThat(run.stderr().totalBytes()).isEqualTo(20_000_000L + "END-OF-STDERR\n".length());
        assertThat(run.stdout().truncated()).isTrue();
        assertThat(run.stdout().head()).hasSize(4096).startsWith("stdout-line\n");
        assertThat(run.stdout().tail()).hasSize(4096).endsWith("END-OF-STDOUT\n");
        assertThat(run.stderr().tail()).endsWith("END-OF-STDERR\n");
        assertThat(run.stdout().text()).contains("bytes omitted");
    }

    @Test
    void shouldSendStdoutToAFileInFullWhenItIsTheReport() throws Exception {
        Path s = script("report.sh", "yes x | head -c 1000000\necho progress >&2");
        Path out = dir.resolve("stdout.json");

        ToolRun run = new ToolRunner(1024).run(sh(s, Duration.ofMinutes(1)), dir, out);

        assertThat(run.outcome()).isEqualTo(ToolRun.Outcome.CLEAN);
        assertThat(Files.size(out)).isEqualTo(1_000_000L);
        assertThat(run.stdout().isEmpty()).isTrue();
        assertThat(run.stderr().text()).isEqualTo("progress\n");
    }

    @Test
    void shouldRunInTheGivenWorkingDirectoryWithoutAShell() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("work"));
        Path s = script("pwd.sh", "pwd\nprintf '%s\\n' \"$@\"");
        ToolSpec spec = ToolSpec.stdoutReport("shellcheck", "/bin/sh", List.of(s.toString(), "a b", "$(id)", "*"),
                ExitCodePolicy.zeroOnly(), Duration.ofMinutes(1));

        ToolRun run = new ToolRunner().run(spec, sub);

        assertThat(run.stdout().text()).isEqualTo(sub.toRealPath() + "\na b\n$(id)\n*\n");
        assertThat(run.commandLine()).endsWith("'a b' '$(id)' '*'");
    }
}
