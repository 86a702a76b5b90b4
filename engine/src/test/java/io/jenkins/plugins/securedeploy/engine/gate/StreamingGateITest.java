package io.jenkins.plugins.securedeploy.engine.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link GateService} - what the CLI's {@code gate} and the {@code securityGate} step call - decides a report of any
 * size in a small heap: a forked JVM with {@code -Xmx256m} gates a generated 1 GB SARIF log (and a 100 MB one) and a
 * 500 MB Trivy image report with many results to the right decision, writes gate-report.json with every finding,
 * baseline.json with every fingerprint and a small index.html, and the heap it retains with the outcome alive does
 * not grow with the report: 300 MB and 1 GB within 3 MB, 100 MB and 1 GB within 8 MB (live objects by the JVM's
 * class histogram; an int[] pool fills up between 100 and 300 MB and then stays).
 */
class StreamingGateITest {
    private static final String HEAP = "256m";
    private static final long MB = 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void aOneGigabyteSarifIsGatedInTwoHundredFiftySixMegabytesWithRetainedHeapIndependentOfSize() throws Exception {
        Map<String, String> small = probe("sarif", 100_000_000L);
        Map<String, String> middle = probe("sarif", 300_000_000L);
        Map<String, String> large = probe("sarif", 1_000_000_000L);
        for (Map<String, String> r : java.util.List.of(small, middle, large)) {
            long items = Long.parseLong(r.get("items"));
            assertThat(r.get("verdict")).isEqualTo("FAILED");
            assertThat(r.get("status")).isEqualTo("OK");
            assertThat(r.get("reasons")).isEqualTo("thresholds.total.medium");
            assertThat(Long.parseLong(r.get("count"))).as("MEDIUM (js/xss) findings").isEqualTo(items - items / 2);
            assertThat(r.get("listed")).isEqualTo("100");
            assertThat(Long.parseLong(r.get("findings"))).isEqualTo(items);
            assertThat(Long.parseLong(r.get("waived"))).as("HIGH (js/sqli) findings waived").isEqualTo(items / 2);
            assertThat(r.get("kept")).isEqualTo("1000");
            assertThat(Long.parseLong(r.get("jsonFindings"))).as("findings in gate-report.json").isEqualTo(items);
            assertThat(Long.parseLong(r.get("baselineEntries"))).as("baseline.json entries").isEqualTo(items);
            assertThat(Long.parseLong(r.get("htmlBytes"))).as("index.html").isLessThan(5 * MB);
        }
        assertThat(Long.parseLong(large.get("bytes"))).isGreaterThanOrEqualTo(1_000_000_000L);
        assertThat(Long.parseLong(large.get("items"))).isGreaterThan(300_000);
        long a = Long.parseLong(small.get("retained"));
        long m = Long.parseLong(middle.get("retained"));
        long b = Long.parseLong(large.get("retained"));
        System.out.printf(java.util.Locale.ROOT, "streaming gate (GateService): 100 MB -> %d ms, retained %.1f MB; "
                + "300 MB -> retained %.1f MB; 1 GB -> %d ms, retained %.1f MB (heap max %d MB)%n",
                Long.parseLong(small.get("millis")), a / (double) MB, m / (double) MB,
                Long.parseLong(large.get("millis")), b / (double) MB, Long.parseLong(large.get("maxHeap")) / MB);
        // measured (compact spool): 12.6 / 17.9 / 19.0 MB, and 18.6 MB for 1 GiB - the int[] arrays live after the
        // gate grow from 3.0 to 8.3 MB between 100 and 300 MB and then stay (9.3-9.4 MB at 1 GB and 1 GiB); the
        // gate's own state is the same for all
        assertThat(Math.abs(b - m)).as("retained heap, 1 GB vs 300 MB").isLessThan(3 * MB);
        assertThat(Math.abs(b - a)).as("retained heap, 1 GB vs 100 MB").isLessThan(8 * MB);
        assertThat(b).as("retained heap after gating 1 GB").isLessThan(32 * MB);
    }

    @Test
    void aFiveHundredMegabyteTrivyReportWithManyResultsIsGatedInTwoHundredFiftySixMegabytes() throws Exception {
        Map<String, String> r = probe("trivy", 500_000_000L);
        long items = Long.parseLong(r.get("items"));
        long pkg7 = items / 100 + (items % 100 > 7 ? 1 : 0);
        assertThat(items).as("Trivy results").isGreaterThan(150_000);
        assertThat(r.get("verdict")).isEqualTo("FAILED");
        assertThat(r.get("status")).isEqualTo("OK");
        assertThat(r.get("reasons")).isEqualTo("thresholds.total.critical");
        assertThat(Long.parseLong(r.get("count"))).as("CRITICAL findings not waived").isEqualTo(items - pkg7);
        assertThat(Long.parseLong(r.get("findings"))).isEqualTo(3 * items);
        assertThat(Long.parseLong(r.get("waived"))).as("pkg7's findings waived").isEqualTo(3 * pkg7);
        assertThat(Long.parseLong(r.get("jsonFindings"))).as("findings in gate-report.json").isEqualTo(3 * items);
        assertThat(Long.parseLong(r.get("baselineEntries"))).as("baseline.json entries").isEqualTo(3 * items);
        assertThat(Long.parseLong(r.get("htmlBytes"))).as("index.html").isLessThan(5 * MB);
        System.out.printf(java.util.Locale.ROOT, "streaming gate (GateService): Trivy 500 MB, %d results -> %d ms, "
                + "retained %.1f MB%n", items, Long.parseLong(r.get("millis")),
                Long.parseLong(r.get("retained")) / (double) MB);
    }

    private Map<String, String> probe(String kind, long bytes) throws IOException, InterruptedException {
        Path javaBin = Paths.get(System.getProperty("java.home"), "bin", "java");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path output = dir.resolve("probe-" + kind + "-" + bytes + ".txt");
        Path reportDir = dir.resolve("report-" + kind + "-" + bytes);
        Process p = new ProcessBuilder(javaBin.toString(), "-Xmx" + HEAP, "-XX:+UseSerialGC",
                "-Djava.io.tmpdir=" + dir, "-cp", classpath, StreamingGateProbe.class.getName(), kind,
                Long.toString(bytes), reportDir.toString()).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("streaming gate probe of %d bytes did not finish in 10 minutes", bytes);
        }
        String out = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("probe exit code; output:%n%s", out).isZero();
        assertThat(out).doesNotContain("OutOfMemoryError");
        String line = out.lines().filter(l -> l.startsWith(StreamingGateProbe.RESULT_PREFIX)).findFirst()
                .orElseThrow(() -> new AssertionError("no result line in probe output:\n" + out));
        Map<String, String> values = new LinkedHashMap<>();
        for (String kv : line.substring(StreamingGateProbe.RESULT_PREFIX.length()).split(" ")) {
            String[] pair = kv.split("=", 2);
            values.put(pair[0], pair[1]);
        }
        try (Stream<Path> files = Files.walk(reportDir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.filter(f -> f.getFileName().toString().startsWith("secure-deploy-gate-")))
                    .as("the gate's spool folders are deleted").isEmpty();
        }
        return values;
    }
}
