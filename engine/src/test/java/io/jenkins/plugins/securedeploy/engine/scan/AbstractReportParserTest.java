package io.jenkins.plugins.securedeploy.engine.scan;

import io.jenkins.plugins.securedeploy.engine.scan.registry.ScannerRegistry;
import io.jenkins.plugins.securedeploy.engine.scan.registry.FormatDetector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.testing.SecretCanary;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ReportParser} passes (analysis-model's AbstractParserTest, grown for hostile input).
 * A subclass names its {@link #descriptor()}, its valid {@link #fixtures()} with expected counts, a
 * {@link #reportTemplate()} (a valid report with {@link #VALUE_PLACEHOLDER} where a message-like string goes) and a
 * {@link #largeReport()} generator; it then gets, for free, checks that:
 * <ul>
 *   <li>every fixture parses with the expected number of findings per severity, deterministically;</li>
 *   <li>an empty or blank file is a located {@link InvalidInputException}, never "0 findings";</li>
 *   <li>truncated JSON, garbage and absurd nesting (100k {@code [}) are located errors;</li>
 *   <li>another tool's report, or {@code []}/{@code {}} where meaningless, is an error (an empty result is accepted
 *       only for the documents listed in {@link #validEmptyReports()});</li>
 *   <li>an 80 MB string value is an error or a result, never an OutOfMemoryError or another exception type;</li>
 *   <li>a ~200 MB report, streamed from a generator, parses in a forked JVM with a small heap
 *       ({@code @Tag("large")});</li>
 *   <li>the descriptor is registered in {@link ScannerRegistry#standard()} and recognises its own fixtures with a
 *       higher confidence than every other registered descriptor;</li>
 *   <li>a secret canary in the report's message fields never appears in an exception (message, stack, causes), and
 *       for formats that carry secrets ({@link #keepsMessageText()} false) not in any finding either.</li>
 * </ul>
 * Subclasses can add their own exact-finding tests using {@link #parseFixture(String)} and {@link #parse(String)}.
 */
public abstract class AbstractReportParserTest {
    /** Where a subclass's {@link #reportTemplate()} puts a string value (the quotes are part of the placeholder). */
    public static final String VALUE_PLACEHOLDER = "\"@@VALUE@@\"";
    /** The display name every contract check passes to the parser; errors must name it. */
    public static final String DISPLAY_NAME = "reports/under-test.json";

    /** A valid fixture (resource relative to the test class) and the findings it must yield. */
    public record Fixture(String resource, int findings, Map<Severity, Integer> severities) {
        public Fixture {
            severities = Map.copyOf(severities);
        }

        /** A fixture with {@code findings} findings (severities unchecked unless added with {@link #with}). */
        public static Fixture of(String resource, int findings) {
            return new Fixture(resource, findings, Map.of());
        }

        /** Also expects exactly {@code count} findings of {@code severity}. */
        public Fixture with(Severity severity, int count) {
            Map<Severity, Integer> copy = new EnumMap<>(Severity.class);
            copy.putAll(severities);
            copy.put(severity, count);
            return new Fixture(resource, findings, copy);
        }
    }

    /**
     * A valid report generated item by item: {@code head}, items joined by {@code separator}, {@code tail}. Each
     * item yields {@code findingsPerItem} findings. Make items a few KiB, mostly of content the parser skips (long
     * descriptions), so the findings kept for ~200 MB fit the forked JVM's small heap.
     */
    public record LargeReport(String head, IntFunction<String> item, String separator, String tail,
            int findingsPerItem) {
        /** A stream that produces at least {@code targetBytes}. */
        public GeneratedReportStream open(long targetBytes) {
            return new GeneratedReportStream(head, item, separator, tail, targetBytes);
        }
    }

    /** The descriptor under test. */
    protected abstract ScannerDescriptor descriptor();

    /** Valid fixtures with their expected counts (at least one with findings). */
    protected abstract List<Fixture> fixtures();

    /**
     * A small valid report (at least one finding) in which {@link #VALUE_PLACEHOLDER} stands where the tool writes a
     * message, description, match or similar string. The contract substitutes a secret canary, an 80 MB string and
     * 100k nested arrays there.
     */
    protected abstract String reportTemplate();

    /** A generator of a large valid report. */
    protected abstract LargeReport largeReport();

    /**
     * Documents this format really allows as "no findings" (e.g. Gitleaks writes {@code []}); compared ignoring
     * whitespace. Any other foreign or empty-looking document must be an error.
     */
    protected List<String> validEmptyReports() {
        return List.of();
    }

    /**
     * Whether findings may carry the text of message fields (titles). Formats whose messages are secrets (a
     * secret scanner's match) return false: then the canary must appear in no finding either.
     */
    protected boolean keepsMessageText() {
        return true;
    }

    /**
     * Other tools' reports and meaningless documents, keyed by the format id they belong to (generic ones under
     * "generic-*"). Entries keyed by this descriptor's id are skipped; override to add or drop documents.
     */
    protected Map<String, String> otherFormatReports() {
        return ForeignReports.ALL;
    }

    /** Size of the generated report in the large check. */
    protected long largeReportBytes() {
        return 200L * 1024 * 1024;
    }

    /** {@code -Xmx} of the forked JVM in the large check. */
    protected String largeReportHeap() {
        return "64m";
    }

    // ---- helpers for subclasses ----

    /** The bytes of a fixture resource (relative to the test class's package). */
    protected final byte[] fixtureBytes(String resource) {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource + " next to " + getClass());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected final ScanResult parseFixture(String resource) {
        return descriptor().createParser().parse(new ByteArrayInputStream(fixtureBytes(resource)), resource);
    }

    protected final ScanResult parse(String content) {
        return descriptor().createParser().parse(
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), DISPLAY_NAME);
    }

    /** Parses {@code content} expecting an error; returns its problems (thrown or as an ERROR result). */
    protected final List<Problem> parseError(String content) {
        return parseError(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), "content");
    }

    private List<Problem> parseError(InputStream in, String what) {
        ScanResult result;
        try {
            result = descriptor().createParser().parse(in, DISPLAY_NAME);
        } catch (InvalidInputException e) {
            assertThat(e.problems()).as("problems of %s", what).isNotEmpty();
            assertThat(e.problems()).as("problems of %s name the file", what)
                    .allSatisfy(p -> assertThat(p.location().file()).isEqualTo(DISPLAY_NAME));
            return e.problems();
        }
        if (!result.isError()) {
            fail("expected an error for %s, got %s with %d findings", what, result.status(), result.findings().size());
        }
        assertThat(result.problems()).allSatisfy(p -> assertThat(p.location().file()).isEqualTo(DISPLAY_NAME));
        return result.problems();
    }

    private static void assertLocated(List<Problem> problems, String what) {
        assertThat(problems).as("%s: some problem has a line or a JSON pointer", what)
                .anySatisfy(p -> assertThat(p.location().line() > 0 || !p.location().pointer().isEmpty()).isTrue());
    }

    private String template(String replacement) {
        String t = reportTemplate();
        assertThat(t).as("reportTemplate() contains " + VALUE_PLACEHOLDER).contains(VALUE_PLACEHOLDER);
        return t.replace(VALUE_PLACEHOLDER, replacement);
    }

    private static String jsonString(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String strip(String json) {
        return json.replaceAll("\\s+", "");
    }

    // ---- the contract ----

    @Test
    void shouldParseEveryFixtureWithTheExpectedCounts() {
        assertThat(fixtures()).as("at least one fixture").isNotEmpty();
        for (Fixture f : fixtures()) {
            ScanResult first = parseFixture(f.resource());
            assertThat(first.isError()).as("%s parses: %s", f.resource(), first.problems()).isFalse();
            assertThat(first.tool()).as("tool name of %s", f.resource()).isNotBlank();
            assertThat(first.source()).as("source of %s", f.resource()).isEqualTo(f.resource());
            assertThat(first.findings()).as("findings of %s", f.resource()).hasSize(f.findings());
            Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
            first.findings().forEach(x -> counts.merge(x.severity(), 1, Integer::sum));
            f.severities().forEach((sev, n) ->
                    assertThat(counts.getOrDefault(sev, 0)).as("%s findings of %s", sev, f.resource()).isEqualTo(n));
            ScanResult second = parseFixture(f.resource());
            assertThat(second.findings()).as("parsing %s is deterministic", f.resource())
                    .isEqualTo(first.findings());
        }
        assertThat(fixtures()).as("some fixture has findings").anySatisfy(f -> assertThat(f.findings()).isPositive());
    }

    @Test
    void shouldParseTheTemplateWithAPlainValue() {
        ScanResult r = parse(template(jsonString("a plain message")));
        assertThat(r.isError()).as("template parses: %s", r.problems()).isFalse();
        assertThat(r.findings()).as("template has findings").isNotEmpty();
    }

    @Test
    void shouldRejectEmptyReports() {
        for (String empty : List.of("", " ", "\n\n", "\t \r\n")) {
            assertThat(parseError(empty)).as("empty report").isNotEmpty();
        }
    }

    @Test
    void shouldRejectTruncatedReportsWithALocation() {
        List<String> docs = new ArrayList<>();
        for (Fixture f : fixtures()) {
            docs.add(new String(fixtureBytes(f.resource()), StandardCharsets.UTF_8).strip());
        }
        docs.add(template(jsonString("a plain message")).strip());
        for (String doc : docs) {
            for (int cut : new int[] {1, doc.length() / 3, doc.length() / 2, doc.length() - 1}) {
                String truncated = doc.substring(0, cut);
                assertLocated(parseError(truncated), "report truncated at " + cut);
            }
        }
    }

    @Test
    void shouldRejectGarbageWithALocation() {
        for (String garbage : List.of("not json at all", "<html><body>502 Bad Gateway</body></html>",
                "{\"a\" 1}", "[1, 2,, 3]", "\u0000\u0001\u0002", "{\"x\": tru}")) {
            assertLocated(parseError(garbage), "garbage " + garbage);
        }
    }

    @Test
    void shouldRejectOtherFormatsUnlessTheFormatAllowsThemAsEmpty() {
        List<String> allowedEmpty = validEmptyReports().stream().map(AbstractReportParserTest::strip).toList();
        for (Map.Entry<String, String> e : otherFormatReports().entrySet()) {
            if (e.getKey().equals(descriptor().id())) {
                continue;
            }
            String doc = e.getValue();
            ScanResult result;
            try {
                result = parse(doc);
            } catch (InvalidInputException expected) {
                assertThat(expected.problems()).allSatisfy(p -> assertThat(p.location().file()).isEqualTo(DISPLAY_NAME));
                continue;
            }
            if (result.isError()) {
                continue;
            }
            assertThat(allowedEmpty).as("%s report (%s) is accepted as %d findings, but it is not this format",
                    e.getKey(), doc, result.findings().size()).contains(strip(doc));
            assertThat(result.findings()).as("a valid empty report has no findings").isEmpty();
        }
    }

    @Test
    void shouldAcceptItsValidEmptyReports() {
        for (String doc : validEmptyReports()) {
            ScanResult r = parse(doc);
            assertThat(r.isError()).as("valid empty report %s", doc).isFalse();
            assertThat(r.findings()).isEmpty();
        }
    }

    @Test
    void shouldSurviveAnEightyMegabyteString() {
        String[] parts = template("\u0000").split("\u0000", -1);
        InputStream in = GeneratedReportStream.repeating(parts[0] + "\"", 'a', 80L * 1024 * 1024, "\"" + parts[1]);
        try {
            ScanResult r = descriptor().createParser().parse(in, DISPLAY_NAME);
            assertThat(r).as("a result or an error, nothing else").isNotNull();
        } catch (InvalidInputException expected) {
            assertThat(expected.problems()).isNotEmpty();
        }
    }

    @Test
    void shouldRejectDeepNestingWithALocation() {
        String deep = "[".repeat(100_000);
        assertLocated(parseError(deep), "100k nested arrays");
        assertLocated(parseError(template(deep)), "100k nested arrays inside a report");
        assertLocated(parseError(template("{\"a\":".repeat(50_000))), "50k nested objects inside a report");
    }

    @Test
    void shouldBeRegisteredInTheStandardRegistry() {
        assertThat(ScannerRegistry.standard().find(descriptor().id()))
                .as("ScannerRegistry.standard() has %s", descriptor().id())
                .hasValueSatisfying(d -> assertThat(d.getClass()).isEqualTo(descriptor().getClass()));
        assertThat(descriptor().displayName()).isNotBlank();
        assertThat(descriptor().id()).matches("[a-z0-9-]+");
    }

    @Test
    void shouldRecogniseItsOwnFixturesBetterThanEveryOtherDescriptor() {
        FormatDetector detector = new FormatDetector(ScannerRegistry.standard());
        for (Fixture f : fixtures()) {
            byte[] bytes = fixtureBytes(f.resource());
            String head = FormatDetector.head(bytes, bytes.length);
            int own = descriptor().detect(head);
            assertThat(own).as("confidence for own fixture %s", f.resource())
                    .isGreaterThanOrEqualTo(FormatDetector.MIN_CONFIDENCE);
            for (ScannerDescriptor other : ScannerRegistry.standard().all()) {
                if (!other.id().equals(descriptor().id())) {
                    assertThat(other.detect(head)).as("%s's confidence for %s", other.id(), f.resource())
                            .isLessThan(own);
                }
            }
            assertThat(detector.detect(head, f.resource()).id()).isEqualTo(descriptor().id());
        }
    }

    @Test
    void shouldNeverEchoASecretFromTheReport() {
        SecretCanary canary = SecretCanary.create();
        String quoted = jsonString(canary.value());
        ScanResult ok = parse(template(quoted));
        assertThat(ok.isError()).as("template with the canary parses: %s", ok.problems()).isFalse();
        if (!keepsMessageText()) {
            canary.assertAbsent("findings", ok.findings().toString());
        }
        canary.assertAbsent("problems", ok.problems().toString());
        String valid = template(quoted);
        int at = valid.indexOf(quoted);
        Map<String, String> broken = new LinkedHashMap<>();
        broken.put("unquoted", template(canary.value()));
        broken.put("truncated after", valid.substring(0, at + quoted.length()));
        broken.put("truncated inside", valid.substring(0, at + quoted.length() / 2));
        broken.put("followed by garbage", template(quoted + " " + canary.value()));
        broken.put("object instead of string", template("{\"text\": " + quoted + "}"));
        broken.put("as a key", template("{" + quoted + " " + quoted + "}"));
        broken.put("in an array", template("[" + quoted + ", " + canary.value() + "]"));
        for (Map.Entry<String, String> e : broken.entrySet()) {
            try {
                ScanResult r = parse(e.getValue());
                canary.assertAbsent("problems (" + e.getKey() + ")", r.problems().toString());
                if (!keepsMessageText()) {
                    canary.assertAbsent("findings (" + e.getKey() + ")", r.findings().toString());
                }
            } catch (RuntimeException ex) {
                canary.assertAbsentFromThrowable(ex);
                assertThat(ex).as("canary variant %s", e.getKey()).isInstanceOf(InvalidInputException.class);
            }
        }
    }

    @Test
    @Tag("large")
    void shouldParseAHugeReportWithBoundedHeap() throws Exception {
        Path javaBin = Paths.get(System.getProperty("java.home"), "bin", "java");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        long target = largeReportBytes();
        Path output = Files.createTempFile("large-report-probe", ".txt");
        try {
            Process p = new ProcessBuilder(javaBin.toString(), "-Xmx" + largeReportHeap(), "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=4", "-cp", classpath, LargeReportProbe.class.getName(),
                    getClass().getName(), Long.toString(target))
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                fail("large report probe did not finish in 10 minutes");
            }
            String out = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as("probe exit code; output:%n%s", out).isZero();
            String line = out.lines().filter(l -> l.startsWith(LargeReportProbe.RESULT_PREFIX)).findFirst()
                    .orElseThrow(() -> new AssertionError("no result line in probe output:\n" + out));
            Map<String, String> values = new LinkedHashMap<>();
            for (String kv : line.substring(LargeReportProbe.RESULT_PREFIX.length()).split(" ")) {
                String[] pair = kv.split("=", 2);
                values.put(pair[0], pair[1]);
            }
            assertThat(values.get("status")).isEqualTo("OK");
            assertThat(Long.parseLong(values.get("bytes"))).isGreaterThanOrEqualTo(target);
            long items = Long.parseLong(values.get("items"));
            assertThat(Long.parseLong(values.get("findings"))).isEqualTo(items * largeReport().findingsPerItem());
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
