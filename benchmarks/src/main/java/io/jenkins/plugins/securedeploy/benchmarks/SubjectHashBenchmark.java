package io.jenkins.plugins.securedeploy.benchmarks;

import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.sign.ArtifactSource;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.TrustMaterial;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationPolicy;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationRequest;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationResult;
import io.jenkins.plugins.securedeploy.engine.sign.digest.DigestPinVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;
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
 * Hashing a 64 MiB subject through the verifier path (a digest-pin verification: the artifact streamed from a file
 * in the page cache, SHA-256, constant-time compare) against raw JCA {@link MessageDigest} over the same bytes
 * already in memory (the ceiling). One op = 64 MiB; target ratio ≥ 0.85.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class SubjectHashBenchmark {
    static final int SIZE = 64 * 1024 * 1024;

    private byte[] content;
    private Path file;
    private VerificationRequest request;
    private final DigestPinVerifier verifier = new DigestPinVerifier();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        content = new byte[SIZE];
        new Random(42).nextBytes(content);
        file = Files.createTempFile("subject-benchmark", ".bin");
        Files.write(file, content);
        byte[] pin = (Hashing.sha256(content) + "\n").getBytes(StandardCharsets.US_ASCII);
        request = VerificationRequest.of(new EvidenceFile("subject.sha256", pin), ArtifactSource.of(file, "subject.bin"),
                TrustMaterial.NONE, VerificationPolicy.STRICT);
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
    public VerificationResult verifierPathStreamed() {
        VerificationResult r = verifier.verify(request);
        if (!r.isVerified()) {
            throw new IllegalStateException(r.headline());
        }
        return r;
    }
}
