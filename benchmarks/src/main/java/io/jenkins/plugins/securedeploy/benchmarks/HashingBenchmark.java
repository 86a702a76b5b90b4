package io.jenkins.plugins.securedeploy.benchmarks;

import io.jenkins.plugins.securedeploy.engine.core.DigestAlgorithm;
import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
 * File hashing through {@link Hashing#file} (streamed from a file in the page cache) against the raw JCA
 * {@link MessageDigest} over the same bytes already in memory — the ceiling. Target: ratio ≥ 0.8.
 * Both report throughput in bytes/s via {@code @OperationsPerInvocation}-free scores: one op = the whole 64 MiB.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class HashingBenchmark {
    static final int SIZE = 64 * 1024 * 1024;

    private byte[] content;
    private Path file;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        content = new byte[SIZE];
        new Random(42).nextBytes(content);
        file = Files.createTempFile("hashing-benchmark", ".bin");
        Files.write(file, content);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public byte[] baselineJcaInMemory() throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(content);
    }

    @Benchmark
    public DigestSet hashFileStreamed() {
        return Hashing.file(file, Set.of(DigestAlgorithm.SHA256));
    }
}
