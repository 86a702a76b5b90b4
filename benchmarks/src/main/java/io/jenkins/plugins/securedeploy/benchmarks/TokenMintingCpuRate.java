package io.jenkins.plugins.securedeploy.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@link TokenMintingBenchmark}'s methods timed in the thread's CPU time (ThreadMXBean), which stays a per-core rate
 * on a machine shared with other builds where JMH's wall-clock scores do not: the methods take turns (one CPU-second
 * each per round, so load changes hit all of them), the first round is warm-up, and the table gives each method's
 * median tokens per CPU-second and its ratio to {@code baselineNimbusSign} of the same run. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar io.jenkins.plugins.securedeploy.benchmarks.TokenMintingCpuRate [rounds]}.
 */
public final class TokenMintingCpuRate {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long CPU_NANOS_PER_TURN = 1_000_000_000L;

    private TokenMintingCpuRate() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        TokenMintingBenchmark b = new TokenMintingBenchmark();
        b.setUp();
        Map<String, Op> ops = new LinkedHashMap<>();
        ops.put("baselineNimbusSign", b::baselineNimbusSign);
        ops.put("issueToken", b::issueToken);
        ops.put("nimbusSignFast", b::nimbusSignFast);
        ops.put("issueTokenSunEc", b::issueTokenSunEc);
        ops.put("issueTokenBc", b::issueTokenBc);
        ops.put("baselineNimbusSignBc", b::baselineNimbusSignBc);
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        for (int round = 0; round <= rounds; round++) {
            for (Map.Entry<String, Op> e : ops.entrySet()) {
                double rate = perCpuSecond(e.getValue());
                if (round > 0) {
                    rates.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(rate);
                }
            }
        }
        double base = median(rates.get("baselineNimbusSign"));
        System.out.println("| method | tokens per CPU-second (median of " + rounds + ") | ratio to baselineNimbusSign |");
        System.out.println("|---|---:|---:|");
        for (Map.Entry<String, List<Double>> e : rates.entrySet()) {
            double m = median(e.getValue());
            System.out.printf(Locale.ROOT, "| `%s` | %,.0f | %.2f |%n", e.getKey(), m, m / base);
        }
    }

    private static double perCpuSecond(Op op) throws Exception {
        long c0 = THREADS.getCurrentThreadCpuTime();
        long n = 0;
        Object sink = null;
        while (THREADS.getCurrentThreadCpuTime() - c0 < CPU_NANOS_PER_TURN) {
            for (int i = 0; i < 20; i++) {
                sink = op.run();
            }
            n += 20;
        }
        if (sink == null) {
            throw new IllegalStateException("an operation returned nothing");
        }
        return n * 1e9 / (THREADS.getCurrentThreadCpuTime() - c0);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    @FunctionalInterface
    private interface Op {
        Object run() throws Exception;
    }
}
