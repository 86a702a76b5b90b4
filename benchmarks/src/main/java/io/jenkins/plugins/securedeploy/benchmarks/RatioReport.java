package io.jenkins.plugins.securedeploy.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a JMH JSON result file and prints, per benchmark class and parameter set, each method's score as a ratio
 * to the method whose name starts with {@code baseline} in the same run. For throughput modes the ratio is
 * subject/baseline (higher is better); for time modes baseline/subject (the speed-up; higher is better).
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
        out.printf(Locale.ROOT, "%-70s %-34s %16s %-12s %8s %10s %12s%n", "benchmark [params]", "method", "score",
                "unit", "ratio", "MB/cpu-s", "MB/proc-cpu-s");
        for (Map.Entry<String, Map<String, JsonNode>> g : groups.entrySet()) {
            JsonNode baseline = g.getValue().entrySet().stream()
                    .filter(e -> e.getKey().startsWith("baseline"))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
            for (Map.Entry<String, JsonNode> m : g.getValue().entrySet()) {
                JsonNode metric = m.getValue().get("primaryMetric");
                double score = metric.get("score").asDouble();
                String ratio = "";
                if (baseline != null) {
                    double base = baseline.get("primaryMetric").get("score").asDouble();
                    boolean throughput = "thrpt".equals(m.getValue().get("mode").asText());
                    ratio = String.format(Locale.ROOT, "%.2fx", throughput ? score / base : base / score);
                }
                out.printf(Locale.ROOT, "%-70s %-34s %16.3f %-12s %8s %10s %12s%n", g.getKey(), m.getKey(), score,
                        metric.get("scoreUnit").asText(), ratio, perCpuSecond(m.getValue(), "cpuNanos"),
                        perCpuSecond(m.getValue(), "processCpuNanos"));
            }
        }
    }

    /**
     * MB (10^6 bytes) per CPU-second when the benchmark counts CPU time (the counter {@code cpu}: {@code cpuNanos},
     * its thread's, or {@code processCpuNanos}, every thread of its fork) and the bytes it read ({@code parsedBytes})
     * as auxiliary counters, summed over the iterations; "" otherwise.
     */
    static String perCpuSecond(JsonNode result, String cpuCounter) {
        JsonNode secondary = result.path("secondaryMetrics");
        double cpu = secondary.path(cpuCounter).path("score").asDouble(0);
        double bytes = secondary.path("parsedBytes").path("score").asDouble(0);
        return cpu > 0 && bytes > 0 ? String.format(Locale.ROOT, "%.1f", bytes / cpu * 1000) : "";
    }
}
