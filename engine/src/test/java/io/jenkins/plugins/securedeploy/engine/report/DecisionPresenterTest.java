package io.jenkins.plugins.securedeploy.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.policy.GateDecision;
import io.jenkins.plugins.securedeploy.engine.policy.GateEvaluator;
import io.jenkins.plugins.securedeploy.engine.policy.GateInput;
import io.jenkins.plugins.securedeploy.engine.policy.Policy;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyFloor;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyMerger;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyReader;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The console says which findings failed the gate, not only how many (issue 11 H). */
class DecisionPresenterTest {
    @Test
    void shouldListTheFindingsUnderEachFailedReasonWorstFirst() {
        List<String> lines = DecisionPresenter.reasonLines(ReportFixtures.decision());

        int critical = lines.indexOf("FAILED thresholds.total.critical: 1 CRITICAL/UNKNOWN finding(s) (max 0)");
        assertThat(critical).as(String.join("\n", lines)).isGreaterThanOrEqualTo(0);
        assertThat(lines.get(critical + 1))
                .isEqualTo("    - CRITICAL trivy CVE-2024-0001 at openssl@3.0.1: openssl: buffer overflow");
        int high = lines.indexOf("FAILED thresholds.total.high: 1 HIGH finding(s) (max 0)");
        assertThat(lines.get(high + 1)).startsWith("    - HIGH semgrep xss at src/app.js:12: ");
        assertThat(lines).filteredOn(l -> l.startsWith("ERROR ")).singleElement().asString().contains("grype");
    }

    @Test
    void shouldShowTheTopFiveAndCountTheRest() {
        List<Finding> findings = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            findings.add(Finding.builder("bandit", "B60" + i).title("issue " + i)
                    .severity(i == 7 ? Severity.CRITICAL : Severity.HIGH).category(Category.SAST)
                    .location(Location.of("src/m" + i + ".py", i, 1)).build());
        }
        Policy policy = new PolicyMerger().merge(PolicyFloor.NONE, new PolicyReader().read(
                "version: 1\nthresholds: {total: {high: 0, critical: 10}}\n".getBytes(StandardCharsets.UTF_8),
                "p.yml"), LocalDate.of(2026, 1, 1));
        GateDecision d = new GateEvaluator(ReportFixtures.CLOCK).evaluate(GateInput.of(policy,
                List.of(ScanResult.ok("bandit", "1.7", "bandit.json", findings))));

        List<String> lines = DecisionPresenter.reasonLines(d);
        assertThat(lines).containsExactly(
                "FAILED thresholds.total.high: 7 HIGH finding(s) (max 0)",
                "    - HIGH bandit B601 at src/m1.py:1: issue 1",
                "    - HIGH bandit B602 at src/m2.py:2: issue 2",
                "    - HIGH bandit B603 at src/m3.py:3: issue 3",
                "    - HIGH bandit B604 at src/m4.py:4: issue 4",
                "    - HIGH bandit B605 at src/m5.py:5: issue 5",
                "    - ... and 2 more in the report");
    }

    @Test
    void shouldPrintNothingForAPassedGate() {
        Policy policy = new PolicyMerger().merge(PolicyFloor.NONE, Policy.DEFAULT, LocalDate.of(2026, 1, 1));
        GateDecision d = new GateEvaluator(ReportFixtures.CLOCK).evaluate(GateInput.of(policy,
                List.of(ScanResult.ok("bandit", "1.7", "bandit.json", List.of()))));
        assertThat(DecisionPresenter.reasonLines(d)).isEmpty();
        assertThat(DecisionPresenter.describe(Finding.builder("t", "r").severity(Severity.LOW).build()))
                .isEqualTo("LOW t r");
    }
}
