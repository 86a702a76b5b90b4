package io.jenkins.plugins.securedeploy.engine.scan.semgrep;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.scan.AbstractReportParserTest;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.scan.ScannerDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;

class SemgrepParserTest extends AbstractReportParserTest {
    private static final String FIXTURE = "valid-python.json";

    @Override
    protected ScannerDescriptor descriptor() {
        return new SemgrepDescriptor();
    }

    @Override
    protected List<Fixture> fixtures() {
        return List.of(Fixture.of(FIXTURE, 3).with(Severity.HIGH, 1).with(Severity.MEDIUM, 1).with(Severity.LOW, 1));
    }

    @Override
    protected String reportTemplate() {
        return "{\"errors\":[],\"paths\":{\"scanned\":[\"a.py\"]},\"results\":[{\"check_id\":\"python.lang.eval\","
                + "\"path\":\"a.py\",\"start\":{\"line\":2,\"col\":5,\"offset\":9},\"end\":{\"line\":2,\"col\":12,"
                + "\"offset\":16},\"extra\":{\"message\":" + VALUE_PLACEHOLDER + ",\"metadata\":{\"cwe\":"
                + "\"CWE-95: Eval Injection\"},\"severity\":\"WARNING\",\"fingerprint\":\"requires login\","
                + "\"lines\":\"requires login\"}}],\"version\":\"1.85.0\"}";
    }

    @Override
    protected LargeReport largeReport() {
        String pad = "x".repeat(6000);
        return new LargeReport("{\"errors\":[],\"paths\":{\"scanned\":[]},\"results\":[", i -> "{\"check_id\":"
                + "\"python.lang.eval\",\"path\":\"src/m" + i + ".py\",\"start\":{\"line\":" + (i % 900 + 1)
                + ",\"col\":1},\"end\":{\"line\":1,\"col\":9},\"extra\":{\"message\":\"eval\",\"severity\":\"ERROR\","
                + "\"lines\":\"" + pad + "\"}}", ",", "],\"version\":\"1.85.0\"}", 1);
    }

    @Override
    protected List<String> validEmptyReports() {
        return List.of("{\"errors\":[],\"paths\":{\"scanned\":[]},\"results\":[],\"version\":\"1.85.0\"}");
    }

    @Test
    void shouldMapSeveritiesMetadataAndLocations() {
        ScanResult r = parseFixture(FIXTURE);

        assertThat(r.tool()).isEqualTo("semgrep");
        assertThat(r.toolVersion()).isEqualTo("1.85.0");
        Finding shell = r.findings().get(0);
        assertThat(shell.ruleId()).isEqualTo("python.lang.security.audit.subprocess-shell-true.subprocess-shell-true");
        assertThat(shell.severity()).isEqualTo(Severity.HIGH);
        assertThat(shell.category()).isEqualTo(Category.SAST);
        assertThat(shell.location()).isEqualTo(Location.of("src/app.py", 13, 12));
        assertThat(shell.ids()).contains("CWE-78", "OWASP-A01:2017", "OWASP-A03:2021");
        assertThat(r.findings()).extracting(Finding::severity)
                .containsExactly(Severity.HIGH, Severity.MEDIUM, Severity.LOW);
    }

    @Test
    void shouldKeepWarnLevelErrorsAsProblemsWithoutQuotingSource() {
        ScanResult r = parseFixture(FIXTURE);

        assertThat(r.isError()).isFalse();
        assertThat(r.problems()).extracting(Problem::code).containsExactly("semgrep.warning");
        assertThat(r.problems().get(0).message()).contains("PartialParsing").contains("src/legacy.py")
                .doesNotContain("print");
    }

    @Test
    void shouldFailClosedOnAnErrorLevelError() {
        ScanResult r = parseFixture("fatal-error.json");

        assertThat(r.isError()).isTrue();
        assertThat(r.problems().get(0).message()).contains("InvalidRuleSchemaError").contains("rules.yml")
                .doesNotContain("patterns: 42");
    }

    @Test
    void shouldMapNewerAndUnknownSeverities() {
        assertThat(SemgrepParser.severity("CRITICAL")).isEqualTo(Severity.CRITICAL);
        assertThat(SemgrepParser.severity("INVENTORY")).isEqualTo(Severity.UNKNOWN);
        assertThat(SemgrepParser.severity("")).isEqualTo(Severity.UNKNOWN);
    }

    @Test
    void shouldUseTheToolFingerprintWhenLoggedIn() {
        String report = reportTemplate().replace(VALUE_PLACEHOLDER, "\"m\"").replace("\"fingerprint\":\"requires login\"",
                "\"fingerprint\":\"0123abcd\"");
        assertThat(parse(report).findings().get(0).fingerprint()).isEqualTo("semgrep:0123abcd");
    }
}
