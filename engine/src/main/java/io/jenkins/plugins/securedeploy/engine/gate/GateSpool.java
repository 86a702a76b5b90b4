package io.jenkins.plugins.securedeploy.engine.gate;

import io.jenkins.plugins.securedeploy.engine.policy.BaselineEntry;
import io.jenkins.plugins.securedeploy.engine.policy.FindingOutcome;
import io.jenkins.plugins.securedeploy.engine.policy.Waiver;
import io.jenkins.plugins.securedeploy.engine.report.SpooledFindingWriter;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every finding of one gate run on disk, never in memory: each outcome goes to two bounded-memory sorts in a
 * temporary folder — the report's order (worst first, then tool, fingerprint, arrival: what the in-memory report
 * sorted), as the JSON gate-report.json lists it (encoded once, merged as bytes), and the next baseline's
 * (fingerprint, arrival). An input that failed after some of its findings arrived is
 * {@link #drop dropped}: its records are skipped when read back, as the in-memory gate never counted an ERROR
 * result's findings. Closing deletes the folder.
 */
final class GateSpool implements AutoCloseable {
    /** Findings held in memory per sorted run. */
    static final int CHUNK = 16_384;

    /** Worst first (severity as the gate ranks it), then tool, fingerprint, arrival. */
    private static final Comparator<OutcomeCodec.Spooled> REPORT_ORDER = (a, b) -> {
        int c = Integer.compare(b.rank(), a.rank());
        if (c == 0 && a.tool() != b.tool()) { // one report's findings share their tool's name
            c = a.tool().compareTo(b.tool());
        }
        if (c == 0) {
            c = a.fingerprint().compareTo(b.fingerprint());
        }
        return c != 0 ? c : Long.compare(a.seq(), b.seq());
    };
    private static final Comparator<OutcomeCodec.Entry> BASELINE_ORDER = (a, b) -> {
        int c = a.entry().fingerprint().compareTo(b.entry().fingerprint());
        return c != 0 ? c : Long.compare(a.seq(), b.seq());
    };

    private final Path dir;
    private final ExternalSort<OutcomeCodec.Spooled> report;
    private final ExternalSort<OutcomeCodec.Entry> baseline;
    private final BitSet dropped = new BitSet();
    private final BitSet uncounted = new BitSet();
    private final SpooledFindingWriter json = new SpooledFindingWriter();
    private final boolean keepOutcomes;
    private long seq;

    private GateSpool(Path dir, List<Waiver> waivers, int chunk, boolean keepOutcomes) {
        this.dir = dir;
        this.keepOutcomes = keepOutcomes;
        OutcomeCodec codec = new OutcomeCodec(waivers);
        this.report = new ExternalSort<>(codec.outcomes, REPORT_ORDER, chunk, dir, "findings");
        this.baseline = new ExternalSort<>(codec.entries, BASELINE_ORDER, chunk * 4, dir, "baseline");
    }

    /**
     * A spool in a new temporary folder; {@code waivers} are the effective policy's (outcomes name them). Each
     * finding is kept as gate-report.json lists it, encoded once as it arrives; with {@code keepOutcomes} also as
     * the outcome itself, for {@link #findings} (the gate's SARIF).
     */
    static GateSpool open(List<Waiver> waivers, int chunk, boolean keepOutcomes) throws IOException {
        return new GateSpool(Files.createTempDirectory("secure-deploy-gate-"), waivers, chunk, keepOutcomes);
    }

    /** One outcome of input {@code source}. */
    void add(int source, FindingOutcome o) throws IOException {
        long n = seq++;
        Finding f = o.finding();
        report.add(new OutcomeCodec.Spooled(n, source, f.severity().gateRank(), f.tool(), f.fingerprint(),
                json.encode(o), keepOutcomes ? o : null));
        baseline.add(new OutcomeCodec.Entry(n, source, BaselineEntry.of(o.finding())));
    }

    /** A finding of an ERROR result: not in the report (not counted), yet in the next baseline. */
    void addBaselineOnly(int source, Finding f) throws IOException {
        baseline.add(new OutcomeCodec.Entry(seq++, source, BaselineEntry.of(f)));
    }

    /** Input {@code source} failed: none of its findings is read back. */
    void drop(int source) {
        dropped.set(source);
    }

    /** Input {@code source} is an ERROR result: its findings are in the next baseline only. */
    void uncount(int source) {
        uncounted.set(source);
    }

    /** Every kept outcome in the report's order; only for a spool opened to keep them. */
    void findings(ExternalSort.Visitor<FindingOutcome> visitor) throws IOException {
        if (!keepOutcomes) {
            throw new IllegalStateException("this spool keeps the findings' JSON only");
        }
        report.forEach(s -> {
            if (!dropped.get(s.source()) && !uncounted.get(s.source())) {
                visitor.visit(s.outcome());
            }
        });
    }

    /** Every kept finding's JSON as gate-report.json lists it, in the report's order. */
    void findingJson(ExternalSort.Visitor<byte[]> visitor) throws IOException {
        report.forEach(s -> {
            if (!dropped.get(s.source()) && !uncounted.get(s.source())) {
                visitor.visit(s.json());
            }
        });
    }

    /** The next baseline: one entry per fingerprint (its first finding), sorted by fingerprint. */
    void baseline(ExternalSort.Visitor<BaselineEntry> visitor) throws IOException {
        String[] last = {null};
        baseline.forEach(e -> {
            if (!dropped.get(e.source()) && !e.entry().fingerprint().equals(last[0])) {
                last[0] = e.entry().fingerprint();
                visitor.visit(e.entry());
            }
        });
    }

    @Override
    public void close() throws IOException {
        report.close();
        baseline.close();
        try (Stream<Path> left = Files.list(dir)) {
            for (Path p : left.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }
}
