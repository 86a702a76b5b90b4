package io.jenkins.plugins.securedeploy.benchmarks;

import io.jenkins.plugins.securedeploy.engine.audit.AuditEntry;
import io.jenkins.plugins.securedeploy.engine.audit.AuditLog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of one durable {@link AuditLog#append} (encode, chain, write, force to disk, a signed checkpoint every
 * 1,000) on a log already holding {@code existing} entries, against the bare minimum of a durable append: one
 * {@link FileChannel#write} of a line of the same size and {@link FileChannel#force}, measured in the same run.
 * Append cost must not depend on log length: compare the {@code append} ratios at 1,000 and 1,000,000; likewise
 * {@code reopen} (close and open again: the tail is all that is read).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class AuditAppendBenchmark {
    @Param({"1000", "1000000"})
    int existing;

    Path dir;
    Path file;
    BenchmarkSigner key;
    AuditLog log;
    FileChannel raw;
    byte[] line;
    int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("audit-append-benchmark");
        file = dir.resolve("audit.jsonl");
        key = new BenchmarkSigner();
        AuditVerifyBenchmark.write(file, key, existing);
        log = AuditLog.open(file, AuditLog.Options.signed(key, Clock.systemUTC(), null));
        line = Files.readAllLines(file).get(0).concat("\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        raw = FileChannel.open(dir.resolve("raw.jsonl"), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        next = existing;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        log.close();
        raw.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public long baselineWriteAndForce() throws IOException {
        ByteBuffer b = ByteBuffer.wrap(line);
        while (b.hasRemaining()) {
            raw.write(b);
        }
        raw.force(false);
        return raw.size();
    }

    /** Opening reads only the log's tail: its cost must not grow with the log either. */
    @Benchmark
    public long reopen() {
        log.close();
        log = AuditLog.open(file, AuditLog.Options.signed(key, Clock.systemUTC(), null));
        return log.size();
    }

    @Benchmark
    public AuditEntry append() {
        return log.append(AuditVerifyBenchmark.event(++next));
    }
}
