package io.jenkins.plugins.securedeploy.engine.gate;

import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.host.FileSystemEvidenceStore;
import io.jenkins.plugins.securedeploy.engine.policy.BaselineEntry;
import io.jenkins.plugins.securedeploy.engine.policy.BaselineReader;
import io.jenkins.plugins.securedeploy.engine.policy.BaselineWriter;
import io.jenkins.plugins.securedeploy.engine.policy.GateDecision;
import io.jenkins.plugins.securedeploy.engine.policy.GateReason;
import io.jenkins.plugins.securedeploy.engine.scan.BoundedMemoryProbe;
import io.jenkins.plugins.securedeploy.engine.scan.GeneratedReportStream;
import io.jenkins.plugins.securedeploy.engine.scan.registry.ReportSource;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Run in a forked JVM with a small heap by {@link LargeBaselineITest}: writes (with {@link BaselineWriter}) a
 * baseline file of {@code ENTRIES} entries to {@code DIR} - the fingerprints of the first {@value #KNOWN} findings
 * of a generated CodeQL-shaped SARIF (learnt by gating its first {@value #KNOWN} results) spread among filler
 * entries, each known one twice - then gates a {@code BYTES} SARIF of the same generator, streamed while generated,
 * against it through {@link GateService} as the CLI does (the baseline streamed from its file). The policy allows no
 * new MEDIUM finding. Prints the decision, the new and fixed counts and the heap still in use after a full GC with
 * the outcome alive.
 */
public final class LargeBaselineProbe {
    static final String RESULT_PREFIX = "LARGE-BASELINE-RESULT ";
    static final int KNOWN = 2000;

    private LargeBaselineProbe() {}

    public static void main(String[] args) throws Exception {
        long entries = Long.parseLong(args[0]);
        long bytes = Long.parseLong(args[1]);
        Path dir = Path.of(args[2]);
        Clock clock = Clock.fixed(StreamingGateProbe.TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        List<BaselineEntry> known = knownEntries(clock, dir.resolve("learn"));
        Path baseline = dir.resolve("baseline.json");
        long[] written = {0};
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(baseline), 1 << 16)) {
            long every = Math.max(1, entries / KNOWN);
            new BaselineWriter().write(w -> {
                BaselineWriter.Entries.Visitor v = e -> {
                    written[0]++;
                    w.visit(e);
                };
                int k = 0;
                for (long j = 0; j < entries; j++) {
                    if (j % every == 0 && k < known.size()) {
                        v.visit(known.get(k));
                        v.visit(new BaselineEntry(known.get(k).fingerprint(), "codeql", "dup", Severity.LOW, "dup"));
                        k++;
                        j++;
                    } else {
                        v.visit(new BaselineEntry(String.format(Locale.ROOT, "sha256:%016x%016x", j * 0x9E3779B97F4A7C15L,
                                j), "trivy", "CVE-2020-" + j, Severity.HIGH, "old finding " + j));
                    }
                }
            }, out);
        }
        String policy = "version: 1\nthresholds: {total: {high: 1000000000, medium: 1000000000}, new: {medium: 0}}\n";
        AtomicReference<GeneratedReportStream> report = new AtomicReference<>();
        ReportSource source = new ReportSource("big.sarif", "sarif", () -> {
            report.set(BoundedMemoryProbe.sarif(bytes));
            return report.get();
        });
        GateRequest request = GateRequest.of(List.of()).withReports(List.of(source))
                .withPolicy(new NamedBytes(".secure-deploy.yml", policy.getBytes(StandardCharsets.UTF_8)))
                .withBaseline(ReportSource.ofFile(baseline, "baseline.json", null));
        long start = System.nanoTime();
        GateOutcome outcome = new GateService(clock).decide(request, new FileSystemEvidenceStore(dir.resolve("out")));
        long millis = (System.nanoTime() - start) / 1_000_000;
        long retained = StreamingGateProbe.retainedHeap();
        GateDecision d = outcome.decision();
        GateReason first = d.reasons().isEmpty() ? null : d.reasons().get(0);
        System.out.println(RESULT_PREFIX + String.format(Locale.ROOT, "verdict=%s reasons=%s count=%d findings=%d "
                        + "items=%d new=%d fixed=%d jsonFixed=%d baselineEntries=%d baselineBytes=%d reportBytes=%d millis=%d "
                        + "retained=%d maxHeap=%d", d.verdict(), String.join(",", d.reasons().stream()
                        .map(GateReason::rule).toList()), first == null ? 0 : first.count(), d.totals().findings(),
                report.get().itemsProduced(), d.totals().fresh(), d.fixed().size(),
                StreamingGateProbe.arrayLength(dir.resolve("out").resolve(GateRequest.DEFAULT_FOLDER)
                        .resolve(GateService.JSON), "fixed"), written[0], Files.size(baseline), report.get().bytesProduced(),
                millis, retained, Runtime.getRuntime().maxMemory()));
        System.out.flush();
        if (outcome.report().totalFindings() < 0) { // keep the outcome reachable until after the measurement
            throw new IllegalStateException("unreachable");
        }
    }

    /** The baseline entries of the first {@value #KNOWN} findings of the generated SARIF, gated small. */
    private static List<BaselineEntry> knownEntries(Clock clock, Path dir) throws Exception {
        long bytes = 4096L * KNOWN;
        GateRequest request = GateRequest.of(List.of()).withReports(List.of(new ReportSource("learn.sarif", "sarif",
                () -> BoundedMemoryProbe.sarif(bytes))));
        new GateService(clock).decide(request, new FileSystemEvidenceStore(dir));
        try (InputStream in = Files.newInputStream(dir.resolve(GateRequest.DEFAULT_FOLDER)
                .resolve(GateService.BASELINE))) {
            List<BaselineEntry> all = List.copyOf(new BaselineReader().read(in, "learn").entries().values());
            if (all.size() < KNOWN) {
                throw new IllegalStateException("learnt " + all.size() + " fingerprints, not " + KNOWN);
            }
            return all.subList(0, KNOWN);
        }
    }
}
