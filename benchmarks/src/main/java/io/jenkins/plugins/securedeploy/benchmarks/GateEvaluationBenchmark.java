package io.jenkins.plugins.securedeploy.benchmarks;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.policy.GateDecision;
import io.jenkins.plugins.securedeploy.engine.policy.GateEvaluator;
import io.jenkins.plugins.securedeploy.engine.policy.GateInput;
import io.jenkins.plugins.securedeploy.engine.policy.Policy;
import io.jenkins.plugins.securedeploy.engine.policy.Waiver;
import io.jenkins.plugins.securedeploy.engine.policy.WaiverIndex;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.PackageRef;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Waiver matching at scale: F findings against 1,000 waivers (a realistic mix: ids, fingerprints, packages, rules and
 * 20 path globs). {@code indexedMatch} is the engine's {@link WaiverIndex}; {@code naiveMatch} is the obvious nested
 * loop over every waiver ({@link Waiver#matches}), the baseline measured in the same run; {@code evaluate} is the
 * whole gate. Run {@code java -cp benchmarks/target/benchmarks.jar <this class>} for the ratio table, or through
 * {@code java -jar benchmarks.jar GateEvaluation}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class GateEvaluationBenchmark {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final int WAIVERS = 1_000;

    @Param({"10000", "100000"})
    int findings;

    List<Finding> list;
    List<Waiver> waivers;
    GateInput input;
    GateEvaluator evaluator;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        list = new ArrayList<>(findings);
        for (int i = 0; i < findings; i++) {
            int n = random.nextInt(findings);
            list.add(Finding.builder(i % 2 == 0 ? "trivy" : "grype", "rule-" + (n % 5_000))
                    .severity(Severity.values()[n % 5]).category(Category.SCA).id("CVE-2024-" + n)
                    .pkg(new PackageRef("pkg-" + (n % 20_000), "1." + (n % 7), "", ""))
                    .location(Location.ofFile("module-" + (n % 300) + "/pom.xml")).build());
        }
        waivers = new ArrayList<>(WAIVERS);
        for (int i = 0; i < WAIVERS; i++) {
            Finding f = list.get(random.nextInt(list.size()));
            LocalDate expires = TODAY.plusDays(1 + i % 60);
            waivers.add(switch (i % 5) {
                case 0 -> waiver(Waiver.Kind.ID, f.ids().get(0), expires);
                case 1 -> waiver(Waiver.Kind.FINGERPRINT, f.fingerprint(), expires);
                case 2 -> waiver(Waiver.Kind.PACKAGE, f.pkg().name() + "@" + f.pkg().version(), expires);
                case 3 -> i % 50 == 3 ? waiver(Waiver.Kind.PATH, "module-" + (i % 300) + "/**", expires)
                        : waiver(Waiver.Kind.RULE, "rule-nomatch-" + i, expires);
                default -> waiver(Waiver.Kind.ID, "GHSA-none-" + i, TODAY.minusDays(1));
            });
        }
        Policy policy = new Policy(null, null, null, null, null, null, null, null, waivers, "bench", null, null);
        input = GateInput.of(policy, List.of(ScanResult.ok("mixed", "", "", list)));
        evaluator = new GateEvaluator(Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    }

    private static Waiver waiver(Waiver.Kind kind, String value, LocalDate expires) {
        return new Waiver(kind, value, null, "owner", "bench", "", expires, null);
    }

    @Benchmark
    public int indexedMatch() {
        WaiverIndex index = new WaiverIndex(waivers, TODAY);
        int matched = 0;
        for (Finding f : list) {
            if (index.match(f).isPresent()) {
                matched++;
            }
        }
        return matched;
    }

    @Benchmark
    public int naiveMatch() {
        int matched = 0;
        for (Finding f : list) {
            for (Waiver w : waivers) {
                if (!w.isExpiredOn(TODAY) && w.matches(f)) {
                    matched++;
                    break;
                }
            }
        }
        return matched;
    }

    @Benchmark
    public GateDecision evaluate() {
        return evaluator.evaluate(input);
    }

    /** Runs the benchmark and prints naive/indexed ratios and the 10k to 100k scaling of each. */
    public static void main(String[] args) throws RunnerException {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(GateEvaluationBenchmark.class.getSimpleName()).build()).run();
        Map<String, Double> ms = new HashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark().replaceAll(".*\\.", "") + "@" + r.getParams().getParam("findings");
            ms.put(name, r.getPrimaryResult().getScore());
        }
        System.out.println();
        System.out.println("benchmark             10k findings   100k findings   100k/10k");
        for (String b : List.of("indexedMatch", "naiveMatch", "evaluate")) {
            double a = ms.getOrDefault(b + "@10000", Double.NaN);
            double c = ms.getOrDefault(b + "@100000", Double.NaN);
            System.out.printf(java.util.Locale.ROOT, "%-20s %10.2f ms %12.2f ms %9.1fx%n", b, a, c, c / a);
        }
        for (String n : List.of("10000", "100000")) {
            System.out.printf(java.util.Locale.ROOT, "naive / indexed at %s findings x %d waivers: %.0fx%n", n,
                    WAIVERS, ms.get("naiveMatch@" + n) / ms.get("indexedMatch@" + n));
        }
    }
}
