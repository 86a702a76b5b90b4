package io.jenkins.plugins.securedeploy.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@link DsseVerifyBenchmark}'s two methods (1,000 DSSE envelopes through {@code DsseVerifier}; 1,000 raw JCA
 * verifications) timed in the thread's CPU time, which stays a per-core figure on a machine shared with other builds
 * where JMH's wall-clock scores do not. The methods take turns; the first two rounds are warm-up; the table gives the
 * median CPU milliseconds per 1,000 envelopes and the speed-up against the baseline of the same run. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar io.jenkins.plugins.securedeploy.benchmarks.DsseVerifyCpuTime [rounds]}.
 */
public final class DsseVerifyCpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private DsseVerifyCpuTime() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        DsseVerifyBenchmark b = new DsseVerifyBenchmark();
        b.setUp();
        List<Double> baseline = new ArrayList<>();
        List<Double> verifier = new ArrayList<>();
        for (int round = 0; round < rounds + 2; round++) {
            long c0 = THREADS.getCurrentThreadCpuTime();
            b.baselineJcaVerify();
            long c1 = THREADS.getCurrentThreadCpuTime();
            b.verifyEnvelopes();
            long c2 = THREADS.getCurrentThreadCpuTime();
            if (round >= 2) {
                baseline.add((c1 - c0) / 1e6);
                verifier.add((c2 - c1) / 1e6);
            }
        }
        double base = median(baseline);
        double ours = median(verifier);
        System.out.println("| method | CPU ms per 1,000 envelopes (median of " + rounds + ") | speed-up vs baseline |");
        System.out.println("|---|---:|---:|");
        System.out.printf(Locale.ROOT, "| `baselineJcaVerify` | %,.0f | 1.00 |%n", base);
        System.out.printf(Locale.ROOT, "| `verifyEnvelopes` | %,.0f | %.2f |%n", ours, base / ours);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
