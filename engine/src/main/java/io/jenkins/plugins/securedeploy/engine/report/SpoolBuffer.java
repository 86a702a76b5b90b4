package io.jenkins.plugins.securedeploy.engine.report;

import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A reusable, unsynchronised in-memory stream whose bytes can be read without copying, with the writes of
 * {@link CompactFinding}'s slots and of the numbers a finding's layout needs.
 */
final class SpoolBuffer extends OutputStream {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH = 0x8080808080808080L;
    private static final long SPACES = 0x2020202020202020L;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
    private static final long QUESTION_MARKS = 0x3F3F3F3F3F3F3F3FL;

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

    void writeInt(int v) {
        room(4);
        buf[count] = (byte) (v >>> 24);
        buf[count + 1] = (byte) (v >>> 16);
        buf[count + 2] = (byte) (v >>> 8);
        buf[count + 3] = (byte) v;
        count += 4;
    }

    static int readInt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | b[at + 3] & 0xFF;
    }

    /** A non-negative number below 2^31 in one byte when below 128, else four (see {@link CompactFinding}). */
    void count(int v) {
        if (v < 0x80) {
            write(v);
        } else {
            writeInt(v | 0x80000000);
        }
    }

    /** A slot holding {@code b[off, off + len)}. */
    void slot(byte[] b, int off, int len, boolean plain) {
        count(len << 1 | (plain ? 1 : 0));
        write(b, off, len);
    }

    /** {@code s} as a plain slot if every char is printable ASCII other than quote and backslash; else false. */
    boolean plainSlot(String s) {
        int n = s.length();
        int mark = count;
        count(n + 2 << 1 | 1);
        if (plain(s)) {
            return true;
        }
        count = mark;
        return false;
    }

    /**
     * {@code s} in quotes if every char is printable ASCII other than quote and backslash; else false. The string's
     * ISO-8859-1 bytes (a copy of a Latin-1 coded string's own) are checked eight at a time: when each is printable
     * ASCII other than quote, backslash and {@code ?} they are its chars; a {@code ?} may stand for a char the
     * charset lacks, so then (as for any other string) the chars are checked one by one.
     */
    boolean plain(String s) {
        int n = s.length();
        byte[] latin1 = s.getBytes(StandardCharsets.ISO_8859_1);
        if (latin1.length != n || !printable(latin1)) {
            return plainChars(s);
        }
        room(n + 2);
        byte[] b = buf;
        int at = count;
        b[at] = '"';
        System.arraycopy(latin1, 0, b, at + 1, n);
        b[at + n + 1] = '"';
        count = at + n + 2;
        return true;
    }

    /** Whether every byte is printable ASCII other than quote, backslash and question mark. */
    static boolean printable(byte[] b) {
        int n = b.length;
        if (n < Long.BYTES) {
            for (byte c : b) {
                if (c < 0x20 || c == 0x7F || c == '"' || c == '\\' || c == '?') {
                    return false;
                }
            }
            return true;
        }
        long bad = 0;
        int i = 0;
        for (; i <= n - Long.BYTES; i += Long.BYTES) {
            bad |= forbidden((long) LONGS.get(b, i));
        }
        if (i < n) { // the last eight bytes, some of them again
            bad |= forbidden((long) LONGS.get(b, n - Long.BYTES));
        }
        return bad == 0;
    }

    /**
     * The top bit of some byte set if any of the eight is not printable ASCII or is a quote, backslash or question
     * mark, else 0 (a byte from 0x7F up: {@code w + 1} or {@code w} has its top bit; below 0x20: {@code w - 0x20}
     * borrows where {@code w} has not; the others: a zero byte of {@code w ^ c}).
     */
    private static long forbidden(long w) {
        long q = w ^ QUOTES;
        long bs = w ^ BACKSLASHES;
        long qm = w ^ QUESTION_MARKS;
        return (w | w + ONES | (w - SPACES) & ~w | (q - ONES) & ~q | (bs - ONES) & ~bs | (qm - ONES) & ~qm) & HIGH;
    }

    /** {@link #plain}, a char at a time. */
    private boolean plainChars(String s) {
        int n = s.length();
        room(n + 2);
        byte[] b = buf;
        int at = count;
        b[at++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
                return false;
            }
            b[at++] = (byte) c;
        }
        b[at++] = '"';
        count = at;
        return true;
    }

    /** An int as Jackson writes it: plain decimal. */
    void decimal(int v) {
        if (v >= 0 && v < 10) {
            write('0' + v);
            return;
        }
        if (v < 0) {
            put(Integer.toString(v).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return;
        }
        int digits = v < 100 ? 2 : v < 1000 ? 3 : v < 10_000 ? 4 : v < 100_000 ? 5 : v < 1_000_000 ? 6
                : v < 10_000_000 ? 7 : v < 100_000_000 ? 8 : v < 1_000_000_000 ? 9 : 10;
        room(digits);
        byte[] b = buf;
        int at = count + digits;
        int x = v;
        while (x >= 100) { // two digits a step, as Integer.toString does
            int q = x / 100;
            int r = x - q * 100;
            b[--at] = (byte) ('0' + r % 10);
            b[--at] = (byte) ('0' + r / 10);
            x = q;
        }
        if (x >= 10) {
            b[--at] = (byte) ('0' + x % 10);
            x /= 10;
        }
        b[--at] = (byte) ('0' + x);
        count += digits;
    }
}
