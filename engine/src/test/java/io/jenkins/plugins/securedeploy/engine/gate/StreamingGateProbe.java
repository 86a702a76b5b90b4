package io.jenkins.plugins.securedeploy.engine.gate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.securedeploy.engine.host.FileSystemEvidenceStore;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import io.jenkins.plugins.securedeploy.engine.policy.GateDecision;
import io.jenkins.plugins.securedeploy.engine.policy.GateReason;
import io.jenkins.plugins.securedeploy.engine.scan.BoundedMemoryProbe;
import io.jenkins.plugins.securedeploy.engine.scan.GeneratedReportStream;
import io.jenkins.plugins.securedeploy.engine.scan.registry.ReportSource;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javax.management.ObjectName;

/**
 * Run in a forked JVM with a small heap by {@link StreamingGateITest}: gates, through {@link GateService} as every
 * host calls it, a generated {@code KIND} report ({@code sarif}: CodeQL-shaped; {@code trivy}: an image report with
 * many results) of {@code BYTES}, streamed while generated (never on disk), into a report folder {@code DIR}. The
 * SARIF policy waives every {@code js/sqli} (HIGH) finding and allows at most 1,000 MEDIUM ones; the Trivy policy
 * waives one package's vulnerabilities and allows no CRITICAL one. Prints the decision, the counts, what the written
 * gate-report.json and baseline.json hold (read back as streams) and the heap still in use after a full GC with the
 * outcome alive.
 */
public final class StreamingGateProbe {
    static final String RESULT_PREFIX = "STREAMING-GATE-RESULT ";
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private StreamingGateProbe() {}

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        long bytes = Long.parseLong(args[1]);
        Path dir = Path.of(args[2]);
        Clock clock = Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        boolean sarif = kind.equals("sarif");
        String policy = sarif ? "version: 1\nthresholds: {total: {high: 0, medium: 1000}}\nwaivers:\n"
                + "  - {rule: js/sqli, owner: sec-team, reason: sanitised by the ORM, expires: 2026-12-20}\n"
                : "version: 1\nthresholds: {total: {critical: 0, high: 1000000000, low: 1000000000}}\nwaivers:\n"
                + "  - {package: pkg7, owner: sec-team, reason: not shipped, expires: 2026-12-20}\n";
        AtomicReference<GeneratedReportStream> report = new AtomicReference<>();
        ReportSource source = new ReportSource("big." + (sarif ? "sarif" : "json"), kind, () -> {
            report.set(sarif ? BoundedMemoryProbe.sarif(bytes) : BoundedMemoryProbe.trivy(bytes));
            return report.get();
        });
        GateRequest request = GateRequest.of(List.of()).withReports(List.of(source))
                .withPolicy(new NamedBytes(".secure-deploy.yml", policy.getBytes(StandardCharsets.UTF_8)));
        long start = System.nanoTime();
        GateOutcome outcome = new GateService(clock).decide(request, new FileSystemEvidenceStore(dir));
        long millis = (System.nanoTime() - start) / 1_000_000;
        long retained = retainedHeap();
        GateDecision d = outcome.decision();
        GateReason first = d.reasons().isEmpty() ? null : d.reasons().get(0);
        Path json = dir.resolve(GateRequest.DEFAULT_FOLDER).resolve(GateService.JSON);
        Path baseline = dir.resolve(GateRequest.DEFAULT_FOLDER).resolve(GateService.BASELINE);
        System.out.println(RESULT_PREFIX + String.format(Locale.ROOT, "verdict=%s status=%s reasons=%s count=%d "
                        + "listed=%d findings=%d items=%d waived=%d kept=%d named=%d jsonFindings=%d jsonBytes=%d "
                        + "baselineEntries=%d htmlBytes=%d bytes=%d millis=%d retained=%d maxHeap=%d",
                d.verdict(), outcome.results().get(0).status(), String.join(",", d.reasons().stream()
                        .map(GateReason::rule).toList()), first == null ? 0 : first.count(),
                first == null ? 0 : first.fingerprints().size(), d.totals().findings(),
                report.get().itemsProduced(), d.totals().waiverUses().values().stream().mapToLong(Long::longValue)
                        .sum(), d.findings().size(), d.namedFindings().size(), arrayLength(json, "findings"),
                Files.size(json), arrayLength(baseline, "findings"),
                Files.size(dir.resolve(GateRequest.DEFAULT_FOLDER).resolve(GateService.INDEX)),
                report.get().bytesProduced(), millis, retained, Runtime.getRuntime().maxMemory()));
        System.out.flush();
        // keep the outcome reachable until after the measurement
        if (outcome.report().totalFindings() < 0) {
            throw new IllegalStateException("unreachable");
        }
    }

    /** Elements of the top-level array field {@code field}, counted as the file streams by. */
    static long arrayLength(Path file, String field) throws Exception {
        try (InputStream in = Files.newInputStream(file); JsonParser p = Json.strict().factory().createParser(in)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals(field)) {
                    long n = 0;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        p.skipChildren();
                        n++;
                    }
                    return n;
                }
                p.skipChildren();
            }
            return -1;
        }
    }

    /**
     * The bytes of every live object, with everything the gate holds still reachable: the total of the JVM's class
     * histogram, which collects first (heap "used" after {@code System.gc()} also counts what was allocated since).
     */
    static long retainedHeap() throws Exception {
        long live = Long.MAX_VALUE;
        for (int i = 0; i < 2; i++) {
            String histogram = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {null}, new String[] {String[].class.getName()}).toString();
            String total = histogram.lines().filter(l -> l.startsWith("Total")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no total in the class histogram"));
            String[] columns = total.trim().split("\\s+");
            live = Math.min(live, Long.parseLong(columns[columns.length - 1]));
        }
        return live;
    }
}
