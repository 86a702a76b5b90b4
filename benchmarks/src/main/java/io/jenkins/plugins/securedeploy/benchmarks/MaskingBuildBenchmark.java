package io.jenkins.plugins.securedeploy.benchmarks;

import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.mask.SecretMasker;
import java.lang.management.ManagementFactory;
import java.util.List;
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

/**
 * How long building a masker for N secrets (all variants) takes, single shot, and - printed once per trial - how
 * much heap it retains (heap used after GC with the masker alive, minus without) and allocates while building, with
 * the same for the baseline regex alternation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 5)
@Measurement(iterations = 10)
public class MaskingBuildBenchmark {
    @Param({"1000"})
    int secrets;

    List<SecretValue> values;

    @Setup
    public void setUp() {
        values = MaskingFixtures.secrets(secrets, 42);
        SecretMasker.of(values); // load classes
        long before = usedAfterGc();
        long allocated = allocatedBytes();
        SecretMasker kept = SecretMasker.of(values);
        allocated = allocatedBytes() - allocated;
        long retained = usedAfterGc() - before;
        System.out.printf("%n[masker-footprint] secrets=%d patterns=%d maxPatternBytes=%d retainedBytes=%d"
                + " tableBytes=%d allocatedBytes=%d%n", secrets, kept.patternCount(), kept.maxPatternLength(),
                retained, kept.footprintBytes(), allocated);
        if (kept.isEmpty()) {
            throw new IllegalStateException("unreachable: keeps the masker alive until here");
        }
    }

    @Benchmark
    public SecretMasker build() {
        return SecretMasker.of(values);
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
