package io.jenkins.plugins.securedeploy.benchmarks;

import io.jenkins.plugins.securedeploy.engine.policy.rules.CompiledRule;
import io.jenkins.plugins.securedeploy.engine.policy.rules.FindingView;
import io.jenkins.plugins.securedeploy.engine.policy.rules.PackageView;
import io.jenkins.plugins.securedeploy.engine.policy.rules.PolicyRules;
import io.jenkins.plugins.securedeploy.engine.policy.rules.RuleEvaluator;
import io.jenkins.plugins.securedeploy.engine.policy.rules.RuleInput;
import io.jenkins.plugins.securedeploy.engine.policy.rules.RuleLimits;
import io.jenkins.plugins.securedeploy.engine.policy.rules.RuleOutcome;
import io.jenkins.plugins.securedeploy.engine.policy.rules.RuleSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 100 policy rules (scope {@code finding}: a {@code when} on severity and tool, a {@code require} on age, score,
 * fix or package name) over 100,000 findings. {@code cel} is the engine ({@link PolicyRules#run}, memoised on the
 * fields each rule reads); {@code javaPredicates} evaluates the same 100 conditions as hand-written Java predicates,
 * the baseline in the same run; {@code celWithoutMemoisation10k} is plain CEL per finding on the first 10,000
 * findings (one evaluation per rule and finding; multiply by 10 for 100k). All three count the same violations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class PolicyRulesBenchmark {
    static final int FINDINGS = 100_000;
    static final int RULES = 100;
    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    static final String[] SEVERITIES = {"CRITICAL", "HIGH", "MEDIUM", "LOW"};
    static final String[] TOOLS = {"trivy", "grype", "osv", "semgrep", "bandit"};

    List<CompiledRule> rules;
    List<Predicate<FindingView>> predicates;
    RuleInput input;
    RuleInput input10k;
    PolicyRules engine;
    PolicyRules plain;

    @Setup
    public void setUp() {
        Random random = new Random(20);
        List<FindingView> findings = new ArrayList<>(FINDINGS);
        for (int i = 0; i < FINDINGS; i++) {
            long age = random.nextInt(365);
            String fixed = random.nextBoolean() ? "1." + random.nextInt(20) : "";
            findings.add(new FindingView(TOOLS[random.nextInt(TOOLS.length)], "CVE-2024-" + i, "title " + i,
                    SEVERITIES[random.nextInt(SEVERITIES.length)], random.nextInt(100) / 10.0, true, "SCA",
                    List.of("CVE-2024-" + i), new PackageView("pkg" + random.nextInt(500), "1.0", fixed, ""),
                    "package-lock.json", i, "fp" + i, !fixed.isEmpty(), true, NOW.minus(Duration.ofDays(age)), age));
        }
        input = new RuleInput(null, null, findings, null, null, null, NOW);
        input10k = new RuleInput(null, null, findings.subList(0, 10_000), null, null, null, NOW);
        List<RuleSpec> specs = new ArrayList<>();
        predicates = new ArrayList<>();
        for (int r = 0; r < RULES; r++) {
            String severity = SEVERITIES[r % SEVERITIES.length];
            String tool = TOOLS[(r / 4) % TOOLS.length];
            int n = r;
            String require;
            Predicate<FindingView> requirement;
            switch (r % 4) {
                case 0 -> {
                    require = "finding.ageDays <= " + (30 + n);
                    requirement = f -> f.ageDays() <= 30 + n;
                }
                case 1 -> {
                    require = "finding.score < " + (5.0 + (n % 50) / 10.0);
                    requirement = f -> f.score() < 5.0 + (n % 50) / 10.0;
                }
                case 2 -> {
                    require = "!finding.fixable || finding.ageDays < " + (60 + n);
                    requirement = f -> !f.fixable() || f.ageDays() < 60 + n;
                }
                default -> {
                    require = "!(finding.pkg.name in ['pkg" + n + "', 'pkg" + (n + 1) + "'])";
                    requirement = f -> !List.of("pkg" + n, "pkg" + (n + 1)).contains(f.pkg().name());
                }
            }
            specs.add(new RuleSpec("rule-" + r, "finding", "finding.severity == '" + severity
                    + "' && finding.tool == '" + tool + "'", require, "{{finding.ruleId}} violates rule-" + r,
                    null, null, true, "", "", null, null));
            predicates.add(f -> !(f.severity().equals(severity) && f.tool().equals(tool)) || requirement.test(f));
        }
        rules = PolicyRules.compile(specs);
        engine = new PolicyRules(new RuleEvaluator(RuleLimits.DEFAULT));
        plain = new PolicyRules(new RuleEvaluator(RuleLimits.DEFAULT).withoutMemoisation());
        int cel = cel();
        int java = javaPredicates();
        if (cel != java || cel == 0) {
            throw new IllegalStateException("CEL found " + cel + " violations, Java " + java);
        }
    }

    @Benchmark
    public int cel() {
        return count(engine.run(rules, input));
    }

    static int count(RuleOutcome outcome) {
        if (outcome.failed()) {
            throw new IllegalStateException("rules could not be decided: " + outcome.problems());
        }
        return outcome.violations().size();
    }

    @Benchmark
    public int javaPredicates() {
        int violations = 0;
        for (Predicate<FindingView> p : predicates) {
            for (FindingView f : input.findings()) {
                if (!p.test(f)) {
                    violations++;
                }
            }
        }
        return violations;
    }

    @Benchmark
    public int celWithoutMemoisation10k() {
        return count(plain.run(rules, input10k));
    }
}
