package io.jenkins.plugins.securedeploy.engine.scan.sarif;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.scan.AbstractReportParserTest;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.scan.ScannerDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifParserTest extends AbstractReportParserTest {
    private static final String TWO_RUNS = "two-runs-rules-after-results.sarif.json";
    private static final String GITLEAKS = "gitleaks-sarif-simple.sarif.json";

    @Override
    protected ScannerDescriptor descriptor() {
        return new SarifDescriptor();
    }

    @Override
    protected List<Fixture> fixtures() {
        return List.of(Fixture.of(TWO_RUNS, 7).with(Severity.CRITICAL, 1).with(Severity.HIGH, 2)
                        .with(Severity.MEDIUM, 2).with(Severity.LOW, 1).with(Severity.INFO, 1),
                Fixture.of(GITLEAKS, 1).with(Severity.MEDIUM, 1));
    }

    @Override
    protected String reportTemplate() {
        return "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"semgrep\",\"rules\":[{\"id\":\"r1\","
                + "\"shortDescription\":{\"text\":\"rule\"}}]}},\"results\":[{\"ruleId\":\"r1\",\"level\":\"error\","
                + "\"message\":{\"text\":" + VALUE_PLACEHOLDER + "},\"locations\":[{\"physicalLocation\":"
                + "{\"artifactLocation\":{\"uri\":\"a.py\"},\"region\":{\"startLine\":1}}}]}]}]}";
    }

    @Override
    protected LargeReport largeReport() {
        return SarifGenerator.largeReport();
    }

    @Override
    protected List<String> validEmptyReports() {
        return List.of("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"x\"}},\"results\":[]}]}");
    }

    @Test
    void shouldResolveSeverityFromSecuritySeverityThenLevelThenRuleDefault() {
        ScanResult r = parseFixture(TWO_RUNS);
        assertThat(r.tool()).as("two tools").isEqualTo("sarif");
        List<Finding> f = r.findings();
        assertThat(f).extracting(Finding::ruleId).containsExactly("js/reflected-xss", "js/unused-local-variable",
                "js/sql-injection", "js/sql-injection", "no-eval", "no-undef", "eqeqeq");
        assertThat(f).extracting(Finding::severity).containsExactly(Severity.MEDIUM, Severity.LOW, Severity.HIGH,
                Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.INFO);
        Finding xss = f.get(0);
        assertThat(xss.tool()).isEqualTo("CodeQL");
        assertThat(xss.score()).isEqualTo(6.1);
        assertThat(xss.ids()).containsExactly("CWE-79", "CWE-116");
        assertThat(xss.location()).isEqualTo(Location.of("src/server.js", 42, 13));
        assertThat(xss.fingerprint()).isEqualTo("CodeQL:39fa2ee980eb94b0:1");
        assertThat(xss.category()).isEqualTo(Category.SAST);
        assertThat(f.get(3).score()).isEqualTo(9.8);
        assertThat(f.get(3).ids()).containsExactly("CWE-89");
        assertThat(f.get(4).tool()).as("tool after results").isEqualTo("ESLint");
        assertThat(f.get(4).location()).isEqualTo(Location.of("file:///work/app/src/legacy.js", 3, 1));
    }

    @Test
    void shouldNeverKeepSnippetsAndCategoriseSecretTools() {
        ScanResult r = parseFixture(GITLEAKS);
        assertThat(r.tool()).isEqualTo("gitleaks");
        assertThat(r.toolVersion()).isEqualTo("v8.0.0");
        Finding leak = r.findings().get(0);
        assertThat(leak.category()).isEqualTo(Category.SECRET);
        assertThat(leak.severity()).as("no level anywhere: SARIF default warning").isEqualTo(Severity.MEDIUM);
        assertThat(leak.fingerprint()).startsWith("gitleaks:");
        assertThat(r.findings().toString()).doesNotContain("a secret");
    }

    @Test
    void shouldFailWhenTheToolDidNotComplete() {
        assertThat(parseError("{\"version\":\"2.1.0\",\"runs\":null}").get(0).code()).isEqualTo("report.tool-failed");
        assertThat(parseError("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"x\"}}}]}").get(0)
                .code()).isEqualTo("report.not-sarif");
        assertThat(parseError("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"x\"}},"
                + "\"invocations\":[{\"executionSuccessful\":false}],\"results\":[]}]}").get(0).code())
                .isEqualTo("report.tool-failed");
        assertThat(parseError("{\"version\":\"2.0.0\",\"runs\":[]}").get(0).code())
                .isEqualTo("report.unsupported-version");
    }

    @Test
    void shouldMapUnknownLevelsToUnknown() {
        ScanResult r = parse("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"x\"}},\"results\":"
                + "[{\"ruleId\":\"a\",\"level\":\"catastrophic\",\"message\":{\"text\":\"m\"}}]}]}");
        assertThat(r.findings().get(0).severity()).isEqualTo(Severity.UNKNOWN);
    }
}
