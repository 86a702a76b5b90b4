package io.jenkins.plugins.securedeploy.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.cli.ExitCode;
import io.jenkins.plugins.securedeploy.cli.SecureDeployCli;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code secure-deploy scan} against real processes: the installed ShellCheck and /bin/sh stand-ins. */
class ScanCommandITest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return SecureDeployCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private static Path deployScript() {
        String samples = System.getProperty("secureDeploy.samples");
        Path base = samples != null ? Path.of(samples) : Path.of("..", "samples");
        Path script = base.resolve("app/scripts/deploy.sh").toAbsolutePath().normalize();
        assertThat(script).exists();
        return script;
    }

    @Test
    void shouldPrintCountsBySeverityAndPassWhenTheScanCompletes() {
        int code = run("scan", "--tool", "shellcheck", "--", deployScript().toString());

        assertThat(code).as("stderr: %s", err).isEqualTo(ExitCode.PASS);
        assertThat(out.toString()).contains("shellcheck: 2 findings (exit code 1")
                .contains("CRITICAL 0  HIGH 0  MEDIUM 1  LOW 1  INFO 0  UNKNOWN 0");
    }

    @Test
    void shouldWriteOneJsonDocument() throws Exception {
        int code = run("scan", "--tool", "shellcheck", "--json", "--", deployScript().toString());

        assertThat(code).isEqualTo(ExitCode.PASS);
        JsonNode root = Json.strict().mapper().readTree(out.toString());
        assertThat(root.path("format").asText()).isEqualTo("secure-deploy-findings");
        JsonNode doc = root.path("results").get(0);
        assertThat(doc.path("status").asText()).isEqualTo("OK");
        assertThat(doc.at("/run/exitCode").asInt()).isEqualTo(1);
        assertThat(doc.path("counts").path("MEDIUM").asInt()).isEqualTo(1);
        assertThat(doc.path("findings")).hasSize(2);
        assertThat(doc.path("findings").get(0).path("ruleId").asText()).isEqualTo("SC2164");
        assertThat(doc.path("findings").get(0).at("/location/line").asInt()).isEqualTo(4);
    }

    @Test
    void shouldExitThreeWhenTheToolIsMissing() {
        int code = run("scan", "--tool", "semgrep", "--", "definitely-not-installed-semgrep", "--json", ".");

        assertThat(code).isEqualTo(ExitCode.ERROR);
        assertThat(out.toString()).contains("semgrep: ERROR").contains("scan.tool-missing")
                .contains("definitely-not-installed-semgrep");
    }

    @Test
    void shouldExitThreeWhenTheToolTimesOut() {
        int code = run("scan", "--tool", "semgrep", "--timeout", "1s", "--", "/bin/sh", "-c", "sleep 60");

        assertThat(code).isEqualTo(ExitCode.ERROR);
        assertThat(out.toString()).contains("scan.tool-timeout").contains("did not finish within PT1S");
    }

    @Test
    void shouldExitThreeWhenTheReportIsGarbage() {
        int code = run("scan", "--tool", "checkov", "--json", "--", "/bin/sh", "-c", "echo '<html>oops</html>'");

        assertThat(code).isEqualTo(ExitCode.ERROR);
        assertThat(out.toString()).contains("\"status\" : \"ERROR\"").contains("scan.report-unparseable");
    }

    @Test
    void shouldReadAReportFileTheToolWrites(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path report = dir.resolve("r.json");

        int code = run("scan", "--tool", "cyclonedx-vex", "--report", report.toString(), "--", "/bin/sh", "-c",
                "echo '{\"bomFormat\":\"CycloneDX\",\"vulnerabilities\":[{\"id\":\"CVE-1\",\"ratings\":"
                        + "[{\"severity\":\"critical\"}]}]}' > " + report);

        assertThat(code).as("out: %s err: %s", out, err).isEqualTo(ExitCode.PASS);
        assertThat(out.toString()).contains("cyclonedx-vex: 1 finding (exit code 0").contains("CRITICAL 1");
        assertThat(Files.exists(report)).isTrue();
    }

    @Test
    void shouldRejectAnUnknownToolAsAUsageError() {
        assertThat(run("scan", "--tool", "nosuch", "--", "x")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("unknown tool 'nosuch'").contains("bandit");
    }

    @Test
    void shouldRequireACommandForToolsWithoutADefault() {
        assertThat(run("scan", "--tool", "semgrep")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("no built-in command");
    }

    @Test
    void shouldRejectABadTimeout() {
        assertThat(run("scan", "--tool", "bandit", "--timeout", "soon", "--", "-r", ".")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("not a duration");
    }
}
