package io.jenkins.plugins.securedeploy.engine.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.report.ReportFixtures;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.policy.GateDecision;
import io.jenkins.plugins.securedeploy.engine.policy.GateEvaluator;
import io.jenkins.plugins.securedeploy.engine.policy.GateInput;
import io.jenkins.plugins.securedeploy.engine.policy.GateOverride;
import io.jenkins.plugins.securedeploy.engine.policy.Policy;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyFloor;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyMerger;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyReader;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.PackageRef;
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

    private static GateDecision decide(String policyYaml, GateOverride override, List<ScanResult> results) {
        Policy policy = new PolicyMerger().merge(PolicyFloor.NONE, new PolicyReader().read(
                policyYaml.getBytes(StandardCharsets.UTF_8), ".secure-deploy.yml"), LocalDate.of(2026, 11, 25));
        return new GateEvaluator(ReportFixtures.CLOCK).evaluate(GateInput.of(policy, results).withOverride(override));
    }

    private static Finding b602() {
        return Finding.builder("bandit", "B602").title("subprocess call with shell=True identified")
                .severity(Severity.HIGH).category(Category.SAST).location(Location.of("src/app.py", 13, 1)).build();
    }

    @Test
    void shouldSayWhatToDoNextForAFindingWhoseWaiverExpired() {
        GateDecision d = decide("version: 1\nthresholds: {total: {high: 0}}\nwaivers:\n  - rule: B602\n"
                + "    owner: alice\n    reason: legacy\n    expires: 2026-10-31\n", null,
                List.of(ScanResult.ok("bandit", "1.7", "bandit.json", List.of(b602()))));
        assertThat(DecisionPresenter.verdictLine(d)).isEqualTo("Gate FAILED");
        assertThat(DecisionPresenter.lines(d)).containsExactly(
                "  FAILED thresholds.total.high: 1 HIGH finding(s) (max 0)",
                "      - HIGH bandit B602 at src/app.py:13: subprocess call with shell=True identified",
                "  expired waiver: rule B602 (owner alice, until 2026-10-31) at .secure-deploy.yml:4:5 at /waivers/0"
                        + " no longer applies",
                "What to do next:",
                "  - fix bandit B602 at src/app.py:13, or renew the expired waiver at .secure-deploy.yml:4:5 at "
                        + "/waivers/0 (expired 2026-10-31)");
        assertThat(ExitCode.of(d)).isEqualTo(ExitCode.FAILED);
    }

    @Test
    void shouldSuggestAnUpgradeOrAWaiverForAPackageFinding() {
        Finding f = Finding.builder("trivy", "CVE-2024-1").severity(Severity.CRITICAL).category(Category.SCA)
                .pkg(new PackageRef("openssl", "3.0.1", "3.0.7", "")).build();
        GateDecision d = decide("version: 1\n", null, List.of(ScanResult.ok("trivy", "0.50", "t.json", List.of(f))));
        assertThat(DecisionPresenter.nextSteps(d)).containsExactly("upgrade openssl 3.0.1 to 3.0.7, or waive it "
                + "until a date within the policy's waiverRules.maxDays (waiver fingerprint: " + f.fingerprint() + ")");
    }

    @Test
    void shouldShowAnAcceptedOverrideOnTheVerdictLineAndExitZero() {
        GateDecision d = decide("version: 1\noverrideRules: {allowed: true, maxDays: 2}\n",
                new GateOverride("carol", "incident 42", "INC-42", LocalDate.of(2026, 11, 26)),
                List.of(ScanResult.ok("bandit", "1.7", "bandit.json", List.of(Finding.builder("bandit", "B602")
                        .severity(Severity.CRITICAL).category(Category.SAST).build()))));
        assertThat(DecisionPresenter.verdictLine(d)).isEqualTo("Gate FAILED - OVERRIDDEN by carol until 2026-11-26: "
                + "incident 42");
        assertThat(ExitCode.of(d)).isEqualTo(ExitCode.PASSED);
    }

    @Test
    void shouldSayHowToFixReasonsWithoutFindings() {
        GateDecision d = decide("version: 1\nrequiredReports: [shellcheck]\nevidence: {sbom: true, approvals: true}\n",
                null, List.of(ScanResult.error("bandit", "b.json", List.of(io.jenkins.plugins.securedeploy.engine.core
                        .Problem.of("x", "crashed", Location.ofFile("b.json"))))));
        assertThat(DecisionPresenter.nextSteps(d)).containsExactly(
                "make bandit run (see its error above) and gate again; a failed scanner never counts as 0 findings",
                "run shellcheck and pass its report, or remove it from the policy's requiredReports",
                "record an SBOM of the build (secure-deploy sbom generate, or the recordSbom step)",
                "get the approvals the policy requires");
    }
}
