package io.jenkins.plugins.securedeploy.engine.gate;

import io.jenkins.plugins.securedeploy.engine.core.RecordInput;
import io.jenkins.plugins.securedeploy.engine.core.RecordOutput;
import io.jenkins.plugins.securedeploy.engine.policy.FindingOutcome;
import io.jenkins.plugins.securedeploy.engine.policy.Waiver;
import io.jenkins.plugins.securedeploy.engine.report.CompactFinding;
import io.jenkins.plugins.securedeploy.engine.report.SpooledFindingWriter;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every finding of one gate run on disk, never in memory: each outcome is encoded once, as it arrives, in its compact
 * form ({@link SpooledFindingWriter#compact}: its values as gate-report.json writes them, without the layout), and goes
 * to two bounded-memory sorts in a temporary folder - the report's order (worst first, then tool, fingerprint, arrival:
 * what the in-memory report sorted) and the next baseline's (fingerprint, arrival; only the entry's part of the
 * form). Both are laid out as JSON only when written. An input that failed after some of its findings arrived is
 * {@link #drop dropped}: its records are skipped when read back, as the in-memory gate never counted an ERROR
 * result's findings. Closing deletes the folder.
 */
final class GateSpool implements AutoCloseable {
    /** Findings held in memory per sorted run. */
    static final int CHUNK = 16_384;
    /** Bytes of records held in memory per sorted run, at most (each of the two sorts). */
    static final int CHUNK_BYTES = 8 << 20;

    /** A report record: the source, the tool's number, the compact finding's length and bytes, [the outcome]. */
    private static final int REPORT_AT = 12;
    /** A baseline record: the source, the baseline part of the compact finding. */
    private static final int BASELINE_AT = 4;

    private final Path dir;
    private final ExternalSort report;
    private final ExternalSort baseline;
    private final BitSet dropped = new BitSet();
    private final BitSet uncounted = new BitSet();
    private final SpooledFindingWriter json = new SpooledFindingWriter();
    private final boolean keepOutcomes;
    private final Outcomes outcomes;
    private final List<String> tools = new ArrayList<>();
    private final Map<String, Integer> toolNumbers = new HashMap<>();
    private String lastTool;
    private int lastToolNumber;

    private GateSpool(Path dir, List<Waiver> waivers, int chunk, boolean keepOutcomes) {
        this.dir = dir;
        this.keepOutcomes = keepOutcomes;
        this.outcomes = keepOutcomes ? new Outcomes(new OutcomeCodec(waivers)) : null;
        this.report = new ExternalSort(SpoolOrder.report(REPORT_AT, tools), chunk, CHUNK_BYTES, dir, "findings");
        this.baseline = new ExternalSort(SpoolOrder.baseline(BASELINE_AT), chunk * 4, CHUNK_BYTES, dir, "baseline");
    }

    /**
     * A spool in a new temporary folder; {@code waivers} are the effective policy's (outcomes name them). Each
     * finding is kept as gate-report.json lists it, encoded once as it arrives; with {@code keepOutcomes} also as
     * the outcome itself, for {@link #findings} (the gate's SARIF).
     */
    static GateSpool open(List<Waiver> waivers, int chunk, boolean keepOutcomes) throws IOException {
        return new GateSpool(Files.createTempDirectory("secure-deploy-gate-"), waivers, chunk, keepOutcomes);
    }

    static int source(byte[] b, int off) {
        return (b[off] & 0xFF) << 24 | (b[off + 1] & 0xFF) << 16 | (b[off + 2] & 0xFF) << 8 | b[off + 3] & 0xFF;
    }

    /** One outcome of input {@code source}. */
    void add(int source, FindingOutcome o) throws IOException {
        int n = json.compact(o);
        byte[] compact = json.compacted();
        report.begin();
        report.writeInt(source);
        report.writeInt(tool(o.finding().tool()));
        report.writeInt(n);
        report.write(compact, 0, n);
        if (keepOutcomes) {
            outcomes.write(report, o);
        }
        report.commit();
        baselineEntry(source, compact);
    }

    /** The tool's number: its place in {@link #tools}, where every name is once. */
    private int tool(String name) {
        if (!name.equals(lastTool)) { // one report's findings share their tool's name
            Integer n = toolNumbers.get(name);
            if (n == null) {
                n = tools.size();
                tools.add(name);
                toolNumbers.put(name, n);
            }
            lastTool = name;
            lastToolNumber = n;
        }
        return lastToolNumber;
    }

    private void baselineEntry(int source, byte[] compact) throws IOException {
        baseline.begin();
        baseline.writeInt(source);
        baseline.write(compact, 0, CompactFinding.baselineLength(compact, 0));
        baseline.commit();
    }

    /** A finding of an ERROR result: not in the report (not counted), yet in the next baseline. */
    void addBaselineOnly(int source, Finding f) throws IOException {
        json.compact(new FindingOutcome(f, false, null, null, false));
        baselineEntry(source, json.compacted());
    }

    /** Input {@code source} failed: none of its findings is read back. */
    void drop(int source) {
        dropped.set(source);
    }

    /** Input {@code source} is an ERROR result: its findings are in the next baseline only. */
    void uncount(int source) {
        uncounted.set(source);
    }

    private boolean reported(byte[] b, int off) {
        int source = source(b, off);
        return !dropped.get(source) && !uncounted.get(source);
    }

    /** Receives one outcome. */
    @FunctionalInterface
    interface OutcomeVisitor {
        void visit(FindingOutcome outcome) throws IOException;
    }

    /** Every kept outcome in the report's order; only for a spool opened to keep them. */
    void findings(OutcomeVisitor visitor) throws IOException {
        if (!keepOutcomes) {
            throw new IllegalStateException("this spool keeps the findings' JSON only");
        }
        report.forEach((b, off, len) -> {
            if (reported(b, off)) {
                int outcome = off + REPORT_AT + source(b, off + 8); // after the compact finding (its length)
                visitor.visit(outcomes.read(b, outcome, off + len - outcome));
            }
        });
    }

    /** Every kept finding's JSON as gate-report.json lists it, in the report's order. */
    void findingJson(ExternalSort.Visitor visitor) throws IOException {
        report.forEach((b, off, len) -> {
            if (reported(b, off)) {
                int n = json.layout(b, off + REPORT_AT);
                visitor.visit(json.laidOut(), 0, n);
            }
        });
    }

    /** The next baseline's entries as baseline.json lists them: one per fingerprint (its first), by fingerprint. */
    void baselineJson(ExternalSort.Visitor visitor) throws IOException {
        byte[][] last = {new byte[256]};
        boolean[] any = {false};
        baseline.forEach((b, off, len) -> {
            if (dropped.get(source(b, off))) {
                return;
            }
            int fp = CompactFinding.fingerprint(off + BASELINE_AT);
            if (any[0] && CompactFinding.compareText(last[0], CompactFinding.fingerprint(BASELINE_AT), b, fp) == 0) {
                return;
            }
            if (last[0].length < len) {
                last[0] = new byte[Math.max(len, last[0].length * 2)];
            }
            System.arraycopy(b, off, last[0], 0, len);
            any[0] = true;
            int n = json.layoutBaseline(b, off + BASELINE_AT);
            visitor.visit(json.laidOut(), 0, n);
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

    /** The outcomes themselves, in their binary form ({@link OutcomeCodec}), after each report record's JSON. */
    private static final class Outcomes {
        private final OutcomeCodec codec;
        private final Bytes written = new Bytes();
        private final RecordOutput out = new RecordOutput(written);
        private final Slice slice = new Slice();
        private final RecordInput in = new RecordInput(slice);

        Outcomes(OutcomeCodec codec) {
            this.codec = codec;
        }

        void write(ExternalSort sort, FindingOutcome o) throws IOException {
            written.reset();
            codec.write(out, o);
            out.flush();
            sort.write(written.bytes(), 0, written.size());
        }

        FindingOutcome read(byte[] b, int off, int len) throws IOException {
            slice.set(b, off, len);
            return codec.read(in);
        }
    }

    /** An in-memory stream whose bytes are read without copying. */
    private static final class Bytes extends ByteArrayOutputStream {
        byte[] bytes() {
            return buf;
        }
    }

    /** Reads one record's bytes, then the next one's ({@link #set}), each read to its end. */
    private static final class Slice extends InputStream {
        private byte[] b = new byte[0];
        private int pos;
        private int end;

        void set(byte[] bytes, int off, int len) {
            this.b = bytes;
            this.pos = off;
            this.end = off + len;
        }

        @Override
        public int read() {
            return pos < end ? b[pos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] into, int off, int len) {
            if (pos >= end) {
                return -1;
            }
            int n = Math.min(len, end - pos);
            System.arraycopy(b, pos, into, off, n);
            pos += n;
            return n;
        }
    }
}
