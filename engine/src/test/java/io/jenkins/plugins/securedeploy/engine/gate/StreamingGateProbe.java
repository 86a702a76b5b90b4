package io.jenkins.plugins.securedeploy.engine.gate;

import io.jenkins.plugins.securedeploy.engine.policy.Baseline;
import io.jenkins.plugins.securedeploy.engine.policy.FindingTally;
import io.jenkins.plugins.securedeploy.engine.policy.GateDecision;
import io.jenkins.plugins.securedeploy.engine.policy.GateEvaluator;
import io.jenkins.plugins.securedeploy.engine.policy.GateInput;
import io.jenkins.plugins.securedeploy.engine.policy.GateReason;
import io.jenkins.plugins.securedeploy.engine.policy.Policy;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyFloor;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyMerger;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyReader;
import io.jenkins.plugins.securedeploy.engine.scan.BoundedMemoryProbe;
import io.jenkins.plugins.securedeploy.engine.scan.GeneratedReportStream;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.scan.registry.ReportIngest;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * Run in a forked JVM with a small heap by {@link StreamingGateITest}: gates a generated CodeQL-shaped SARIF of
 * {@code BYTES} (streamed while generated, never on disk) under a policy that waives every {@code js/sqli} (HIGH)
 * finding and allows at most 1,000 MEDIUM ones, keeping the top 1,000 for display and spooling every finding to
 * {@code SPOOL}; prints the decision, the counts and the heap still in use after a full GC with the tally alive.
 */
public final class StreamingGateProbe {
    static final String RESULT_PREFIX = "STREAMING-GATE-RESULT ";
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private StreamingGateProbe() {}

    public static void main(String[] args) throws Exception {
        long bytes = Long.parseLong(args[0]);
        Path spoolFile = Path.of(args[1]);
        Clock clock = Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        Policy policy = new PolicyMerger().merge(PolicyFloor.NONE, new PolicyReader().read(("version: 1\n"
                + "thresholds: {total: {high: 0, medium: 1000}}\n"
                + "waivers:\n  - {rule: js/sqli, owner: sec-team, reason: sanitised by the ORM, expires: 2026-12-20}\n")
                .getBytes(StandardCharsets.UTF_8), ".secure-deploy.yml"), TODAY);
        FindingTally tally = new FindingTally(policy, Baseline.NONE, TODAY, 1000);
        long start = System.nanoTime();
        GeneratedReportStream report = BoundedMemoryProbe.sarif(bytes);
        ScanResult result;
        long spooled;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(spoolFile), 1 << 16);
                FindingSpoolWriter spool = new FindingSpoolWriter(out)) {
            GateSink sink = new GateSink(tally, spool);
            ReportIngest.standard().ingest(report, "codeql-big.sarif", "sarif", sink);
            result = sink.result("codeql-big.sarif");
            spooled = spool.written();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        long retained = retainedHeap();
        GateDecision d = new GateEvaluator(clock).evaluate(GateInput.of(policy, List.of(result)), tally);
        GateReason first = d.reasons().isEmpty() ? null : d.reasons().get(0);
        System.out.println(RESULT_PREFIX + String.format(Locale.ROOT, "verdict=%s status=%s reasons=%s count=%d "
                        + "listed=%d findings=%d items=%d waived=%d kept=%d spooled=%d spoolBytes=%d bytes=%d "
                        + "millis=%d retained=%d maxHeap=%d",
                d.verdict(), result.status(), String.join(",", d.reasons().stream().map(GateReason::rule).toList()),
                first == null ? 0 : first.count(), first == null ? 0 : first.fingerprints().size(),
                d.totals().findings(), report.itemsProduced(), d.totals().waiverUses().values().stream()
                        .mapToLong(Long::longValue).sum(), d.findings().size(), spooled, Files.size(spoolFile),
                report.bytesProduced(), millis, retained, Runtime.getRuntime().maxMemory()));
        System.out.flush();
        // keep the tally reachable until after the measurement
        if (tally.totals().findings() < 0) {
            throw new IllegalStateException("unreachable");
        }
    }

    /** Heap in use after full collections, with everything the gate holds still reachable. */
    private static long retainedHeap() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
