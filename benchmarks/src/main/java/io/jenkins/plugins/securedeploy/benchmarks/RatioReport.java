package io.jenkins.plugins.securedeploy.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a JMH JSON result file and prints, per benchmark class and parameter set, each method's score as a ratio
 * to the method whose name starts with {@code baseline} in the same run. For throughput modes the ratio is
 * subject/baseline (higher is better); for time modes baseline/subject (the speed-up; higher is better).
 * Benchmarks that count CPU time and bytes get MB per CPU-second of their thread and of their fork, and - in a group
 * with {@value #CEILING} - the fork's rate as a share of that method's. A group with both parts of a
 * {@link #BOUND} gets a row for the two run one after the other: the least CPU per byte any code can need that does
 * both (their CPU per byte summed).
 * Usage: {@code java -cp benchmarks.jar ...RatioReport result.json}.
 */
public final class RatioReport {
    private RatioReport() {}

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        JsonNode results = Json.strict().readTree(Path.of(args[0]), args[0]);
        Map<String, Map<String, JsonNode>> groups = new TreeMap<>();
        for (JsonNode r : results) {
            String fq = r.get("benchmark").asText();
            int dot = fq.lastIndexOf('.');
            String cls = fq.substring(fq.lastIndexOf('.', dot - 1) + 1, dot);
            String params = r.has("params") ? r.get("params").toString() : "";
            groups.computeIfAbsent(cls + " " + params, k -> new LinkedHashMap<>()).put(fq.substring(dot + 1), r);
        }
        out.printf(Locale.ROOT, "%-70s %-34s %16s %-12s %8s %10s %12s %9s%n", "benchmark [params]", "method", "score",
                "unit", "ratio", "MB/cpu-s", "MB/proc-cpu-s", "of " + CEILING);
        for (Map.Entry<String, Map<String, JsonNode>> g : groups.entrySet()) {
            JsonNode baseline = g.getValue().entrySet().stream()
                    .filter(e -> e.getKey().startsWith("baseline"))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
            JsonNode ceiling = g.getValue().get(CEILING);
            for (Map.Entry<String, JsonNode> m : g.getValue().entrySet()) {
                JsonNode metric = m.getValue().get("primaryMetric");
                double score = metric.get("score").asDouble();
                String ratio = "";
                if (baseline != null) {
                    double base = baseline.get("primaryMetric").get("score").asDouble();
                    boolean throughput = "thrpt".equals(m.getValue().get("mode").asText());
                    ratio = String.format(Locale.ROOT, "%.2fx", throughput ? score / base : base / score);
                }
                out.printf(Locale.ROOT, "%-70s %-34s %16.3f %-12s %8s %10s %12s %9s%n", g.getKey(), m.getKey(), score,
                        metric.get("scoreUnit").asText(), ratio, perCpuSecond(m.getValue(), "cpuNanos"),
                        perCpuSecond(m.getValue(), "processCpuNanos"), share(m.getValue(), ceiling));
            }
            JsonNode first = g.getValue().get(BOUND.get(0));
            JsonNode second = g.getValue().get(BOUND.get(1));
            if (first != null && second != null) {
                out.printf(Locale.ROOT, "%-70s %-34s %16s %-12s %8s %10s %12s %9s%n", g.getKey(),
                        String.join("+", BOUND) + " (bound)", "", "", "", bound(first, second, "cpuNanos"),
                        bound(first, second, "processCpuNanos"), boundShare(first, second, ceiling));
            }
        }
    }

    /** The method whose fork rate the others are a share of: the bare tokeniser, the ceiling of a streaming parse. */
    static final String CEILING = "tokensOnly";
    /** What a gate does at the least: parse and tally as it does, and store a report as large as its own. */
    static final List<String> BOUND = List.of("parseAndTally", "reportFloor");

    /** CPU nanoseconds per byte read of a result that counts both (NaN when it does not). */
    private static double nanosPerByte(JsonNode result, String cpuCounter) {
        JsonNode secondary = result.path("secondaryMetrics");
        double cpu = secondary.path(cpuCounter).path("score").asDouble(0);
        double bytes = secondary.path("parsedBytes").path("score").asDouble(0);
        return cpu > 0 && bytes > 0 ? cpu / bytes : Double.NaN;
    }

    private static String megabytesPerSecond(double nanosPerByte) {
        return Double.isNaN(nanosPerByte) ? "" : String.format(Locale.ROOT, "%.1f", 1000 / nanosPerByte);
    }

    /** MB per CPU-second of {@code first} and {@code second} done one after the other on the same bytes. */
    static String bound(JsonNode first, JsonNode second, String cpuCounter) {
        return megabytesPerSecond(nanosPerByte(first, cpuCounter) + nanosPerByte(second, cpuCounter));
    }

    /** The fork's rate of {@code result} as a share of {@code ceiling}'s ("" without both). */
    static String share(JsonNode result, JsonNode ceiling) {
        return ceiling == null ? "" : percent(nanosPerByte(ceiling, "processCpuNanos")
                / nanosPerByte(result, "processCpuNanos"));
    }

    /** {@link #share} of {@link #bound}. */
    static String boundShare(JsonNode first, JsonNode second, JsonNode ceiling) {
        return ceiling == null ? "" : percent(nanosPerByte(ceiling, "processCpuNanos")
                / (nanosPerByte(first, "processCpuNanos") + nanosPerByte(second, "processCpuNanos")));
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "" : String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }

    /**
     * MB (10^6 bytes) per CPU-second when the benchmark counts CPU time (the counter {@code cpu}: {@code cpuNanos},
     * its thread's, or {@code processCpuNanos}, every thread of its fork) and the bytes it read ({@code parsedBytes})
     * as auxiliary counters, summed over the iterations; "" otherwise.
     */
    static String perCpuSecond(JsonNode result, String cpuCounter) {
        return megabytesPerSecond(nanosPerByte(result, cpuCounter));
    }
}
