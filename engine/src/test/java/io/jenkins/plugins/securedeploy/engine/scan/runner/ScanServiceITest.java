package io.jenkins.plugins.securedeploy.engine.scan.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.scan.registry.ScannerRegistry;
import io.jenkins.plugins.securedeploy.engine.testing.SecretCanary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a scanner run can go wrong ends in ERROR with a problem naming the tool — never "0 findings". */
class ScanServiceITest {
    private static final String EMPTY_JSON1 = "{\"comments\":[]}";

    @TempDir
    Path dir;

    private final ScanService service = new ScanService();

    private ToolSpec sh(String body, Duration timeout) throws IOException {
        Path file = dir.resolve("tool.sh");
        Files.writeString(file, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
        return ToolSpec.stdoutReport("shellcheck", "/bin/sh", List.of(file.toString()), ExitCodePolicy.zeroOr(1),
                timeout);
    }

    private static Problem onlyProblem(ScanResult result) {
        assertThat(result.isError()).as("status of %s", result).isTrue();
        assertThat(result.findings()).isEmpty();
        return result.problems().get(0);
    }

    @Test
    void shouldParseACleanRun() throws Exception {
        ToolScan scan = service.scan(sh("echo '" + EMPTY_JSON1 + "'", Duration.ofMinutes(1)), dir);

        assertThat(scan.result().isError()).isFalse();
        assertThat(scan.result().findings()).isEmpty();
        assertThat(scan.run().outcome()).isEqualTo(ToolRun.Outcome.CLEAN);
    }

    @Test
    void shouldFailClosedWhenTheScannerTimesOut() throws Exception {
        ToolScan scan = service.scan(sh("echo '" + EMPTY_JSON1 + "'\nsleep 300", Duration.ofSeconds(1)), dir);

        Problem p = onlyProblem(scan.result());
        assertThat(p.code()).isEqualTo("scan.tool-timeout");
        assertThat(p.message()).contains("tool 'shellcheck'").contains("PT1S").contains("killed");
    }

    @Test
    void shouldFailClosedWhenTheScannerCrashes() throws Exception {
        ToolScan scan = service.scan(sh("echo '" + EMPTY_JSON1 + "'\necho 'cannot read rules' >&2\nexit 3",
                Duration.ofMinutes(1)), dir);

        Problem p = onlyProblem(scan.result());
        assertThat(p.code()).isEqualTo("scan.tool-crashed");
        assertThat(p.message()).contains("tool 'shellcheck' exited with code 3").contains("clean: [0], findings: [1]")
                .contains("stderr: cannot read rules");
    }

    @Test
    void shouldFailClosedWhenTheReportIsGarbage() throws Exception {
        ToolScan scan = service.scan(sh("echo '<html>502 Bad Gateway</html>'", Duration.ofMinutes(1)), dir);

        assertThat(scan.result().isError()).isTrue();
        assertThat(scan.result().problems()).extracting(Problem::code)
                .startsWith("scan.report-unparseable").hasSizeGreaterThan(1);
        assertThat(scan.result().problems().get(0).message()).contains("tool 'shellcheck'");
    }

    @Test
    void shouldFailClosedWhenTheToolWritesNothing() throws Exception {
        ToolScan scan = service.scan(sh("exit 0", Duration.ofMinutes(1)), dir);

        Problem p = onlyProblem(scan.result());
        assertThat(p.code()).isEqualTo("scan.report-empty");
        assertThat(p.message()).contains("tool 'shellcheck'").contains("empty");
    }

    @Test
    void shouldFailClosedWhenTheReportFileIsMissing() throws Exception {
        Files.writeString(dir.resolve("report.json"), EMPTY_JSON1, StandardCharsets.UTF_8);
        ToolSpec spec = sh("exit 0", Duration.ofMinutes(1)).withReportFile("report.json");

        ToolScan scan = service.scan(spec, dir);

        Problem p = onlyProblem(scan.result());
        assertThat(p.code()).as("a report left by an earlier run does not count").isEqualTo("scan.report-missing");
        assertThat(p.message()).contains("report.json");
    }

    @Test
    void shouldKeepTheRawReportWhetherItParsesOrNot() throws Exception {
        Path kept = dir.resolve("keep/raw.json");
        ToolScan ok = service.scan(sh("echo '" + EMPTY_JSON1 + "'", Duration.ofMinutes(1)), dir, kept);
        assertThat(ok.result().isError()).isFalse();
        assertThat(kept).content(StandardCharsets.UTF_8).isEqualToIgnoringNewLines(EMPTY_JSON1);

        ToolScan garbage = service.scan(sh("echo 'not json'", Duration.ofMinutes(1)), dir, kept);
        assertThat(garbage.result().isError()).isTrue();
        assertThat(kept).as("the report that did not parse is kept for inspection").content(StandardCharsets.UTF_8)
                .isEqualToIgnoringNewLines("not json");

        Files.createDirectory(dir.resolve("out"));
        ToolScan file = service.scan(sh("echo '" + EMPTY_JSON1 + "' > out/report.json", Duration.ofMinutes(1))
                .withReportFile("out/report.json"), dir, dir.resolve("copy.json"));
        assertThat(file.result().isError()).isFalse();
        assertThat(dir.resolve("copy.json")).content(StandardCharsets.UTF_8).isEqualToIgnoringNewLines(EMPTY_JSON1);
    }

    @Test
    void shouldReadAReportFile() throws Exception {
        ToolSpec spec = sh("echo '" + EMPTY_JSON1 + "' > out/report.json", Duration.ofMinutes(1))
                .withReportFile("out/report.json");
        Files.createDirectory(dir.resolve("out"));

        ToolScan scan = service.scan(spec, dir);

        assertThat(scan.result().isError()).isFalse();
        assertThat(scan.result().source()).isEqualTo("out/report.json");
    }

    @Test
    void shouldFailClosedWhenTheBinaryDoesNotExist() {
        ToolSpec spec = ToolSpec.stdoutReport("shellcheck", "definitely-not-installed-scanner", List.of(),
                ExitCodePolicy.zeroOr(1), Duration.ofMinutes(1));

        Problem p = onlyProblem(service.scan(spec, dir).result());

        assertThat(p.code()).isEqualTo("scan.tool-missing");
        assertThat(p.message()).contains("tool 'shellcheck' did not start").contains("definitely-not-installed-scanner")
                .contains("not found");
    }

    @Test
    void shouldFailClosedWhenTheExitCodeSaysFindingsButTheReportHasNone() throws Exception {
        ToolScan scan = service.scan(sh("echo '" + EMPTY_JSON1 + "'\nexit 1", Duration.ofMinutes(1)), dir);

        assertThat(onlyProblem(scan.result()).code()).isEqualTo("scan.exit-mismatch");
    }

    @Test
    void shouldRejectAToolWithoutAParser() {
        ToolSpec spec = ToolSpec.stdoutReport("nosuchtool", "/bin/true", List.of(), ExitCodePolicy.zeroOnly(),
                Duration.ofMinutes(1));

        assertThatThrownBy(() -> service.scan(spec, dir)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("nosuchtool");
    }

    @Test
    void shouldPassCapturedOutputAndTheCommandThroughTheSanitizer() throws Exception {
        SecretCanary canary = SecretCanary.create();
        ScanService masking = new ScanService(ScannerRegistry.standard(), new ToolRunner(),
                text -> text.replace(canary.value(), "****"));
        Path file = dir.resolve("leaky.sh");
        Files.writeString(file, "#!/bin/sh\necho \"login failed for token $1\" >&2\nexit 9\n",
                StandardCharsets.UTF_8);
        ToolSpec spec = ToolSpec.stdoutReport("shellcheck", "/bin/sh", List.of(file.toString(), canary.value()),
                ExitCodePolicy.zeroOr(1), Duration.ofMinutes(1));

        ToolScan scan = masking.scan(spec, dir);

        Problem p = onlyProblem(scan.result());
        assertThat(p.message()).contains("login failed for token ****");
        canary.assertAbsent("problems", scan.result().problems().toString());
        canary.assertAbsent("run", scan.run().toString());
    }
}
