package io.jenkins.plugins.securedeploy.engine.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import io.jenkins.plugins.securedeploy.engine.policy.FindingOutcome;
import io.jenkins.plugins.securedeploy.engine.policy.Waiver;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.PackageRef;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * One finding as gate-report.json lists it (an element of its {@code findings} array, pretty-printed two levels
 * deep), encoded on its own: a gate encodes every finding once, as it arrives, and writes the bytes later
 * ({@link GateReportWriter#writeEncoded}). The same bytes as {@link GateReportWriter}'s generator writes in place: the
 * fixed layout (names, separators, indentation) is pre-encoded, a string of printable ASCII without quote or backslash
 * is copied, and every other value (any other string, a score) is written by a generator of the same strict factory,
 * so escaping and number formats are Jackson's own. One instance per thread (it reuses its buffers).
 */
public final class SpooledFindingWriter {
    private static final byte[] FINGERPRINT = open("fingerprint");
    private static final byte[] TOOL = field(2, "tool");
    private static final byte[] RULE_ID = field(2, "ruleId");
    private static final byte[] TITLE = field(2, "title");
    private static final byte[] SEVERITY = field(2, "severity");
    private static final byte[] CATEGORY = field(2, "category");
    private static final byte[] SCORE = field(2, "score");
    private static final byte[] IDS = field(2, "ids");
    private static final byte[] PACKAGE = field(2, "package");
    private static final byte[] NAME = first(3, "name");
    private static final byte[] VERSION = field(3, "version");
    private static final byte[] FIXED_VERSION = field(3, "fixedVersion");
    private static final byte[] PURL = field(3, "purl");
    private static final byte[] LOCATION = field(2, "location");
    private static final byte[] FILE = first(3, "file");
    private static final byte[] POINTER = field(3, "pointer");
    private static final byte[] LINE = field(3, "line");
    private static final byte[] COLUMN = field(3, "column");
    private static final byte[] END_INNER = ascii(indent(2) + "}");
    private static final byte[] STATUS = field(2, "status");
    private static final byte[] COUNTED = field(2, "counted");
    private static final byte[] WAIVED_BY = field(2, "waivedBy");
    private static final byte[] EXPIRED_WAIVER = field(2, "expiredWaiver");
    private static final byte[] END = ascii(indent(1) + "}");
    private static final byte[] NULL = ascii("null");
    private static final byte[] EMPTY_ARRAY = ascii("[ ]");
    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");

    private final Out out = new Out();
    private final Out exactOut = new Out();
    private final JsonGenerator exact;
    private final Map<Waiver, byte[]> waivers = new IdentityHashMap<>();

    public SpooledFindingWriter() {
        try {
            exact = Json.strict().factory().createGenerator(exactOut, JsonEncoding.UTF8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a JSON generator in memory", e);
        }
        exact.setRootValueSeparator(null);
    }

    private static String indent(int level) {
        DefaultIndenter lf = DefaultIndenter.SYSTEM_LINEFEED_INSTANCE;
        return lf.getEol() + lf.getIndent().repeat(level);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] open(String name) {
        return ascii("{" + indent(2) + "\"" + name + "\" : ");
    }

    private static byte[] first(int level, String name) {
        return ascii("{" + indent(level) + "\"" + name + "\" : ");
    }

    private static byte[] field(int level, String name) {
        return ascii("," + indent(level) + "\"" + name + "\" : ");
    }

    /** The finding's bytes, UTF-8. */
    public byte[] encode(FindingOutcome o) {
        try {
            out.reset();
            Finding f = o.finding();
            out.put(FINGERPRINT);
            string(f.fingerprint());
            out.put(TOOL);
            string(f.tool());
            out.put(RULE_ID);
            string(f.ruleId());
            out.put(TITLE);
            string(f.title());
            out.put(SEVERITY);
            string(f.severity().name());
            out.put(CATEGORY);
            string(f.category().name());
            out.put(SCORE);
            if (f.hasScore()) {
                exact(g -> g.writeNumber(f.score()));
            } else {
                out.put(NULL);
            }
            out.put(IDS);
            ids(f);
            out.put(PACKAGE);
            pkg(f.pkg());
            out.put(LOCATION);
            location(f.location());
            out.put(STATUS);
            string(o.isNew() ? "new" : "unchanged");
            out.put(COUNTED);
            out.put(o.counted() ? TRUE : FALSE);
            out.put(WAIVED_BY);
            waiver(o.waivedBy());
            out.put(EXPIRED_WAIVER);
            waiver(o.expiredWaiver());
            out.put(END);
            return out.copy();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a finding in memory", e);
        }
    }

    private void ids(Finding f) throws IOException {
        if (f.ids().isEmpty()) {
            out.put(EMPTY_ARRAY);
            return;
        }
        out.write('[');
        boolean first = true;
        for (String id : f.ids()) {
            out.write(first ? ' ' : ',');
            if (!first) {
                out.write(' ');
            }
            string(id);
            first = false;
        }
        out.write(' ');
        out.write(']');
    }

    private void pkg(PackageRef p) throws IOException {
        if (p == null) {
            out.put(NULL);
            return;
        }
        out.put(NAME);
        string(p.name());
        out.put(VERSION);
        string(p.version());
        out.put(FIXED_VERSION);
        string(p.fixedVersion());
        out.put(PURL);
        string(p.purl());
        out.put(END_INNER);
    }

    private void location(Location l) throws IOException {
        out.put(FILE);
        string(l.file());
        out.put(POINTER);
        string(l.pointer());
        out.put(LINE);
        number(l.line());
        out.put(COLUMN);
        number(l.column());
        out.put(END_INNER);
    }

    /** A non-negative int (line, column) as Jackson writes it: plain decimal. */
    private void number(int v) {
        if (v < 10) {
            out.write('0' + v);
        } else {
            out.put(ascii(Integer.toString(v)));
        }
    }

    private void waiver(Waiver w) throws IOException {
        if (w == null) {
            out.put(NULL);
            return;
        }
        byte[] encoded = waivers.get(w);
        if (encoded == null) {
            int mark = out.size();
            string(w.describe());
            encoded = Arrays.copyOfRange(out.bytes(), mark, out.size());
            waivers.put(w, encoded);
            return;
        }
        out.put(encoded);
    }

    /** A string value: copied when it needs no escape and is ASCII, else written by the factory's generator. */
    private void string(String s) throws IOException {
        if (s == null) {
            out.put(NULL);
            return;
        }
        if (!out.plain(s)) {
            exact(g -> g.writeString(s));
        }
    }

    @FunctionalInterface
    private interface Value {
        void write(JsonGenerator g) throws IOException;
    }

    private void exact(Value value) throws IOException {
        exactOut.reset();
        value.write(exact);
        exact.flush();
        out.write(exactOut.bytes(), 0, exactOut.size());
    }

    /** A reusable, unsynchronised in-memory stream whose bytes can be read without copying. */
    private static final class Out extends OutputStream {
        private byte[] buf = new byte[1024];
        private int count;

        void reset() {
            count = 0;
        }

        int size() {
            return count;
        }

        byte[] bytes() {
            return buf;
        }

        byte[] copy() {
            return Arrays.copyOf(buf, count);
        }

        private void room(int n) {
            if (buf.length - count < n) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + n));
            }
        }

        void put(byte[] b) {
            write(b, 0, b.length);
        }

        @Override
        public void write(int b) {
            room(1);
            buf[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            room(len);
            System.arraycopy(b, off, buf, count, len);
            count += len;
        }

        /** {@code s} in quotes if every char is printable ASCII other than quote and backslash; else false. */
        boolean plain(String s) {
            int n = s.length();
            room(n + 2);
            int at = count;
            buf[at++] = '"';
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
                    return false;
                }
                buf[at++] = (byte) c;
            }
            buf[at++] = '"';
            count = at;
            return true;
        }
    }
}
