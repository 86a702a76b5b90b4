package io.jenkins.plugins.securedeploy.benchmarks;

import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.mask.MaskingOutputStream;
import io.jenkins.plugins.securedeploy.engine.mask.SecretMasker;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Our masker vs a credentials-binding-style java.util.regex alternation (Pattern.quote of every secret and variant
 * joined with |, applied line by line) over the same variants, on a build log with no secret in it. The masker scans
 * the whole log ({@code logMegabytes}); the regex, which is orders of magnitude slower, scans a slice of it sized so an
 * operation stays under a few seconds ({@link #regexBytes}, printed at setup). Compare throughput: bytes per op /
 * time per op; {@link MaskingThroughput} prints the same comparison in CPU time. Single-threaded: per core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class MaskingBenchmark {
    @Param({"10", "200", "1000"})
    int secrets;

    @Param("100")
    int logMegabytes;

    byte[] log;
    List<String> regexLines;
    int regexBytes;
    SecretMasker masker;
    Pattern alternation;

    @Setup(Level.Trial)
    public void setUp() {
        List<SecretValue> values = MaskingFixtures.secrets(secrets, 42);
        masker = SecretMasker.of(values);
        alternation = MaskingFixtures.alternation(MaskingFixtures.variants(values));
        log = MaskingFixtures.log(logMegabytes << 20, 7);
        if (masker.mask(log) != log) {
            throw new IllegalStateException("the generated log must hold no secret");
        }
        regexBytes = Math.min(log.length, (16 << 20) / secrets);
        String slice = new String(Arrays.copyOf(log, regexBytes), StandardCharsets.UTF_8);
        regexLines = slice.lines().toList();
        System.out.printf("%n[masking] secrets=%d patterns=%d masker-bytes=%d regex-bytes=%d%n", secrets,
                masker.patternCount(), log.length, regexBytes);
    }

    /** Our masker over the whole log, one call (returns the input when nothing matched). */
    @Benchmark
    public byte[] maskerBatch() {
        return masker.mask(log);
    }

    /** Our masker as a stream, in 8 KiB writes (what a console log filter sees). */
    @Benchmark
    public long maskerStream() throws IOException {
        Discard sink = new Discard();
        try (MaskingOutputStream out = masker.wrap(sink)) {
            for (int i = 0; i < log.length; i += 8192) {
                out.write(log, i, Math.min(8192, log.length - i));
            }
        }
        return sink.count;
    }

    /** credentials-binding's approach: the alternation applied to each line. */
    @Benchmark
    public void regexLineByLine(Blackhole bh) {
        for (String line : regexLines) {
            bh.consume(alternation.matcher(line).replaceAll("****"));
        }
    }

    /** Counts and drops bytes. */
    static final class Discard extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
