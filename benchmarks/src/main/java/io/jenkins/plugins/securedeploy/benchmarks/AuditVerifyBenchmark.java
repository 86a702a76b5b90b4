package io.jenkins.plugins.securedeploy.benchmarks;

import io.jenkins.plugins.securedeploy.engine.audit.AuditAction;
import io.jenkins.plugins.securedeploy.engine.audit.AuditEvent;
import io.jenkins.plugins.securedeploy.engine.audit.AuditLog;
import io.jenkins.plugins.securedeploy.engine.audit.AuditRef;
import io.jenkins.plugins.securedeploy.engine.audit.AuditVerification;
import io.jenkins.plugins.securedeploy.engine.audit.AuditVerifier;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Streaming verification of a 100,000-entry audit log (checkpoint every 1,000, ECDSA P-256) by {@link AuditVerifier}
 * — parse every entry, recompute its hash, check number, chain and 100 signed checkpoints — against the least any
 * chain verifier must do: split the same file into lines and SHA-256 each one. Scores are entries per second
 * (one operation = one entry). Target: verify ≥ 100,000 entries/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class AuditVerifyBenchmark {
    static final int ENTRIES = 100_000;

    /** The log's size: {@link #ENTRIES}, smaller only in the benchmark's own test. */
    int entries = ENTRIES;
    Path dir;
    Path log;
    AuditVerifier verifier;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("audit-verify-benchmark");
        log = dir.resolve("audit.jsonl");
        BenchmarkSigner key = new BenchmarkSigner();
        write(log, key, entries);
        verifier = new AuditVerifier(List.of(key));
    }

    /** A log of {@code entries} realistic entries (a digest, a build id, a short note), checkpointed every 1,000. */
    static void write(Path file, BenchmarkSigner key, int entries) {
        try (AuditLog l = AuditLog.open(file, AuditLog.Options.signed(key, Clock.systemUTC(), null))) {
            List<AuditEvent> batch = new ArrayList<>(10_000);
            for (int i = 1; i <= entries; i++) {
                batch.add(event(i));
                if (batch.size() == 10_000 || i == entries) {
                    l.appendAll(batch);
                    batch.clear();
                }
            }
        }
    }

    static AuditEvent event(int i) {
        return AuditEvent.of(i % 3 == 0 ? AuditAction.APPROVAL_VOTE : AuditAction.GATE_DECIDED, "user-" + (i % 50),
                "PASSED, 3 findings, 1 waiver",
                AuditRef.artifact(Hashing.sha256(("artifact-" + i).getBytes(StandardCharsets.UTF_8))),
                AuditRef.build("folder/app/main#" + i));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(ENTRIES)
    public int baselineSplitAndHashLines() throws IOException, NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[1 << 20];
        int lines = 0;
        int start = 0;
        int end = 0;
        try (InputStream in = Files.newInputStream(log)) {
            int n;
            while ((n = in.read(buf, end, buf.length - end)) >= 0) {
                int scan = end;
                end += n;
                for (int i = scan; i < end; i++) {
                    if (buf[i] == '\n') {
                        md.update(buf, start, i - start);
                        lines += md.digest()[0] == 0 ? 2 : 1;
                        start = i + 1;
                    }
                }
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
            }
        }
        return lines;
    }

    @Benchmark
    @OperationsPerInvocation(ENTRIES)
    public AuditVerification verify() {
        AuditVerification v = verifier.verify(log);
        if (!v.isIntact()) {
            throw new IllegalStateException(v.headline());
        }
        return v;
    }
}
