package io.jenkins.plugins.securedeploy.engine.audit;

import io.jenkins.plugins.securedeploy.engine.audit.AuditEntryReader.MalformedEntryException;
import java.nio.charset.StandardCharsets;

/**
 * Checks that one line is an audit entry exactly as {@link AuditEntryWriter} writes it, without building any object:
 * {@code {"seq":N,"at":S,"actor":S,"action":S,"refs":[{K:S},…],"note":S,"prev":"sha256:<hex>","hash":"sha256:<hex>"}}
 * with S a JSON string, the time an RFC 3339 UTC instant, every reference a valid {@link AuditRef}. What the streaming
 * verifier runs per line (hundreds of thousands per second); {@link AuditEntryReader} builds the entry for display and
 * accepts the same lines. Not thread-safe; one per verification.
 */
final class EntryScanner {
    private static final String ORDER = " (fields are seq, at, actor, action, refs, note, prev, hash in this order)";
    private static final byte[] SEQ = bytes("{\"seq\":");
    private static final byte[] AT = bytes(",\"at\":");
    private static final byte[] ACTOR = bytes(",\"actor\":");
    private static final byte[] ACTION = bytes(",\"action\":");
    private static final byte[] REFS = bytes(",\"refs\":[");
    private static final byte[] NOTE = bytes(",\"note\":");
    private static final byte[] PREV = bytes(",\"prev\":\"sha256:");

    private byte[] buf;
    private int pos;
    private int end;
    private int stringStart;
    private int stringEnd;
    private boolean escaped;

    private static final byte[] HASH_FIELD = bytes(AuditEntryWriter.HASH_FIELD);

    /** Where the previous hash's 64 hex digits start in the line last checked. */
    int prevHexOffset;

    /** Where the line's own hash's 64 hex digits start in the line last checked. */
    int hashHexOffset;

    /** Checks a line (without its newline); returns its {@code seq}. */
    long check(byte[] line, int off, int len) throws MalformedEntryException {
        if (len < AuditEntryWriter.SUFFIX_LENGTH + PREV.length + 66) {
            throw new MalformedEntryException("not an audit entry (too short or not a JSON object)");
        }
        buf = line;
        end = off + len - AuditEntryWriter.SUFFIX_LENGTH;
        for (int i = 0; i < HASH_FIELD.length; i++) {
            if (line[end + i] != HASH_FIELD[i]) {
                throw new MalformedEntryException("the line does not end with its hash field");
            }
        }
        pos = end + HASH_FIELD.length;
        hashHexOffset = pos;
        if (!hex(pos, 64)) {
            throw new MalformedEntryException("the hash is not 64 lower-case hex digits");
        }
        if (line[pos + 64] != '"' || line[pos + 65] != '}') {
            throw new MalformedEntryException("the line does not end with its hash field");
        }
        pos = off;
        literal(SEQ, "not an audit entry (too short or not a JSON object)");
        long seq = number();
        literal(AT, "expected field 'at' here" + ORDER);
        string("at");
        instant();
        literal(ACTOR, "expected field 'actor' here" + ORDER);
        string("actor");
        literal(ACTION, "expected field 'action' here" + ORDER);
        string("action");
        literal(REFS, "expected field 'refs' here" + ORDER);
        refs();
        literal(NOTE, "expected field 'note' here" + ORDER);
        string("note");
        literal(PREV, "expected field 'prev' (a sha256 digest) here" + ORDER);
        prevHexOffset = pos;
        if (end - pos != 65 || !hex(pos, 64) || buf[pos + 64] != '"') {
            throw new MalformedEntryException("'prev' is not a sha256 digest in lower-case hex");
        }
        return seq;
    }

    private long number() throws MalformedEntryException {
        long v = 0;
        int start = pos;
        while (pos < end && buf[pos] >= '0' && buf[pos] <= '9') {
            if (pos - start >= 18) {
                throw new MalformedEntryException("'seq' is too large");
            }
            v = v * 10 + (buf[pos++] - '0');
        }
        if (pos == start || (buf[start] == '0')) {
            throw new MalformedEntryException(pos == start ? "'seq' must be an integer" : "'seq' must be >= 1");
        }
        return v;
    }

    private void refs() throws MalformedEntryException {
        if (pos < end && buf[pos] == ']') {
            pos++;
            return;
        }
        while (true) {
            if (pos >= end || buf[pos++] != '{') {
                throw new MalformedEntryException("'refs' must be a list of references");
            }
            string("reference kind");
            int kindStart = stringStart;
            int kindEnd = stringEnd;
            boolean kindEscaped = escaped;
            if (pos >= end || buf[pos++] != ':') {
                throw new MalformedEntryException("a reference is one {\"kind\": \"value\"} pair");
            }
            string("reference value");
            if (kindEscaped || escaped) {
                // kinds and values are identifiers: the writer never escapes anything in them
                throw new MalformedEntryException("bad reference: escapes are not written in references");
            }
            if (!plainRef(kindStart, kindEnd, stringStart, stringEnd)) {
                // not the common shape: the value type decides (and names what is wrong)
                ref(new String(buf, kindStart, kindEnd - kindStart, StandardCharsets.UTF_8),
                        new String(buf, stringStart, stringEnd - stringStart, StandardCharsets.UTF_8));
            }
            if (pos >= end || buf[pos++] != '}') {
                throw new MalformedEntryException("a reference is one {\"kind\": \"value\"} pair");
            }
            if (pos < end && buf[pos] == ',') {
                pos++;
            } else if (pos < end && buf[pos] == ']') {
                pos++;
                return;
            } else {
                throw new MalformedEntryException("'refs' must be a list of references");
            }
        }
    }

    private static final byte[][] DIGEST_KINDS = {bytes("artifact"), bytes("sbom"), bytes("provenance"),
        bytes("attestation"), bytes("policy"), bytes("fragment")};
    private static final byte[] SHA256 = bytes("sha256:");

    /**
     * The common shapes, checked in place: a lower-case kind with an identifier value, or a digest kind with
     * {@code sha256:<64 lower hex>}. False means "let {@link AuditRef} judge", never "valid".
     */
    private boolean plainRef(int ks, int ke, int vs, int ve) {
        int kn = ke - ks;
        if (kn < 1 || kn > 32 || buf[ks] < 'a' || buf[ks] > 'z') {
            return false;
        }
        for (int i = ks + 1; i < ke; i++) {
            byte c = buf[i];
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        for (byte[] k : DIGEST_KINDS) {
            if (k.length == kn && java.util.Arrays.equals(buf, ks, ke, k, 0, kn)) {
                return ve - vs == 71 && java.util.Arrays.equals(buf, vs, vs + 7, SHA256, 0, 7) && hex(vs + 7, 64);
            }
        }
        int vn = ve - vs;
        if (vn < 1 || vn > 256) {
            return false;
        }
        for (int i = vs; i < ve; i++) {
            byte c = buf[i];
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
                    || c == ':' || c == '/' || c == '#' || c == '@' || c == '+' || c == '=' || c == '~' || c == '*'
                    || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static void ref(String kind, String value) throws MalformedEntryException {
        try {
            new AuditRef(kind, value);
        } catch (IllegalArgumentException e) {
            throw new MalformedEntryException("bad reference: " + e.getMessage());
        }
    }

    /** A JSON string at {@code pos}: sets its content bounds and whether it holds escapes. */
    private void string(String field) throws MalformedEntryException {
        final byte[] b = buf;
        final int limit = end;
        int p = pos;
        if (p >= limit || b[p] != '"') {
            throw new MalformedEntryException("'" + field + "' must be a string");
        }
        stringStart = ++p;
        boolean esc = false;
        while (p < limit) {
            byte c = b[p];
            if (c == '"') {
                stringEnd = p;
                pos = p + 1;
                escaped = esc;
                return;
            }
            if (c == '\\') {
                esc = true;
                p++;
                if (p >= limit) {
                    break;
                }
                byte e = b[p];
                if (e == 'u') {
                    if (p + 4 >= limit || !hexAnyCase(p + 1, 4)) {
                        throw new MalformedEntryException("malformed JSON: bad \\u escape in '" + field + "'");
                    }
                    p += 4;
                } else if ("\"\\/bfnrt".indexOf(e) < 0) {
                    throw new MalformedEntryException("malformed JSON: bad escape in '" + field + "'");
                }
            } else if ((c & 0xff) < 0x20) {
                throw new MalformedEntryException("malformed JSON: control character in '" + field + "'");
            }
            p++;
        }
        throw new MalformedEntryException("malformed JSON: unterminated string '" + field + "'");
    }

    /** The last string is the time: the common forms are checked in place, anything else by {@link FastParse}. */
    private void instant() throws MalformedEntryException {
        int s = stringStart;
        int n = stringEnd - s;
        if (!escaped && n >= 20 && n <= 30 && digits(s, 4) && buf[s + 4] == '-' && digits(s + 5, 2)
                && buf[s + 7] == '-' && digits(s + 8, 2) && buf[s + 10] == 'T' && digits(s + 11, 2)
                && buf[s + 13] == ':' && digits(s + 14, 2) && buf[s + 16] == ':' && digits(s + 17, 2)
                && buf[s + n - 1] == 'Z' && (n == 20 || (n >= 22 && buf[s + 19] == '.' && digits(s + 20, n - 21)))
                && two(s + 5) >= 1 && two(s + 5) <= 12 && two(s + 8) >= 1 && two(s + 8) <= 28 && two(s + 11) <= 23
                && two(s + 14) <= 59 && two(s + 17) <= 59) {
            return;
        }
        if (escaped) {
            throw new MalformedEntryException("'at' is not an RFC 3339 UTC time");
        }
        try {
            FastParse.instant(new String(buf, s, n, StandardCharsets.UTF_8));
        } catch (java.time.DateTimeException e) {
            throw new MalformedEntryException("'at' is not an RFC 3339 UTC time");
        }
    }

    private void literal(byte[] expected, String message) throws MalformedEntryException {
        if (end - pos < expected.length) {
            throw new MalformedEntryException(message);
        }
        for (int i = 0; i < expected.length; i++) {
            if (buf[pos + i] != expected[i]) {
                throw new MalformedEntryException(message);
            }
        }
        pos += expected.length;
    }

    private boolean digits(int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (buf[i] < '0' || buf[i] > '9') {
                return false;
            }
        }
        return true;
    }

    private int two(int at) {
        return (buf[at] - '0') * 10 + (buf[at + 1] - '0');
    }

    private boolean hex(int from, int count) {
        for (int i = from; i < from + count; i++) {
            byte b = buf[i];
            if (!((b >= '0' && b <= '9') || (b >= 'a' && b <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private boolean hexAnyCase(int from, int count) {
        for (int i = from; i < from + count; i++) {
            byte b = buf[i];
            if (!((b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F'))) {
                return false;
            }
        }
        return true;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
