package io.jenkins.plugins.securedeploy.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.scan.sarif.SarifParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ingesting a ~64 MiB SARIF log held in memory: the engine's streaming {@link SarifParser} against the baseline of
 * reading the whole document as a Jackson tree ({@code Json.strict().mapper().readTree}) and walking its results into
 * the same findings. Both run in the same JMH run; {@code bytes} (an auxiliary counter, per second) is the
 * throughput in bytes/s, and the ratio of the two {@code ops/s} scores is the speed-up.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@State(Scope.Benchmark)
public class SarifIngestBenchmark {
    static final int TARGET_BYTES = 64 * 1024 * 1024;

    byte[] sarif;

    /** Bytes ingested, reported by JMH per second. */
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
     * Totals per iteration: the benchmark thread's CPU time and the bytes it parsed, so that throughput per CPU
     * second (one core) can be computed even on a machine shared with other work: {@code bytes / cpuNanos}.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CpuTime {
        public long cpuNanos;
        public long parsedBytes;

        @Setup(Level.Iteration)
        public void reset() {
            cpuNanos = 0;
            parsedBytes = 0;
        }
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private long account(CpuTime cpu, long startCpu) {
        cpu.cpuNanos += THREADS.getCurrentThreadCpuTime() - startCpu;
        cpu.parsedBytes += sarif.length;
        return sarif.length;
    }

    @Setup
    public void generate() {
        sarif = generate(TARGET_BYTES);
    }

    /** A CodeQL-shaped log: results first, rules after them, realistic messages, locations and snippets. */
    static byte[] generate(int targetBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(targetBytes + 4096);
        write(out, "{\"version\":\"2.1.0\",\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\","
                + "\"runs\":[{\"results\":[");
        String snippet = "      const value = req.query[name]; res.send(`<div>${value}</div>`); // "
                + "x".repeat(120);
        for (int i = 0; out.size() < targetBytes; i++) {
            write(out, (i == 0 ? "" : ",") + "{\"ruleId\":\"" + (i % 3 == 0 ? "js/xss" : i % 3 == 1 ? "js/sqli"
                    : "js/unused") + "\",\"message\":{\"text\":\"Cross-site scripting vulnerability due to a "
                    + "user-provided value flowing to sink number " + i + ".\"},\"locations\":[{\"physicalLocation\":"
                    + "{\"artifactLocation\":{\"uri\":\"src/module" + (i % 700) + "/file" + (i % 13) + ".js\","
                    + "\"uriBaseId\":\"%SRCROOT%\"},\"region\":{\"startLine\":" + (i % 4000 + 1) + ",\"startColumn\":"
                    + (i % 80 + 1) + ",\"snippet\":{\"text\":\"" + snippet + "\"}}}}],\"partialFingerprints\":"
                    + "{\"primaryLocationLineHash\":\"" + Integer.toHexString(i * 7919) + ":1\"}}");
        }
        write(out, "],\"tool\":{\"driver\":{\"name\":\"CodeQL\",\"semanticVersion\":\"2.16.1\",\"rules\":["
                + "{\"id\":\"js/xss\",\"defaultConfiguration\":{\"level\":\"error\"},\"properties\":"
                + "{\"security-severity\":\"6.1\",\"tags\":[\"external/cwe/cwe-079\"]}},"
                + "{\"id\":\"js/sqli\",\"defaultConfiguration\":{\"level\":\"error\"},\"properties\":"
                + "{\"security-severity\":\"8.8\",\"tags\":[\"external/cwe/cwe-089\"]}},"
                + "{\"id\":\"js/unused\",\"defaultConfiguration\":{\"level\":\"note\"}}]}}}]}");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    @Benchmark
    public int streamingSarifParser(Throughput t, CpuTime cpu) {
        long start = THREADS.getCurrentThreadCpuTime();
        ScanResult r = new SarifParser().parse(new ByteArrayInputStream(sarif), "bench.sarif");
        t.bytes += account(cpu, start);
        return r.findings().size();
    }

    /** Reference (not a parser): Jackson's strict streaming tokenizer alone, reading no values. */
    @Benchmark
    public int jacksonTokensOnly(Throughput t, CpuTime cpu) throws IOException {
        long start = THREADS.getCurrentThreadCpuTime();
        int tokens = 0;
        try (com.fasterxml.jackson.core.JsonParser p = Json.strict().factory().createParser(sarif)) {
            while (p.nextToken() != null) {
                tokens++;
            }
        }
        t.bytes += account(cpu, start);
        return tokens;
    }

    /** Baseline: the whole document as a tree, then the same findings (rules looked up after reading all). */
    @Benchmark
    public int jacksonTree(Throughput t, CpuTime cpu) throws IOException {
        long start = THREADS.getCurrentThreadCpuTime();
        JsonNode root = Json.strict().mapper().readTree(sarif);
        List<Finding> findings = new ArrayList<>();
        for (JsonNode run : root.path("runs")) {
            String tool = run.path("tool").path("driver").path("name").asText("sarif");
            java.util.Map<String, JsonNode> rules = new java.util.HashMap<>();
            for (JsonNode rule : run.path("tool").path("driver").path("rules")) {
                rules.put(rule.path("id").asText(), rule);
            }
            for (JsonNode result : run.path("results")) {
                String ruleId = result.path("ruleId").asText();
                JsonNode rule = rules.get(ruleId);
                double score = rule == null ? Double.NaN
                        : rule.path("properties").path("security-severity").asDouble(Double.NaN);
                String level = result.path("level").asText(rule == null ? "warning"
                        : rule.path("defaultConfiguration").path("level").asText("warning"));
                Severity severity = !Double.isNaN(score) ? Severity.fromCvss(score)
                        : "error".equals(level) ? Severity.HIGH : "note".equals(level) ? Severity.LOW : Severity.MEDIUM;
                JsonNode loc = result.path("locations").path(0).path("physicalLocation");
                findings.add(Finding.builder(tool, ruleId).title(result.path("message").path("text").asText())
                        .severity(severity).score(score)
                        .location(Location.of(loc.path("artifactLocation").path("uri").asText(),
                                loc.path("region").path("startLine").asInt(),
                                loc.path("region").path("startColumn").asInt()))
                        .toolFingerprint(result.path("partialFingerprints").path("primaryLocationLineHash").asText())
                        .build());
            }
        }
        t.bytes += account(cpu, start);
        return findings.size();
    }
}
