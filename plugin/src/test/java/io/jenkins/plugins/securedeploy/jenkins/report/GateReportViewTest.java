package io.jenkins.plugins.securedeploy.jenkins.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.policy.GateDecision;
import io.jenkins.plugins.securedeploy.engine.policy.GateEvaluator;
import io.jenkins.plugins.securedeploy.engine.policy.GateInput;
import io.jenkins.plugins.securedeploy.engine.policy.Policy;
import io.jenkins.plugins.securedeploy.engine.report.EvidenceEntry;
import io.jenkins.plugins.securedeploy.engine.report.GateReport;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.PackageRef;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The build page's view model from a real engine decision (plain unit test, no Jenkins). */
class GateReportViewTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-10T10:00:00Z"), ZoneOffset.UTC);

    private static GateReportView view() {
        Finding crit = Finding.builder("trivy", "CVE-2024-0001").title("openssl overflow")
                .severity(Severity.CRITICAL).category(Category.CONTAINER).id("CVE-2024-0001")
                .pkg(new PackageRef("openssl", "3.0.1", "3.0.13", "")).build();
        Finding high = Finding.builder("semgrep", "xss").title("<b>xss</b>").severity(Severity.HIGH)
                .category(Category.SAST).location(Location.of("src/app.js", 12, 3)).build();
        List<ScanResult> results = List.of(ScanResult.ok("trivy", "0.50", "trivy.json", List.of(crit)),
                ScanResult.ok("semgrep", "", "semgrep.sarif", List.of(high)),
                ScanResult.error("grype", "grype.json", List.of(Problem.of("json.truncated", "unexpected end",
                        Location.ofFile("grype.json")))));
        GateDecision d = new GateEvaluator(CLOCK).evaluate(GateInput.of(Policy.DEFAULT, results));
        GateReport report = GateReport.of(d, results, List.of(new EvidenceEntry("sbom",
                "secure-deploy/sbom/sbom.cdx.json", "sha256:ab", "present")), "<secure defaults>", CLOCK.instant());
        return GateReportView.of(report, "secure-deploy/gate");
    }

    @Test
    void shouldCountBySeverityAndListFindingsWorstFirst() {
        GateReportView v = view();
        assertEquals(1, v.count("CRITICAL"));
        assertEquals(1, v.count("HIGH"));
        assertEquals(2, v.getFindingCount());
        assertEquals("CRITICAL", v.getFindings().get(0).getSeverity());
        assertEquals("openssl@3.0.1", v.getFindings().get(0).getWhere());
        assertEquals("src/app.js:12", v.getFindings().get(1).getWhere());
        assertEquals("new", v.getFindings().get(0).getStatus());
        assertEquals("<b>xss</b>", v.getFindings().get(1).getTitle(), "kept as text; Jelly escapes it");
    }

    @Test
    void shouldCarryTheVerdictReasonsAndEvidenceLinks() {
        GateReportView v = view();
        assertEquals("ERROR", v.getVerdict());
        assertEquals("error", v.getVerdictClass());
        assertTrue(v.getReasons().stream().anyMatch(r -> r.contains("grype")));
        assertTrue(v.getReasons().stream().anyMatch(r -> r.startsWith("FAILED")));
        assertTrue(v.getEvidence().get(0).isArchived());
        assertEquals("secure-deploy/gate", v.getReportPath());
    }

    @Test
    void shouldScaleTrendBarsToTheLargestCount() {
        GateTrend trend = new GateTrend(List.of(new GateTrend.Row(2, view()), new GateTrend.Row(1, view())));
        assertEquals(GateTrend.BAR_HEIGHT, trend.getRows().get(0).getBarHeight());
        assertEquals(0, trend.getRows().get(0).getBarY());
    }
}
