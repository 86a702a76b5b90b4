package io.jenkins.plugins.securedeploy.engine.scan;

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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parse path's memory does not grow with the report: in a forked JVM with {@code -Xmx64m}, a generated ~1 GB
 * SARIF log and a ~500 MB Trivy report stream into a {@link CountingSink} with every finding counted; and a Grype
 * report too large for a collecting ingest at that heap ends as an ERROR result naming the cause, never as a raw
 * OutOfMemoryError. Reports are generated while read (nothing on disk but the probe's output in a temp dir).
 */
@Tag("large")
class BoundedMemoryTest {
    private static final String HEAP = "64m";

    @Test
    void aOneGigabyteSarifLogStreamsInSixtyFourMegabytes(@TempDir Path dir) throws Exception {
        long bytes = 1_000_000_000L;
        Map<String, String> r = probe(dir, "sarif", bytes);
        assertThat(r.get("ended")).isEqualTo("true");
        assertThat(Long.parseLong(r.get("bytes"))).isGreaterThanOrEqualTo(bytes);
        long items = Long.parseLong(r.get("items"));
        assertThat(items).isGreaterThan(300_000);
        assertThat(Long.parseLong(r.get("findings"))).isEqualTo(items);
        assertThat(r.get("bySeverity")).isEqualTo("{HIGH=" + (items / 2) + ",MEDIUM=" + (items - items / 2) + "}");
        assertThat(Long.parseLong(r.get("peakHeap"))).isLessThanOrEqualTo(Long.parseLong(r.get("maxHeap")));
    }

    @Test
    void aFiveHundredMegabyteTrivyReportStreamsInSixtyFourMegabytes(@TempDir Path dir) throws Exception {
        long bytes = 500_000_000L;
        Map<String, String> r = probe(dir, "trivy", bytes);
        assertThat(r.get("ended")).isEqualTo("true");
        long items = Long.parseLong(r.get("items"));
        assertThat(items).as("results").isGreaterThan(150_000);
        assertThat(Long.parseLong(r.get("findings"))).isEqualTo(items * 3);
        assertThat(r.get("bySeverity")).isEqualTo("{CRITICAL=" + items + ",HIGH=" + items + ",LOW=" + items + "}");
    }

    @Test
    void anIngestThatRunsOutOfMemoryIsAnErrorResultNotACrash(@TempDir Path dir) throws Exception {
        Map<String, String> r = probe(dir, "grype-ingest", 120_000_000L);
        assertThat(r.get("status")).isEqualTo("ERROR");
        assertThat(r.get("codes")).isEqualTo("report.out-of-memory");
        assertThat(r.get("findings")).isEqualTo("0");
    }

    private static Map<String, String> probe(Path dir, String mode, long bytes) throws IOException,
            InterruptedException {
        Path javaBin = Paths.get(System.getProperty("java.home"), "bin", "java");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path output = dir.resolve(mode + ".txt");
        Process p = new ProcessBuilder(javaBin.toString(), "-Xmx" + HEAP, "-XX:+UseSerialGC",
                "-Djava.io.tmpdir=" + dir, "-cp", classpath, BoundedMemoryProbe.class.getName(), mode,
                Long.toString(bytes)).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("bounded-memory probe %s did not finish in 10 minutes", mode);
        }
        String out = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("probe exit code; output:%n%s", out).isZero();
        assertThat(out).as("no raw OutOfMemoryError reaches the output").doesNotContain("OutOfMemoryError");
        String line = out.lines().filter(l -> l.startsWith(BoundedMemoryProbe.RESULT_PREFIX)).findFirst()
                .orElseThrow(() -> new AssertionError("no result line in probe output:\n" + out));
        Map<String, String> values = new LinkedHashMap<>();
        for (String kv : line.substring(BoundedMemoryProbe.RESULT_PREFIX.length()).split(" ")) {
            String[] pair = kv.split("=", 2);
            values.put(pair[0], pair[1]);
        }
        return values;
    }
}
