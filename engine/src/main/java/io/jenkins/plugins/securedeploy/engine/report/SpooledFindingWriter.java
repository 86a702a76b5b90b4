package io.jenkins.plugins.securedeploy.engine.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import io.jenkins.plugins.securedeploy.engine.policy.FindingOutcome;
import io.jenkins.plugins.securedeploy.engine.policy.Waiver;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.PackageRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * One finding as gate-report.json lists it (an element of its {@code findings} array: compact, on a line of its own,
 * see {@code PrettyJson#elementPerLine()}), encoded on its own: a gate encodes every finding once, as it arrives, in
 * a {@link #compact} form (its values as JSON, without the names and separators around them: see
 * {@link CompactFinding}) that it sorts on disk, and lays each out as the report lists it ({@link #layout}) or as the
 * next baseline lists its entry ({@link #layoutBaseline}) when writing. The same bytes as {@link GateReportWriter}'s
 * and {@code BaselineWriter}'s generators write in place: the fixed layout (names and separators) is pre-encoded, a
 * string of printable ASCII without quote or backslash is copied, and every other value (any other string, a score)
 * is written by a generator of the same strict factory, so escaping and number formats are Jackson's own. One
 * instance per thread (it reuses its buffers).
 */
public final class SpooledFindingWriter {
    private static final byte[] FINGERPRINT = first("fingerprint");
    private static final byte[] TOOL = field("tool");
    private static final byte[] RULE_ID = field("ruleId");
    private static final byte[] TITLE = field("title");
    private static final byte[] SEVERITY = field("severity");
    private static final byte[] CATEGORY = field("category");
    private static final byte[] SCORE = field("score");
    private static final byte[] IDS = field("ids");
    private static final byte[] PACKAGE = field("package");
    private static final byte[] NAME = first("name");
    private static final byte[] VERSION = field("version");
    private static final byte[] FIXED_VERSION = field("fixedVersion");
    private static final byte[] PURL = field("purl");
    private static final byte[] LOCATION = field("location");
    private static final byte[] FILE = first("file");
    private static final byte[] POINTER = field("pointer");
    private static final byte[] LINE = field("line");
    private static final byte[] COLUMN = field("column");
    private static final byte[] END_INNER = ascii("}");
    private static final byte[] STATUS_NEW = ascii(new String(field("status"), StandardCharsets.US_ASCII)
            + "\"new\"");
    private static final byte[] STATUS_UNCHANGED = ascii(new String(field("status"), StandardCharsets.US_ASCII)
            + "\"unchanged\"");
    private static final byte[] COUNTED_TRUE = ascii(new String(field("counted"), StandardCharsets.US_ASCII)
            + "true");
    private static final byte[] COUNTED_FALSE = ascii(new String(field("counted"), StandardCharsets.US_ASCII)
            + "false");
    private static final byte[] WAIVED_BY = field("waivedBy");
    private static final byte[] EXPIRED_WAIVER = field("expiredWaiver");
    private static final byte[] END = ascii("}");
    private static final byte[] NULL = ascii("null");
    private static final byte[] EMPTY_ARRAY = ascii("[]");
    private static final byte[][] SEVERITIES = quoted(Severity.values());
    private static final byte[][] CATEGORIES = quoted(Category.values());
    private static final int NEW = 1;
    private static final int COUNTED = 2;
    private static final int PACKAGE_SET = 4;
    private static final int WAIVED = 8;
    private static final int EXPIRED = 16;
    private static final int SCORES = 16;

    private final SpoolBuffer compact = new SpoolBuffer();
    private final SpoolBuffer json = new SpoolBuffer();
    private final SpoolBuffer exactOut = new SpoolBuffer();
    private final JsonGenerator exact;
    private final Map<Waiver, byte[]> waivers = new IdentityHashMap<>();
    private final long[] scoreBits = new long[SCORES];
    private final byte[][] scoreJson = new byte[SCORES][];

    public SpooledFindingWriter() {
        try {
            exact = Json.strict().factory().createGenerator(exactOut, JsonEncoding.UTF8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a JSON generator in memory", e);
        }
        exact.setRootValueSeparator(null);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] first(String name) {
        return ascii("{\"" + name + "\":");
    }

    private static byte[] field(String name) {
        return ascii(",\"" + name + "\":");
    }

    private static byte[][] quoted(Enum<?>[] values) {
        byte[][] q = new byte[values.length][];
        for (Enum<?> v : values) {
            q[v.ordinal()] = ascii("\"" + v.name() + "\"");
        }
        return q;
    }

    /** The finding's bytes as gate-report.json lists it, UTF-8 (a copy). */
    public byte[] encode(FindingOutcome o) {
        compact(o);
        int n = layout(compact.bytes(), 0);
        return java.util.Arrays.copyOf(json.bytes(), n);
    }

    /**
     * Writes the compact form of the finding ({@link CompactFinding}) into this writer's buffer, {@link #compacted}
     * (valid until the next call), and returns its length.
     */
    public int compact(FindingOutcome o) {
        try {
            SpoolBuffer out = compact;
            out.reset();
            Finding f = o.finding();
            out.write(f.severity().ordinal());
            sortable(f.fingerprint());
            sortable(f.tool());
            slot(f.ruleId());
            slot(f.title());
            out.write(f.category().ordinal());
            PackageRef p = f.pkg();
            out.write((o.isNew() ? NEW : 0) | (o.counted() ? COUNTED : 0) | (p != null ? PACKAGE_SET : 0)
                    | (o.waivedBy() != null ? WAIVED : 0) | (o.expiredWaiver() != null ? EXPIRED : 0));
            score(f);
            ids(f);
            if (p != null) {
                slot(p.name());
                slot(p.version());
                slot(p.fixedVersion());
                slot(p.purl());
            }
            Location l = f.location();
            slot(l.file());
            slot(l.pointer());
            out.writeInt(l.line());
            out.writeInt(l.column());
            if (o.waivedBy() != null) {
                waiver(o.waivedBy());
            }
            if (o.expiredWaiver() != null) {
                waiver(o.expiredWaiver());
            }
            return out.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a finding in memory", e);
        }
    }

    /** The buffer {@link #compact} wrote to. */
    public byte[] compacted() {
        return compact.bytes();
    }

    /** The buffer {@link #layout} and {@link #layoutBaseline} wrote to. */
    public byte[] laidOut() {
        return json.bytes();
    }

    /**
     * Lays the compact finding at {@code b[off]} out as gate-report.json lists it, into {@link #laidOut} (valid
     * until the next call); returns the length.
     */
    public int layout(byte[] b, int off) {
        SpoolBuffer out = json;
        out.reset();
        int at = CompactFinding.fingerprint(off);
        out.put(FINGERPRINT);
        at = copySortable(b, at);
        out.put(TOOL);
        at = copySortable(b, at);
        out.put(RULE_ID);
        at = copy(b, at);
        out.put(TITLE);
        at = copy(b, at);
        out.put(SEVERITY);
        out.put(SEVERITIES[b[off]]);
        out.put(CATEGORY);
        out.put(CATEGORIES[b[at++]]);
        int flags = b[at++];
        out.put(SCORE);
        at = copy(b, at);
        out.put(IDS);
        at = copy(b, at);
        out.put(PACKAGE);
        if ((flags & PACKAGE_SET) != 0) {
            out.put(NAME);
            at = copy(b, at);
            out.put(VERSION);
            at = copy(b, at);
            out.put(FIXED_VERSION);
            at = copy(b, at);
            out.put(PURL);
            at = copy(b, at);
            out.put(END_INNER);
        } else {
            out.put(NULL);
        }
        out.put(LOCATION);
        out.put(FILE);
        at = copy(b, at);
        out.put(POINTER);
        at = copy(b, at);
        out.put(LINE);
        out.decimal(SpoolBuffer.readInt(b, at));
        out.put(COLUMN);
        out.decimal(SpoolBuffer.readInt(b, at + 4));
        at += 8;
        out.put(END_INNER);
        out.put((flags & NEW) != 0 ? STATUS_NEW : STATUS_UNCHANGED);
        out.put((flags & COUNTED) != 0 ? COUNTED_TRUE : COUNTED_FALSE);
        out.put(WAIVED_BY);
        if ((flags & WAIVED) != 0) {
            at = copy(b, at);
        } else {
            out.put(NULL);
        }
        out.put(EXPIRED_WAIVER);
        if ((flags & EXPIRED) != 0) {
            copy(b, at);
        } else {
            out.put(NULL);
        }
        out.put(END);
        return out.size();
    }

    /**
     * Lays the baseline entry of the compact finding at {@code b[off]} (its first
     * {@link CompactFinding#baselineLength} bytes are enough) out as baseline.json lists it, into {@link #laidOut};
     * returns the length.
     */
    public int layoutBaseline(byte[] b, int off) {
        SpoolBuffer out = json;
        out.reset();
        int at = CompactFinding.fingerprint(off);
        out.put(FINGERPRINT);
        at = copySortable(b, at);
        out.put(TOOL);
        at = copySortable(b, at);
        out.put(RULE_ID);
        at = copy(b, at);
        out.put(SEVERITY);
        out.put(SEVERITIES[b[off]]);
        out.put(TITLE);
        copy(b, at);
        out.put(END);
        return out.size();
    }

    private int copy(byte[] b, int at) {
        int v = CompactFinding.value(b, at);
        int n = CompactFinding.valueLength(b, at);
        json.write(b, v, n);
        return v + n;
    }

    private int copySortable(byte[] b, int at) {
        copy(b, at);
        return CompactFinding.skipSortable(b, at);
    }

    /** A string slot followed, unless plain, by the string's UTF-16 units. */
    private void sortable(String s) throws IOException {
        if (!slot(s)) {
            compact.count(s.length());
            for (int i = 0, n = s.length(); i < n; i++) {
                char c = s.charAt(i);
                compact.write(c >>> 8);
                compact.write(c);
            }
        }
    }

    /** A string value (or null) as a slot; whether it is plain. */
    private boolean slot(String s) throws IOException {
        if (s == null) {
            compact.slot(NULL, 0, NULL.length, false);
            return false;
        }
        if (compact.plainSlot(s)) {
            return true;
        }
        exactOut.reset();
        exact.writeString(s);
        exact.flush();
        compact.slot(exactOut.bytes(), 0, exactOut.size(), false);
        return false;
    }

    private void score(Finding f) throws IOException {
        if (!f.hasScore()) {
            compact.slot(NULL, 0, NULL.length, false);
            return;
        }
        long bits = Double.doubleToRawLongBits(f.score());
        int i = (int) ((bits * 0x9E3779B97F4A7C15L) >>> 60); // SCORES = 16 slots
        byte[] encoded = scoreJson[i];
        if (encoded == null || scoreBits[i] != bits) {
            exactOut.reset();
            exact.writeNumber(f.score());
            exact.flush();
            encoded = java.util.Arrays.copyOf(exactOut.bytes(), exactOut.size());
            scoreJson[i] = encoded;
            scoreBits[i] = bits;
        }
        compact.slot(encoded, 0, encoded.length, false);
    }

    private void ids(Finding f) throws IOException {
        if (f.ids().isEmpty()) {
            compact.slot(EMPTY_ARRAY, 0, EMPTY_ARRAY.length, false);
            return;
        }
        SpoolBuffer ids = json;
        ids.reset();
        ids.write('[');
        boolean first = true;
        for (String id : f.ids()) {
            if (!first) {
                ids.write(',');
            }
            if (!ids.plain(id)) {
                exactOut.reset();
                exact.writeString(id);
                exact.flush();
                ids.write(exactOut.bytes(), 0, exactOut.size());
            }
            first = false;
        }
        ids.write(']');
        compact.slot(ids.bytes(), 0, ids.size(), false);
    }

    private void waiver(Waiver w) throws IOException {
        byte[] encoded = waivers.get(w);
        if (encoded == null) {
            exactOut.reset();
            exact.writeString(w.describe());
            exact.flush();
            encoded = java.util.Arrays.copyOf(exactOut.bytes(), exactOut.size());
            waivers.put(w, encoded);
        }
        compact.slot(encoded, 0, encoded.length, false);
    }
}
