package io.jenkins.plugins.securedeploy.benchmarks;

import io.jenkins.plugins.securedeploy.engine.core.DigestAlgorithm;
import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SHA-256 and SHA-512 of a 256 MiB file: {@link Hashing#file} (each digest on its own thread over one read) against
 * the sequential way it was done before issue 21 — one read, both digests updated one after the other on one thread
 * ({@link Hashing#stream}, unchanged). Ratio = speed-up; on n cores at most min(n, 2) and at most
 * 1 + t(SHA-256)/t(SHA-512).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class ParallelHashingBenchmark {
    static final int SIZE = 256 * 1024 * 1024;
    private static final Set<DigestAlgorithm> BOTH = Set.of(DigestAlgorithm.SHA256, DigestAlgorithm.SHA512);

    private Path file;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        byte[] content = new byte[SIZE];
        new Random(42).nextBytes(content);
        file = Files.createTempFile("parallel-hashing-benchmark", ".bin");
        Files.write(file, content);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public DigestSet baselineBothSequential() throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Hashing.stream(in, BOTH);
        }
    }

    @Benchmark
    public DigestSet hashBothParallel() {
        return Hashing.file(file, BOTH);
    }
}
