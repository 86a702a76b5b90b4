package io.jenkins.plugins.securedeploy.engine.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Evaluation: the cost limits hold (no rule hangs the gate), errors fail closed, memoisation changes nothing. */
class RuleEvaluatorTest {
    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    static List<FindingView> findings(int n) {
        List<FindingView> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new FindingView("trivy", "CVE-" + i, "t", i % 5 == 0 ? "HIGH" : "LOW", 0, false, "SCA",
                    List.of("CVE-" + i), new PackageView("p" + (i % 50), "1", i % 2 == 0 ? "2" : "", ""), "lock", i,
                    "fp" + i, i % 2 == 0, true, NOW, i % 40));
        }
        return out;
    }

    static List<CompiledRule> compile(RuleLimits limits, RuleSpec... specs) {
        return new RuleCompiler(limits).compile(List.of(specs), PolicyRules.vocabulary(limits));
    }

    static RuleSpec rule(String id, String scope, String when, String require) {
        return new RuleSpec(id, scope, when, require, "{{" + (scope.equals("finding") ? "finding.ruleId" : "'x'")
                + "}}", null, null, true, "", "", null, null);
    }

    @Test
    void shouldStopARuleThatIteratesTooMuchAndFailClosed() {
        RuleLimits limits = new RuleLimits(10_000, Duration.ofSeconds(60), 4096);
        List<CompiledRule> rules = compile(limits,
                rule("quadratic", "deploy", "", "findings.all(a, findings.all(b, a.fingerprint != b.fingerprint "
                        + "|| a == b))"),
                rule("fine", "deploy", "", "size(findings) > 0"));
        RuleInput input = new RuleInput(null, null, findings(500), null, null, null, NOW);
        long start = System.nanoTime();
        ScanResult result = new PolicyRules(new RuleEvaluator(limits)).check(rules, input, "policy.yml");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        assertThat(result.isError()).isTrue();
        assertThat(result.tool()).isEqualTo(PolicyRules.TOOL);
        assertThat(result.problems()).extracting(Problem::code).containsExactly("rules.budget-exceeded");
        assertThat(result.problems().get(0).message()).contains("'quadratic'").contains("10000 iterations");
    }

    @Test
    void shouldStopTheRunWhenTheTimeBudgetIsSpent() {
        AtomicLong clock = new AtomicLong();
        RuleLimits limits = new RuleLimits(1000, Duration.ofMillis(50), 4096);
        // the clock moves 10 ms per reading; the evaluator reads it once per 256 subjects
        RuleEvaluator evaluator = new RuleEvaluator(limits, () -> clock.addAndGet(Duration.ofMillis(10).toNanos()));
        List<CompiledRule> rules = compile(limits, rule("per-finding", "finding", "", "finding.title == 't'"));
        RuleOutcome outcome = new PolicyRules(evaluator).run(rules,
                new RuleInput(null, null, findings(2000), null, null, null, NOW));
        assertThat(outcome.failed()).isTrue();
        assertThat(outcome.problems().get(0).code()).isEqualTo("rules.time-budget-exceeded");
        assertThat(outcome.problems().get(0).message()).contains("50 ms").contains("per-finding");
    }

    @Test
    void shouldFailClosedOnAnEvaluationError() {
        RuleOutcome outcome = new PolicyRules().run(compile(RuleLimits.DEFAULT,
                rule("missing-label", "deploy", "", "environment.labels['team'] == 'payments'")),
                new RuleInput(null, null, null, null, null, null, NOW));
        assertThat(outcome.problems()).extracting(Problem::code).containsExactly("rules.evaluation-error");
        assertThat(outcome.problems().get(0).message()).contains("missing-label");
        assertThat(outcome.violations()).isEmpty();
    }

    @Test
    void shouldGiveTheSameViolationsWithAndWithoutMemoisation() {
        List<FindingView> findings = findings(2000);
        RuleInput input = new RuleInput(null, null, findings, null, null, null, NOW);
        List<CompiledRule> rules = compile(RuleLimits.DEFAULT, rule("r", "finding", "finding.severity == 'HIGH'",
                "finding.pkg.fixedVersion == '' || finding.ageDays < 20"));
        RuleOutcome memoised = new PolicyRules().run(rules, input);
        RuleOutcome plain = new PolicyRules(new RuleEvaluator().withoutMemoisation()).run(rules, input);
        assertThat(memoised.violations()).isNotEmpty().isEqualTo(plain.violations());
        long expected = findings.stream().filter(f -> f.severity().equals("HIGH") && !f.pkg().fixedVersion().isEmpty()
                && f.ageDays() >= 20).count();
        assertThat(memoised.violations()).hasSize((int) expected);
        // when: 2 severities; require: the 40 (package, age) pairs of the 400 HIGH findings
        assertThat(memoised.evaluations()).isEqualTo(2 + 40);
        assertThat(memoised.memoHits()).isEqualTo(2000 - 2 + 400 - 40);
        assertThat(plain.evaluations()).isEqualTo(2000 + 400);
        RuleOutcome whole = new PolicyRules().run(compile(RuleLimits.DEFAULT, rule("r", "finding",
                "finding.severity == 'HIGH' && finding == finding", "finding.pkg.fixedVersion == '' || "
                        + "finding.ageDays < 20")), input);
        assertThat(whole.violations()).isEqualTo(plain.violations());
        assertThat(whole.evaluations()).isEqualTo(2000 + 40);
    }

    @Test
    void shouldMapViolationsToFindingsWithStableFingerprints() {
        List<CompiledRule> rules = compile(RuleLimits.DEFAULT, rule("old", "finding", "", "finding.ageDays < 39"));
        RuleInput input = new RuleInput(null, null, findings(80), null, null, null, NOW);
        ScanResult first = new PolicyRules().check(rules, input, "p");
        ScanResult second = new PolicyRules().check(rules, input, "p");
        assertThat(first.findings()).hasSize(2);
        assertThat(first.findings().get(0).tool()).isEqualTo(PolicyRules.TOOL);
        assertThat(first.findings().get(0).ruleId()).isEqualTo("old");
        assertThat(first.findings().get(0).title()).isEqualTo("CVE-39");
        assertThat(first.findings().get(0).location().line()).isEqualTo(39);
        assertThat(first.findings()).extracting(f -> f.fingerprint())
                .isEqualTo(second.findings().stream().map(f -> f.fingerprint()).toList()).doesNotHaveDuplicates();
    }

    @Test
    void shouldRenderValuesOfEveryKindInMessages() {
        assertThat(RuleEvaluator.text(List.of("a", 1L))).isEqualTo("[a, 1]");
        assertThat(RuleEvaluator.text(NOW)).isEqualTo("2026-12-01T00:00:00Z");
        assertThat(RuleEvaluator.text(new EnvironmentView("x", Map.of()))).isEqualTo("EnvironmentView");
        assertThat(RuleEvaluator.text(true)).isEqualTo("true");
    }
}
