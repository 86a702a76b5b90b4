package io.jenkins.plugins.securedeploy.engine.scan.bandit;

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

class BanditParserTest extends AbstractReportParserTest {
    private static final String FIXTURE = "valid-sample-app.json";
    private static final String EMPTY = "{\"errors\":[],\"generated_at\":\"2024-01-01T00:00:00Z\",\"metrics\":"
            + "{\"_totals\":{}},\"results\":[]}";

    @Override
    protected ScannerDescriptor descriptor() {
        return new BanditDescriptor();
    }

    @Override
    protected List<Fixture> fixtures() {
        return List.of(Fixture.of(FIXTURE, 5).with(Severity.HIGH, 1).with(Severity.MEDIUM, 2).with(Severity.LOW, 2));
    }

    @Override
    protected String reportTemplate() {
        return "{\"errors\":[],\"generated_at\":\"2024-01-01T00:00:00Z\",\"metrics\":{},\"results\":[{\"code\":"
                + "\"1 assert x\\n\",\"col_offset\":4,\"filename\":\"a.py\",\"issue_confidence\":\"HIGH\","
                + "\"issue_cwe\":{\"id\":703,\"link\":\"https://cwe.mitre.org/data/definitions/703.html\"},"
                + "\"issue_severity\":\"LOW\",\"issue_text\":" + VALUE_PLACEHOLDER + ",\"line_number\":1,"
                + "\"test_id\":\"B101\",\"test_name\":\"assert_used\"}]}";
    }

    @Override
    protected LargeReport largeReport() {
        String pad = "x".repeat(6000);
        return new LargeReport("{\"errors\":[],\"generated_at\":\"2024-01-01T00:00:00Z\",\"metrics\":{},\"results\":[",
                i -> "{\"code\":\"" + i + " assert x\\n\",\"filename\":\"src/m" + i + ".py\",\"issue_confidence\":"
                        + "\"HIGH\",\"issue_severity\":\"LOW\",\"issue_text\":\"Use of assert detected.\","
                        + "\"line_number\":" + (i % 900 + 1) + ",\"more_info\":\"" + pad + "\",\"test_id\":\"B101\","
                        + "\"test_name\":\"assert_used\"}", ",", "]}", 1);
    }

    @Override
    protected List<String> validEmptyReports() {
        return List.of(EMPTY);
    }

    @Test
    void shouldParseTheRealSampleReportExactly() {
        ScanResult r = parseFixture(FIXTURE);

        assertThat(r.tool()).isEqualTo("bandit");
        assertThat(r.findings()).extracting(Finding::ruleId, Finding::severity, f -> f.location().line())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("B404", Severity.LOW, 3),
                        org.assertj.core.groups.Tuple.tuple("B107", Severity.LOW, 8),
                        org.assertj.core.groups.Tuple.tuple("B602", Severity.HIGH, 13),
                        org.assertj.core.groups.Tuple.tuple("B506", Severity.MEDIUM, 17),
                        org.assertj.core.groups.Tuple.tuple("B303", Severity.MEDIUM, 21));
        Finding shell = r.findings().get(2);
        assertThat(shell.category()).isEqualTo(Category.SAST);
        assertThat(shell.location().file()).isEqualTo("src/app.py");
        assertThat(shell.title()).isEqualTo("subprocess_popen_with_shell_equals_true: subprocess call with shell=True "
                + "identified, security issue.");
    }

    @Test
    void shouldNeverCopyTheCodeSnippetWhichMayHoldTheSecret() {
        assertThat(parseFixture(FIXTURE).findings().toString()).doesNotContain("hunter2");
    }

    @Test
    void shouldReadCweAndColumnFromNewerBandit() {
        Finding f = parse(reportTemplate().replace(VALUE_PLACEHOLDER, "\"assert\"")).findings().get(0);
        assertThat(f.ids()).containsExactly("B101", "CWE-703");
        assertThat(f.location()).isEqualTo(Location.of("a.py", 1, 5));
    }

    @Test
    void shouldFailClosedWhenBanditCouldNotScanAFile() {
        ScanResult r = parseFixture("partial-syntax-error.json");

        assertThat(r.isError()).isTrue();
        assertThat(r.findings()).as("findings are kept for display").hasSize(5);
        assertThat(r.problems()).extracting(Problem::code).containsExactly("bandit.file-not-scanned");
        assertThat(r.problems().get(0).message()).contains("./bad.py").contains("syntax error");
    }

    @Test
    void shouldMapUndefinedSeverityToUnknown() {
        assertThat(BanditParser.severity("UNDEFINED")).isEqualTo(Severity.UNKNOWN);
        assertThat(BanditParser.severity("HIGH")).isEqualTo(Severity.HIGH);
    }

    @Test
    void shouldRejectAResultWithoutTestIdWithItsPointer() {
        assertThat(parseError("{\"generated_at\":\"x\",\"results\":[{\"filename\":\"a.py\",\"issue_severity\":\"LOW\","
                + "\"line_number\":1}]}").get(0).location().pointer()).isEqualTo("/results/0/test_id");
    }
}
