package io.jenkins.plugins.securedeploy.benchmarks;

import io.jenkins.plugins.securedeploy.engine.host.Workspace;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.scan.secrets.SecretRule;
import io.jenkins.plugins.securedeploy.engine.scan.secrets.SecretRules;
import io.jenkins.plugins.securedeploy.engine.scan.secrets.SecretScanOptions;
import io.jenkins.plugins.securedeploy.engine.scan.secrets.SecretScanner;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Throughput of the built-in secret scanner against the obvious implementation, in the same run, over the same
 * ~50 MB source-like corpus (50 files of ~1 MB: Java, Python, YAML, JSON, shell lines with the words token,
 * password, secret, key in ordinary use, and a planted secret every ~20k lines).
 *
 * <ul>
 *   <li>{@code scanner}: {@link SecretScanner#scan} over an in-memory workspace: UTF-8 decoding, line splitting,
 *       keyword automaton, regex confirmation near hits, filters, redaction, fingerprints.</li>
 *   <li>{@code regexAlternation}: the baseline: UTF-8 decoding, then one {@code java.util.regex} alternation of all
 *       rule patterns run with {@code find()} over each file's text (no filters, no findings built).</li>
 * </ul>
 *
 * Run {@code java -jar benchmarks/target/benchmarks.jar SecretScan -f 1 -wi 2 -i 3}; or run this class's
 * {@code main} for MB/s and the ratio.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class SecretScanBenchmark {
    @Param("50")
    public int megabytes;

    private Map<String, byte[]> files;
    private Workspace workspace;
    private Pattern alternation;
    private final SecretScanner scanner = new SecretScanner();

    @Setup
    public void setUp() {
        files = Corpus.generate(megabytes);
        workspace = new BytesWorkspace(files);
        alternation = Pattern.compile(SecretRules.defaults().stream().map(SecretRule::pattern).map(Pattern::pattern)
                .map(p -> "(?:" + p + ")").collect(Collectors.joining("|")));
        ScanResult result = scanner.scan(workspace, SecretScanOptions.defaults());
        if (result.isError() || result.findings().size() < megabytes) {
            throw new IllegalStateException("scanner missed the planted secrets: " + result.findings().size());
        }
    }

    @Benchmark
    public int scanner() {
        return scanner.scan(workspace, SecretScanOptions.defaults()).findings().size();
    }

    /** The same scan on one worker thread: read against {@code scanner} (one per processor) it is the parallel gain. */
    @Benchmark
    public int scannerOneThread() {
        return scanner.scan(workspace, SecretScanOptions.defaults().withThreads(1)).findings().size();
    }

    @Benchmark
    public int regexAlternation() {
        int count = 0;
        for (byte[] content : files.values()) {
            Matcher m = alternation.matcher(new String(content, StandardCharsets.UTF_8));
            while (m.find()) {
                count++;
            }
        }
        return count;
    }

    /** Runs both benchmarks and prints throughput in MB/s and the ratio. */
    public static void main(String[] args) throws RunnerException {
        int mb = 50;
        List<RunResult> results = new ArrayList<>(new Runner(new OptionsBuilder()
                .include(SecretScanBenchmark.class.getSimpleName()).param("megabytes", String.valueOf(mb))
                .build()).run());
        Map<String, Double> mbPerSecond = new TreeMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark().replaceAll(".*\\.", "");
            mbPerSecond.put(name, mb / (r.getPrimaryResult().getScore() / 1000.0));
        }
        mbPerSecond.forEach((k, v) -> System.out.printf(Locale.ROOT, "%-18s %8.1f MB/s%n", k, v));
        System.out.printf(Locale.ROOT, "ratio scanner / regexAlternation: %.1fx%n",
                mbPerSecond.get("scanner") / mbPerSecond.get("regexAlternation"));
    }

    /** The generated corpus. */
    static final class Corpus {
        private static final String[] TEMPLATES = {
            "    private final TokenCache tokenCache%d = new TokenCache(Duration.ofMinutes(%d));",
            "    String token = request.getHeader(\"Authorization\"); // %d %d",
            "        if (password == null || password.length < %d) { return Result.invalid(%d); }",
            "def refresh_token_%d(session, retries=%d):",
            "    secret = os.environ.get(\"APP_SECRET_%d\", \"\")  # %d",
            "  password: ${DB_PASSWORD_%d}  # port %d",
            "    \"integrity\": \"sha512-%08xQv7m2ZK3hWm0b0Yl1w1fQ9kLr8vN3xS+%08xAq==\",",
            "export API_URL=https://api.example.test/v%d/items?page=%d",
            "        log.info(\"processed {} orders in {} ms\", %d, %d);",
            "  - name: step-%d\n    run: ./gradlew test --parallel --max-workers=%d",
            "        final int apiKeyLength = config.getInt(\"api.key.length\", %d) + %d;",
            "    {\"id\": \"%08x-d9cb-469f-a165-70867728950e\", \"commit\": \"a94a8fe5ccb19ba61c4c0873d391e98%08x\"},",
            "        return users.stream().filter(u -> u.age() > %d).limit(%d).toList();",
            "",
            "    /** Returns the secret-free description of order %d (see issue #%d). */",
        };

        private Corpus() {}

        static Map<String, byte[]> generate(int megabytes) {
            Random random = new Random(42);
            Map<String, byte[]> out = new TreeMap<>();
            String[] planted = {
                "AKIA" + "IOSFODNN7EXAMPLE",
                "gh" + "p_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8",
                "db_password = \"" + "Zq8#rT2!mK9$vL4@pX7w" + "\"",
            };
            long lines = 0;
            for (int f = 0; f < megabytes; f++) {
                StringBuilder sb = new StringBuilder(1 << 20);
                while (sb.length() < (1 << 20)) {
                    if (++lines % 20_000 == 0) {
                        sb.append("    key = ").append(planted[(int) (lines / 20_000) % planted.length]).append('\n');
                    }
                    String t = TEMPLATES[random.nextInt(TEMPLATES.length)];
                    sb.append(String.format(Locale.ROOT, t, random.nextInt(1 << 16), random.nextInt(1 << 16)))
                            .append('\n');
                }
                sb.append("    key = ").append(planted[f % planted.length]).append('\n');
                out.put(String.format(Locale.ROOT, "src/module%02d/File%02d.txt", f / 10, f),
                        sb.toString().getBytes(StandardCharsets.UTF_8));
            }
            return out;
        }
    }

    /** Read-only in-memory workspace over the corpus. */
    static final class BytesWorkspace implements Workspace {
        private final Map<String, byte[]> files;

        BytesWorkspace(Map<String, byte[]> files) {
            this.files = files;
        }

        @Override
        public String describe() {
            return "benchmark corpus";
        }

        @Override
        public boolean exists(String relativePath) {
            return files.containsKey(relativePath);
        }

        @Override
        public long size(String relativePath) {
            return files.get(relativePath).length;
        }

        @Override
        public InputStream open(String relativePath) {
            return new ByteArrayInputStream(files.get(relativePath));
        }

        @Override
        public OutputStream create(String relativePath) throws IOException {
            throw new IOException("read-only");
        }

        @Override
        public List<String> list(String glob) {
            return List.copyOf(files.keySet());
        }

        @Override
        public Optional<Path> localPath(String relativePath) {
            return Optional.empty();
        }
    }
}
