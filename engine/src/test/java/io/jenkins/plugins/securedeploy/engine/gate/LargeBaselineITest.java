package io.jenkins.plugins.securedeploy.engine.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A baseline of any size is gated in a small heap: a forked JVM with {@code -Xmx256m} gates a generated 100 MB SARIF
 * against a baseline file of 200,000 entries and of 2,000,000 (over 290 MB one entry per line: larger than the heap,
 * more than four times the old 64 MB cap), the report's first {@value LargeBaselineProbe#KNOWN} fingerprints among
 * them: exactly the others are new, exactly the baseline's other distinct entries are fixed (and listed in
 * gate-report.json), and the heap retained after a full GC with the outcome alive is the same for both baselines
 * within a few MB (the baseline is indexed on disk).
 */
class LargeBaselineITest {
    private static final long MB = 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void aBaselineOfTwoMillionEntriesIsGatedInTwoHundredFiftySixMegabytesWithRetainedHeapIndependentOfItsSize()
            throws Exception {
        Map<String, String> small = probe(200_000);
        Map<String, String> large = probe(2_000_000);
        for (Map<String, String> r : List.of(small, large)) {
            long items = Long.parseLong(r.get("items"));
            long entries = Long.parseLong(r.get("baselineEntries"));
            assertThat(r.get("verdict")).isEqualTo("FAILED");
            assertThat(r.get("reasons")).isEqualTo("thresholds.new.medium");
            assertThat(Long.parseLong(r.get("count"))).as("new MEDIUM findings").isPositive()
                    .isLessThan(items - items / 2);
            assertThat(Long.parseLong(r.get("findings"))).isEqualTo(items);
            assertThat(Long.parseLong(r.get("new"))).as("findings not in the baseline")
                    .isEqualTo(items - LargeBaselineProbe.KNOWN);
            long fixed = entries - 2L * LargeBaselineProbe.KNOWN; // each known fingerprint is in it twice
            assertThat(Long.parseLong(r.get("fixed"))).as("baseline entries not seen").isEqualTo(fixed);
            assertThat(Long.parseLong(r.get("jsonFixed"))).as("fixed in gate-report.json").isEqualTo(fixed);
        }
        // one entry per line, compact (was > 5 * 64 MB pretty-printed): still larger than the whole heap
        assertThat(Long.parseLong(large.get("baselineBytes"))).isGreaterThan(4 * 64 * MB);
        long a = Long.parseLong(small.get("retained"));
        long b = Long.parseLong(large.get("retained"));
        System.out.printf(java.util.Locale.ROOT, "large baseline: %d entries (%d MB) -> %d ms, retained %.1f MB; "
                + "%d entries (%d MB) -> %d ms, retained %.1f MB; report %d MB, heap max %d MB%n",
                Long.parseLong(small.get("baselineEntries")), Long.parseLong(small.get("baselineBytes")) / MB,
                Long.parseLong(small.get("millis")), a / (double) MB, Long.parseLong(large.get("baselineEntries")),
                Long.parseLong(large.get("baselineBytes")) / MB, Long.parseLong(large.get("millis")),
                b / (double) MB, Long.parseLong(large.get("reportBytes")) / MB,
                Long.parseLong(large.get("maxHeap")) / MB);
        assertThat(Math.abs(b - a)).as("retained heap, 2,000,000 vs 200,000 baseline entries").isLessThan(4 * MB);
        assertThat(b).as("retained heap with a 2,000,000-entry baseline").isLessThan(32 * MB);
    }

    private Map<String, String> probe(long entries) throws IOException, InterruptedException {
        Path javaBin = Paths.get(System.getProperty("java.home"), "bin", "java");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path work = Files.createDirectories(dir.resolve("work-" + entries));
        Path output = dir.resolve("probe-" + entries + ".txt");
        Process p = new ProcessBuilder(javaBin.toString(), "-Xmx256m", "-XX:+UseSerialGC",
                "-Djava.io.tmpdir=" + dir, "-cp", classpath, LargeBaselineProbe.class.getName(),
                Long.toString(entries), Long.toString(100_000_000L), work.toString()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("large baseline probe of %d entries did not finish in 10 minutes", entries);
        }
        String out = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("probe exit code; output:%n%s", out).isZero();
        assertThat(out).doesNotContain("OutOfMemoryError");
        String line = out.lines().filter(l -> l.startsWith(LargeBaselineProbe.RESULT_PREFIX)).findFirst()
                .orElseThrow(() -> new AssertionError("no result line in probe output:\n" + out));
        Map<String, String> values = new LinkedHashMap<>();
        for (String kv : line.substring(LargeBaselineProbe.RESULT_PREFIX.length()).split(" ")) {
            String[] pair = kv.split("=", 2);
            values.put(pair[0], pair[1]);
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.filter(f -> f.getFileName().toString().startsWith("secure-deploy-")))
                    .as("the gate's spool and baseline index folders are deleted").isEmpty();
        }
        try (Stream<Path> files = Files.walk(work)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
        return values;
    }
}
