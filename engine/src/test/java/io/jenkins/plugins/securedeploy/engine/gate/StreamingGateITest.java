package io.jenkins.plugins.securedeploy.engine.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming gate decides a report of any size in a small heap: a forked JVM with {@code -Xmx256m} gates a
 * generated 1 GB SARIF log (and a 100 MB one) to the right decision - every HIGH finding waived, the MEDIUM ones over
 * their limit - with every finding spooled to disk, and the heap it retains with the gate's state alive is the same
 * for both sizes within a few MB.
 */
class StreamingGateITest {
    private static final String HEAP = "256m";
    private static final long MB = 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void aOneGigabyteSarifIsGatedInTwoHundredFiftySixMegabytesWithRetainedHeapIndependentOfSize() throws Exception {
        Map<String, String> small = probe(100_000_000L);
        Map<String, String> large = probe(1_000_000_000L);
        for (Map<String, String> r : java.util.List.of(small, large)) {
            long items = Long.parseLong(r.get("items"));
            assertThat(r.get("verdict")).isEqualTo("FAILED");
            assertThat(r.get("status")).isEqualTo("OK");
            assertThat(r.get("reasons")).isEqualTo("thresholds.total.medium");
            assertThat(Long.parseLong(r.get("count"))).as("MEDIUM (js/xss) findings").isEqualTo(items - items / 2);
            assertThat(r.get("listed")).isEqualTo("100");
            assertThat(Long.parseLong(r.get("findings"))).isEqualTo(items);
            assertThat(Long.parseLong(r.get("waived"))).as("HIGH (js/sqli) findings waived").isEqualTo(items / 2);
            assertThat(r.get("kept")).isEqualTo("1000");
            assertThat(Long.parseLong(r.get("spooled"))).isEqualTo(items);
        }
        assertThat(Long.parseLong(large.get("bytes"))).isGreaterThanOrEqualTo(1_000_000_000L);
        assertThat(Long.parseLong(large.get("items"))).isGreaterThan(300_000);
        long a = Long.parseLong(small.get("retained"));
        long b = Long.parseLong(large.get("retained"));
        System.out.printf(java.util.Locale.ROOT, "streaming gate: 100 MB -> %d ms, retained %.1f MB; 1 GB -> %d ms,"
                + " retained %.1f MB (heap max %d MB)%n", Long.parseLong(small.get("millis")), a / (double) MB,
                Long.parseLong(large.get("millis")), b / (double) MB, Long.parseLong(large.get("maxHeap")) / MB);
        assertThat(Math.abs(b - a)).as("retained heap, 1 GB vs 100 MB").isLessThan(4 * MB);
    }

    private Map<String, String> probe(long bytes) throws IOException, InterruptedException {
        Path javaBin = Paths.get(System.getProperty("java.home"), "bin", "java");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path output = dir.resolve("probe-" + bytes + ".txt");
        Path spool = dir.resolve("findings-" + bytes + ".ndjson");
        Process p = new ProcessBuilder(javaBin.toString(), "-Xmx" + HEAP, "-XX:+UseSerialGC",
                "-Djava.io.tmpdir=" + dir, "-cp", classpath, StreamingGateProbe.class.getName(),
                Long.toString(bytes), spool.toString()).redirectErrorStream(true).redirectOutput(output.toFile())
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
        Files.deleteIfExists(spool);
        return values;
    }
}
