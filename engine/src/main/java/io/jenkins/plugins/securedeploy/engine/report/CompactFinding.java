package io.jenkins.plugins.securedeploy.engine.report;

import java.util.Arrays;

/**
 * Reads the compact form of a spooled finding that {@link SpooledFindingWriter#compact} writes (never a file format
 * anyone else reads: it lives in a gate's temporary folder for one run): where its sort fields are and how they
 * compare, without decoding it. The form, in order: the severity's ordinal (one byte); the fingerprint, tool, rule
 * id and title as <em>slots</em> (these five are the next baseline's entry, {@link #baselineLength}); then the
 * category's ordinal, a flags byte, the score, ids, package fields, file, pointer, line, column and waivers.
 *
 * <p>A slot is a header, then the value as gate-report.json writes it (UTF-8 JSON, quotes and escapes included). The
 * header is {@code length << 1 | plain}: one byte when below 128, else four (the first with its top bit set). A
 * plain value is a string of printable ASCII without quote or backslash, so its characters are the bytes between the
 * quotes; the fingerprint and tool slots, when not plain, are followed by the string's UTF-16 units (a count, as a
 * header without the flag, then two bytes each), so both always compare as {@link String#compareTo} compares them.
 */
public final class CompactFinding {
    private CompactFinding() {}

    /** The first slot (the fingerprint) of the finding at {@code off}. */
    public static int fingerprint(int off) {
        return off + 1;
    }

    /** The severity's ordinal of the finding at {@code off}. */
    public static int severity(byte[] b, int off) {
        return b[off];
    }

    /** The tool slot of the finding at {@code off}. */
    public static int tool(byte[] b, int off) {
        return skipSortable(b, fingerprint(off));
    }

    /** How many bytes from {@code off} hold the next baseline's entry (severity, fingerprint, tool, rule, title). */
    public static int baselineLength(byte[] b, int off) {
        return skip(b, skip(b, skipSortable(b, tool(b, off)))) - off;
    }

    static int header(byte[] b, int at) {
        int b0 = b[at];
        if (b0 >= 0) {
            return b0;
        }
        return (b0 & 0x7F) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | b[at + 3] & 0xFF;
    }

    static int headerSize(byte[] b, int at) {
        return b[at] >= 0 ? 1 : 4;
    }

    /** Where the JSON of the slot at {@code at} starts. */
    static int value(byte[] b, int at) {
        return at + headerSize(b, at);
    }

    /** The length of the JSON of the slot at {@code at}. */
    static int valueLength(byte[] b, int at) {
        return header(b, at) >>> 1;
    }

    private static boolean plain(byte[] b, int at) {
        return (header(b, at) & 1) != 0;
    }

    /** The position after the slot at {@code at} (a slot without UTF-16 units). */
    static int skip(byte[] b, int at) {
        return value(b, at) + valueLength(b, at);
    }

    /** The position after the sortable slot at {@code at}. */
    static int skipSortable(byte[] b, int at) {
        int end = skip(b, at);
        if (plain(b, at)) {
            return end;
        }
        return end + headerSize(b, end) + 2 * header(b, end);
    }

    /** How many UTF-16 units the string of the sortable slot at {@code at} has. */
    public static int textLength(byte[] b, int at) {
        if (plain(b, at)) {
            return valueLength(b, at) - 2;
        }
        return header(b, skip(b, at));
    }

    /** Where the characters of the plain sortable slot at {@code at} start (one byte each), or -1 if not plain. */
    public static int plainText(byte[] b, int at) {
        return plain(b, at) ? value(b, at) + 1 : -1;
    }

    /** The {@code i}th UTF-16 unit of the string of the sortable slot at {@code at}. */
    public static char textChar(byte[] b, int at, int i) {
        if (plain(b, at)) {
            return (char) (b[value(b, at) + 1 + i] & 0xFF);
        }
        int end = skip(b, at);
        int units = end + headerSize(b, end) + 2 * i;
        return (char) ((b[units] & 0xFF) << 8 | b[units + 1] & 0xFF);
    }

    /** How many UTF-16 units the strings of two sortable slots share from their start, at most {@code max}. */
    public static int commonPrefix(byte[] a, int at, byte[] b, int bt, int max) {
        int n = Math.min(max, Math.min(textLength(a, at), textLength(b, bt)));
        if (plain(a, at) && plain(b, bt)) {
            int as = value(a, at) + 1;
            int bs = value(b, bt) + 1;
            int k = 0;
            while (k < n && a[as + k] == b[bs + k]) { // short: the prefix fingerprints share (a mismatch call costs more)
                k++;
            }
            return k;
        }
        int j = 0;
        while (j < n && textChar(a, at, j) == textChar(b, bt, j)) {
            j++;
        }
        return j;
    }

    /** The strings of two sortable slots compared as {@link String#compareTo} compares them (by sign). */
    public static int compareText(byte[] a, int at, byte[] b, int bt) {
        if (plain(a, at) && plain(b, bt)) {
            int as = value(a, at) + 1;
            int bs = value(b, bt) + 1;
            return Arrays.compareUnsigned(a, as, as + valueLength(a, at) - 2, b, bs, bs + valueLength(b, bt) - 2);
        }
        int n = textLength(a, at);
        int m = textLength(b, bt);
        for (int i = 0, k = Math.min(n, m); i < k; i++) {
            int c = textChar(a, at, i) - textChar(b, bt, i);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(n, m);
    }
}
