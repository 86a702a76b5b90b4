package io.jenkins.plugins.securedeploy.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.engine.gate.FindingSpoolWriter;
import io.jenkins.plugins.securedeploy.engine.gate.GateRequest;
import io.jenkins.plugins.securedeploy.engine.gate.GateService;
import io.jenkins.plugins.securedeploy.engine.gate.GateSink;
import io.jenkins.plugins.securedeploy.engine.gate.NamedBytes;
import io.jenkins.plugins.securedeploy.engine.host.FileSystemEvidenceStore;
import io.jenkins.plugins.securedeploy.engine.scan.registry.ReportSource;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import io.jenkins.plugins.securedeploy.engine.policy.Baseline;
import io.jenkins.plugins.securedeploy.engine.policy.FindingTally;
import io.jenkins.plugins.securedeploy.engine.policy.GateDecision;
import io.jenkins.plugins.securedeploy.engine.policy.GateEvaluator;
import io.jenkins.plugins.securedeploy.engine.policy.GateInput;
import io.jenkins.plugins.securedeploy.engine.policy.Policy;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyFloor;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyMerger;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyReader;
import io.jenkins.plugins.securedeploy.engine.scan.registry.ReportIngest;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * A 200 MB SARIF log on disk, end to end through the streaming gate at {@code -Xmx256m} ({@code GateService}:
 * detect, parse, classify and count every finding, spool it to sorted runs on disk, decide, write the report folder)
 * against two references in the same run: the baseline of reading the same file as a Jackson tree ({@code readTree},
 * which needs a 3 GB heap and so gets its own fork) and the bare strict streaming tokeniser reading every token and no
 * value (the ceiling of any streaming parse). Two shapes of the same log ({@link #shape}): the run's rules after its
 * results (every result deferred) and before them (the common case). {@code ops/s} ratios are the speed-ups;
 * {@code bytes} per second the throughput; {@code cpuNanos}/{@code parsedBytes} give MB per CPU-second on a shared
 * machine.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
@State(Scope.Benchmark)
public class StreamingGateBenchmark {
    static final int TARGET_BYTES = 200 * 1000 * 1000;
    private static final String POLICY = "version: 1\nthresholds: {total: {high: 0}}\n"
            + "waivers:\n  - {rule: js/unused, owner: sec, reason: noise, expires: 2026-12-20}\n";
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    /**
     * Where the run's rules are: {@code rulesAfterResults} (the hard case: every result comes before the rules it is
     * resolved against, so every one is deferred and replayed) or {@code rulesFirst} (what CodeQL, Semgrep and most
     * tools write: {@code tool.driver.rules} before {@code results}, each result resolved as it is read).
     */
    @Param({"rulesAfterResults", "rulesFirst"})
    public String shape;

    /** How big the generated log is (tests make it small). */
    int targetBytes = TARGET_BYTES;
    Path file;
    long size;
    Policy policy;
    Clock clock;

    /** Bytes read, reported by JMH per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Throughput {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    /**
     * CPU time and bytes per iteration: MB per CPU-second = parsedBytes / cpuNanos * 1000. {@code cpuNanos} is the
     * benchmark thread's; {@code processCpuNanos} the whole fork's (every thread: threads the gate starts, such as
     * digest threads, and the collector and compiler too), so work moved to another thread is still counted.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CpuTime {
        public long cpuNanos;
        public long processCpuNanos;
        public long parsedBytes;

        @Setup(Level.Iteration)
        public void reset() {
            cpuNanos = 0;
            processCpuNanos = 0;
            parsedBytes = 0;
        }
    }

    @Setup
    public void generate() throws IOException {
        file = Files.createTempFile("streaming-gate-", ".sarif");
        try (OutputStream out = Files.newOutputStream(file)) {
            int written = 0;
            byte[] chunk = SarifIngestBenchmark.generate(Math.min(targetBytes, 16 * 1024 * 1024));
            // one valid log of ~200 MB: the 16 MB log's results repeated, its head and tail once
            String text = new String(chunk, StandardCharsets.UTF_8);
            int resultsStart = text.indexOf("\"results\":[") + "\"results\":[".length();
            int resultsEnd = text.lastIndexOf("],\"tool\"");
            byte[] head = text.substring(0, resultsStart).getBytes(StandardCharsets.UTF_8);
            byte[] body = text.substring(resultsStart, resultsEnd).getBytes(StandardCharsets.UTF_8);
            byte[] tail = text.substring(resultsEnd).getBytes(StandardCharsets.UTF_8);
            if ("rulesFirst".equals(shape)) {
                // {"version":..,"runs":[{"tool":{..},"results":[ BODY ]}]}: the same bytes, the tool moved first
                String tool = text.substring(resultsEnd + "],".length(), text.lastIndexOf("}]}"));
                head = (text.substring(0, text.indexOf("\"results\":[")) + tool + ",\"results\":[")
                        .getBytes(StandardCharsets.UTF_8);
                tail = "]}]}".getBytes(StandardCharsets.UTF_8);
            } else if (!"rulesAfterResults".equals(shape)) {
                throw new IllegalArgumentException("unknown shape " + shape);
            }
            out.write(head);
            for (int i = 0; written < targetBytes; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(body);
                written += body.length;
            }
            out.write(tail);
        }
        size = Files.size(file);
        clock = Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        policy = new PolicyMerger().merge(PolicyFloor.NONE, new PolicyReader().read(POLICY
                .getBytes(StandardCharsets.UTF_8), ".secure-deploy.yml"), TODAY);
    }

    @TearDown
    public void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    private InputStream open() throws IOException {
        return new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    }

    /** CPU time of every thread of this JVM so far, in nanoseconds. */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private long account(CpuTime cpu, long startCpu, long startProcess) {
        cpu.cpuNanos += THREADS.getCurrentThreadCpuTime() - startCpu;
        cpu.processCpuNanos += processCpu() - startProcess;
        cpu.parsedBytes += size;
        return size;
    }

    /**
     * End to end, what every host's gate does with the file: {@code GateService.decide} - detect, parse, evaluate
     * each finding as it arrives, spool it to disk (sorted runs), decide, and write index.html, gate-report.json
     * (every finding) and baseline.json to a report folder on disk.
     */
    @Benchmark
    public GateDecision streamingIngestAndGate(Throughput t, CpuTime cpu) throws IOException {
        long start = THREADS.getCurrentThreadCpuTime();
        long startProcess = processCpu();
        Path dir = Files.createTempDirectory("streaming-gate-report-");
        try {
            GateDecision d = gate(dir);
            t.bytes += account(cpu, start, startProcess); // the gate's CPU, not the benchmark's clean-up
            return d;
        } finally {
            deleteTree(dir);
        }
    }

    private GateDecision gate(Path reportDir) throws IOException {
        return new GateService(clock).decide(GateRequest.of(List.of())
                .withPolicy(new NamedBytes(".secure-deploy.yml", POLICY.getBytes(StandardCharsets.UTF_8)))
                .withReports(List.of(ReportSource.ofFile(file, "bench.sarif", null))),
                new FileSystemEvidenceStore(reportDir)).decision();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    /**
     * What {@link #streamingIngestAndGate} writes, found by gating the log once: each file of the report folder and
     * its size, and the first bytes of gate-report.json to write them with.
     */
    @State(Scope.Benchmark)
    public static class GateOutput {
        final java.util.Map<String, Long> files = new java.util.TreeMap<>();
        byte[] chunk;

        @Setup(Level.Trial)
        public void gateOnce(StreamingGateBenchmark bench) throws IOException {
            Path dir = Files.createTempDirectory("streaming-gate-output-");
            try {
                bench.gate(dir);
                Path report = null;
                try (java.util.stream.Stream<Path> found = Files.walk(dir)) {
                    for (Path f : found.filter(Files::isRegularFile).toList()) {
                        files.put(dir.relativize(f).toString().replace('\\', '/'), Files.size(f));
                        report = f.endsWith("gate-report.json") ? f : report;
                    }
                }
                try (InputStream in = Files.newInputStream(java.util.Objects.requireNonNull(report, "gate-report.json"))) {
                    chunk = in.readNBytes(256 * 1024);
                }
            } finally {
                deleteTree(dir);
            }
        }
    }

    /**
     * A floor under {@link #streamingIngestAndGate}'s report, not a gate: the same files of the same sizes stored
     * through the same evidence store ({@code FileSystemEvidenceStore}: written to disk, SHA-256 of each as it is
     * written), from bytes that are ready (gate-report.json's first 256 KiB, repeated) - no parse, spool, sort or
     * encoding. Counted per byte of the log, like the others, so its rate combines with {@link #parseAndTally}'s
     * into the most any gate could reach that parses as this one does and writes this report
     * ({@code RatioReport}'s "bound" row).
     */
    @Benchmark
    public int reportFloor(GateOutput output, Throughput t, CpuTime cpu) throws IOException {
        long start = THREADS.getCurrentThreadCpuTime();
        long startProcess = processCpu();
        Path dir = Files.createTempDirectory("streaming-gate-floor-");
        try {
            FileSystemEvidenceStore store = new FileSystemEvidenceStore(dir);
            for (java.util.Map.Entry<String, Long> f : output.files.entrySet()) {
                long size = f.getValue();
                store.store(f.getKey(), "application/octet-stream", out -> {
                    for (long left = size; left > 0; left -= output.chunk.length) {
                        out.write(output.chunk, 0, (int) Math.min(left, output.chunk.length));
                    }
                });
            }
            t.bytes += account(cpu, start, startProcess);
            return output.files.size();
        } finally {
            deleteTree(dir);
        }
    }

    /**
     * Part of the above, for where the time goes: parse, classify and count into the tally (top 1,000), spool
     * as NDJSON to a discarding stream, decide - no report written.
     */
    @Benchmark
    public GateDecision ingestAndTallyOnly(Throughput t, CpuTime cpu) throws IOException {
        long start = THREADS.getCurrentThreadCpuTime();
        long startProcess = processCpu();
        FindingTally tally = new FindingTally(policy, Baseline.NONE, TODAY, 1000);
        GateDecision d;
        try (InputStream in = open(); FindingSpoolWriter spool = new FindingSpoolWriter(OutputStream.nullOutputStream())) {
            GateSink sink = new GateSink(tally, spool);
            ReportIngest.standard().ingest(in, "bench.sarif", null, sink);
            d = new GateEvaluator(clock).evaluate(GateInput.of(policy, List.of(sink.result("bench.sarif"))), tally);
        }
        t.bytes += account(cpu, start, startProcess);
        return d;
    }

    /**
     * Part of {@link #ingestAndTallyOnly}, closer to what the gate's parse costs: parse, classify and count into the
     * tally, decide - no NDJSON written (the gate spools each finding its own way, {@code GateSpool}).
     */
    @Benchmark
    public GateDecision parseAndTally(Throughput t, CpuTime cpu) throws IOException {
        long start = THREADS.getCurrentThreadCpuTime();
        long startProcess = processCpu();
        FindingTally tally = new FindingTally(policy, Baseline.NONE, TODAY, 1000);
        GateDecision d;
        try (InputStream in = open()) {
            GateSink sink = new GateSink(tally, null);
            ReportIngest.standard().ingest(in, "bench.sarif", null, sink);
            d = new GateEvaluator(clock).evaluate(GateInput.of(policy, List.of(sink.result("bench.sarif"))), tally);
        }
        t.bytes += account(cpu, start, startProcess);
        return d;
    }

    /**
     * Reference, for what duplicate-key detection costs the tokeniser: {@link #tokensOnly} with Jackson's
     * STRICT_DUPLICATE_DETECTION off (no engine parser reads a report this way).
     */
    @Benchmark
    public int tokensOnlyNoDuplicateCheck(Throughput t, CpuTime cpu) throws IOException {
        long start = THREADS.getCurrentThreadCpuTime();
        long startProcess = processCpu();
        int tokens = 0;
        try (InputStream in = open(); com.fasterxml.jackson.core.JsonParser p = Json.strict().factory()
                .createParser(in)) {
            p.disable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            while (p.nextToken() != null) {
                tokens++;
            }
        }
        t.bytes += account(cpu, start, startProcess);
        return tokens;
    }

    /** Reference: Jackson's strict tokeniser over the same file, every token, no values. */
    @Benchmark
    public int tokensOnly(Throughput t, CpuTime cpu) throws IOException {
        long start = THREADS.getCurrentThreadCpuTime();
        long startProcess = processCpu();
        int tokens = 0;
        try (InputStream in = open(); com.fasterxml.jackson.core.JsonParser p = Json.strict().factory()
                .createParser(in)) {
            while (p.nextToken() != null) {
                tokens++;
            }
        }
        t.bytes += account(cpu, start, startProcess);
        return tokens;
    }

    /** Baseline: the whole file as a tree (what an in-memory ingest costs before it has made a single finding). */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
    public JsonNode baselineReadTree(Throughput t, CpuTime cpu) throws IOException {
        long start = THREADS.getCurrentThreadCpuTime();
        long startProcess = processCpu();
        JsonNode root;
        try (InputStream in = open()) {
            root = Json.strict().mapper().readTree(in);
        }
        t.bytes += account(cpu, start, startProcess);
        return root;
    }
}
