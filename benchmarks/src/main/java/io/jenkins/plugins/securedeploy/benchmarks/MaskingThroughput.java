package io.jenkins.plugins.securedeploy.benchmarks;

import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.mask.SecretMasker;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Throughput per core measured in CPU time (ThreadMXBean), which stays meaningful on a machine shared with other
 * work where JMH's wall-clock numbers are not: masker vs credentials-binding-style regex alternation, same secrets,
 * same variants, same run. Prints a Markdown table. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar io.jenkins.plugins.securedeploy.benchmarks.MaskingThroughput [MB]}.
 */
public final class MaskingThroughput {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private MaskingThroughput() {}

    public static void main(String[] args) {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        buildTime();
        byte[] log = MaskingFixtures.log(megabytes << 20, 7);
        System.out.printf(Locale.ROOT, "log: %d bytes, %d lines, no secret in it%n%n", log.length,
                new String(log, StandardCharsets.UTF_8).lines().count());
        System.out.println("| secrets | patterns | masker MB/s (CPU) | regex bytes | regex MB/s (CPU) | speed-up |");
        System.out.println("|---:|---:|---:|---:|---:|---:|");
        for (int secrets : new int[] {10, 200, 1000}) {
            List<SecretValue> values = MaskingFixtures.secrets(secrets, 42);
            SecretMasker masker = SecretMasker.of(values);
            Pattern alternation = MaskingFixtures.alternation(MaskingFixtures.variants(values));
            if (masker.mask(log) != log) {
                throw new IllegalStateException("the generated log must hold no secret");
            }
            double maskerMbps = best(5, log.length, () -> masker.mask(log));
            int regexBytes = Math.min(log.length, (8 << 20) / secrets);
            List<String> lines =
                    new String(Arrays.copyOf(log, regexBytes), StandardCharsets.UTF_8).lines().toList();
            double regexMbps = best(3, regexBytes, () -> {
                for (String line : lines) {
                    if (alternation.matcher(line).replaceAll("****").length() < 0) {
                        throw new IllegalStateException();
                    }
                }
            });
            System.out.printf(Locale.ROOT, "| %d | %d | %.0f | %d | %.2f | %.0fx |%n", secrets,
                    masker.patternCount(), maskerMbps, regexBytes, regexMbps, maskerMbps / regexMbps);
        }
    }

    private static void buildTime() {
        List<SecretValue> values = MaskingFixtures.secrets(1000, 42);
        long bestCpu = Long.MAX_VALUE;
        SecretMasker masker = null;
        for (int i = 0; i < 12; i++) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            masker = SecretMasker.of(values);
            bestCpu = Math.min(bestCpu, THREADS.getCurrentThreadCpuTime() - cpu);
        }
        System.out.printf(Locale.ROOT, "%nbuild, 1000 secrets (%d patterns): %.1f ms CPU (best of 12), tables %.1f MB%n",
                masker.patternCount(), bestCpu / 1e6, masker.footprintBytes() / 1e6);
    }

    /** Best of {@code runs} after two warm-up runs, in MB (2^20 bytes) per CPU second. */
    private static double best(int runs, long bytes, Runnable work) {
        work.run();
        work.run();
        double best = 0;
        for (int i = 0; i < runs; i++) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            work.run();
            double seconds = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
            best = Math.max(best, bytes / (double) (1 << 20) / seconds);
        }
        return best;
    }
}
