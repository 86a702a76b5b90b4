package io.jenkins.plugins.securedeploy.engine.policy;

import static io.jenkins.plugins.securedeploy.engine.policy.Fixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.PackageRef;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** A tally that keeps only the top N decides exactly as the in-memory gate over every finding. */
class FindingTallyTest {
    private static final Severity[] SEVERITIES = Severity.values();
    private static final String[] TOOLS = {"trivy", "semgrep", "gitleaks"};

    private static Policy policy() {
        return GateEvaluatorTest.policy("""
                version: 1
                thresholds: {total: {high: 3, medium: 5, any: 40}, new: {low: 2}, cvss: 9.0}
                tools: {semgrep: {total: {medium: 1}, new: {any: 4}}}
                categories: {SAST: {total: {low: 0}}}
                fixableOnly: true
                waivers:
                  - {id: CVE-7, owner: alice, reason: accepted, expires: 2026-12-01}
                  - {rule: rule-3, tool: semgrep, owner: bob, reason: legacy, expires: 2026-12-01}
                  - {rule: rule-4, owner: carol, reason: gone, expires: 2026-01-01}
                """);
    }

    private static List<Finding> findings(long seed, int n) {
        Random r = new Random(seed);
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String tool = TOOLS[r.nextInt(TOOLS.length)];
            Finding.builder(tool, "x");
            var b = Finding.builder(tool, "rule-" + r.nextInt(6)).title("t" + i)
                    .severity(SEVERITIES[r.nextInt(SEVERITIES.length)]).id("CVE-" + r.nextInt(10))
                    .toolFingerprint("fp" + r.nextInt(n)); // some duplicates
            if (r.nextBoolean()) {
                b.score(r.nextInt(101) / 10.0);
            }
            if (tool.equals("trivy")) {
                b.category(Category.SCA).pkg(new PackageRef("p" + r.nextInt(5), "1", r.nextBoolean() ? "2" : "",
                        ""));
            } else {
                b.category(tool.equals("gitleaks") ? Category.SECRET : Category.SAST)
                        .location(Location.of("src/f" + r.nextInt(4), 1 + r.nextInt(9), 1));
            }
            out.add(b.build());
        }
        return out;
    }

    @RepeatedTest(20)
    void theTopNTallyDecidesAsTheInMemoryGate(org.junit.jupiter.api.RepetitionInfo rep) {
        long seed = rep.getCurrentRepetition();
        List<Finding> all = findings(seed, 60 + (int) (seed * 7));
        Policy p = policy();
        Baseline baseline = Baseline.ofFindings(all.subList(0, all.size() / 3).stream()
                .filter(f -> f.hashCode() % 2 == 0).toList());
        List<ScanResult> results = List.of(ScanResult.ok("mixed", "1", "mixed.json", all));
        GateInput in = GateInput.of(p, results).withBaseline(baseline);
        GateDecision memory = GateEvaluatorTest.GATE.evaluate(in);

        FindingTally tally = new FindingTally(p, baseline, TODAY, 5);
        all.forEach(tally::add);
        GateInput summary = GateInput.of(p, List.of(ScanResult.ok("mixed", "1", "mixed.json", List.of())))
                .withBaseline(baseline);
        GateDecision streamed = GateEvaluatorTest.GATE.evaluate(summary, tally);

        assertThat(streamed.verdict()).isEqualTo(memory.verdict());
        assertThat(streamed.reasons()).isEqualTo(memory.reasons());
        assertThat(streamed.fixed()).isEqualTo(memory.fixed());
        assertThat(streamed.totals()).isEqualTo(memory.totals());
        assertThat(memory.findings()).hasSize(all.size());
        List<FindingOutcome> sorted = memory.findings().stream().sorted(TopFindings.WORST_FIRST).toList();
        assertThat(streamed.findings()).hasSize(5);
        assertThat(streamed.findings()).extracting(o -> o.finding().severity())
                .isEqualTo(sorted.subList(0, 5).stream().map(o -> o.finding().severity()).toList());
        assertThat(streamed.findings()).extracting(o -> o.finding().fingerprint())
                .isEqualTo(sorted.subList(0, 5).stream().map(o -> o.finding().fingerprint()).toList());
    }

    @Test
    void totalsCountEveryFindingAndEveryWaiverUse() {
        Policy p = policy();
        FindingTally tally = new FindingTally(p, Baseline.NONE, TODAY, 0);
        List<Finding> all = findings(99, 200);
        all.forEach(tally::add);
        FindingTotals t = tally.totals();
        assertThat(t.findings()).isEqualTo(200);
        assertThat(t.fresh()).isEqualTo(200);
        assertThat(t.bySeverity().values().stream().mapToLong(FindingTotals.Counts::total).sum()).isEqualTo(200);
        long waived = all.stream().filter(f -> p.waivers().stream().anyMatch(w -> !w.isExpiredOn(TODAY)
                && w.matches(f))).count();
        assertThat(t.waiverUses().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(waived);
        assertThat(tally.kept()).isEmpty();
    }

    @Test
    void aTallyOfAnotherPolicyIsRefused() {
        FindingTally tally = new FindingTally(Policy.DEFAULT, Baseline.NONE, TODAY, 1);
        assertThatThrownBy(() -> GateEvaluatorTest.GATE.evaluate(GateInput.of(policy(), List.of()), tally))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FindingTally(Policy.DEFAULT, Baseline.NONE, TODAY, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
