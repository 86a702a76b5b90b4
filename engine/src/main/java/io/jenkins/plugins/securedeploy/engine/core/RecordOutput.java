package io.jenkins.plugins.securedeploy.engine.core;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes the engine's private binary records (a gate's sorted runs on disk, a parser's deferred elements: never a
 * file format anyone else reads, it lives in a temporary file for one run): big-endian numbers and strings into a
 * private buffer (unsynchronised, unlike {@code DataOutputStream} over a {@code BufferedOutputStream}); a string is its
 * length and its Latin-1 bytes, or - when it has a character above U+00FF - its UTF-16 units, so every string reads
 * back exactly. Read by {@link RecordInput}. Closing closes the stream.
 */
public final class RecordOutput implements Closeable {
    /** The length written for a null string. */
    static final int NULL = Integer.MIN_VALUE;

    private final OutputStream out;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private char[] chars = new char[256];

    public RecordOutput(OutputStream out) {
        this.out = out;
    }

    public void writeByte(int b) throws IOException {
        if (pos == buf.length) {
            drain();
        }
        buf[pos++] = (byte) b;
    }

    public void writeBoolean(boolean b) throws IOException {
        writeByte(b ? 1 : 0);
    }

    public void writeInt(int v) throws IOException {
        if (buf.length - pos < 4) {
            drain();
        }
        buf[pos] = (byte) (v >>> 24);
        buf[pos + 1] = (byte) (v >>> 16);
        buf[pos + 2] = (byte) (v >>> 8);
        buf[pos + 3] = (byte) v;
        pos += 4;
    }

    public void writeLong(long v) throws IOException {
        writeInt((int) (v >>> 32));
        writeInt((int) v);
    }

    public void writeDouble(double v) throws IOException {
        writeLong(Double.doubleToRawLongBits(v));
    }

    /** A string that is not null (see {@link #writeNullableString}). */
    public void writeString(String s) throws IOException {
        int n = s.length();
        if (n + 4 > buf.length - pos && n + 4 <= buf.length) {
            drain();
        }
        if (n + 4 <= buf.length - pos) { // Latin-1 bytes straight into the buffer, unless a char is wider
            char[] cs = chars(n);
            s.getChars(0, n, cs, 0); // a bulk copy, then one loop without a branch per char
            int at = pos + 4;
            int all = 0;
            for (int i = 0; i < n; i++) {
                char c = cs[i];
                all |= c;
                buf[at + i] = (byte) c;
            }
            if (all > 0xFF) {
                wide(s);
                return;
            }
            writeInt(n);
            pos = at + n;
            return;
        }
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) > 0xFF) {
                wide(s);
                return;
            }
        }
        writeInt(n);
        byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
        writeRaw(bytes, 0, bytes.length);
    }

    /** A reused buffer of at least {@code n} chars ({@code n} fits the byte buffer). */
    private char[] chars(int n) {
        if (chars.length < n) {
            chars = new char[Math.max(n, Math.min(buf.length, chars.length * 2))];
        }
        return chars;
    }

    /** A string with a char above U+00FF: its UTF-16 units. */
    private void wide(String s) throws IOException {
        int n = s.length();
        writeInt(-n - 1);
        for (int j = 0; j < n; j++) {
            char c = s.charAt(j);
            writeByte(c >>> 8);
            writeByte(c);
        }
    }

    /** A string or null. */
    public void writeNullableString(String s) throws IOException {
        if (s == null) {
            writeInt(NULL);
        } else {
            writeString(s);
        }
    }

    /** A length and the bytes {@code b[off, off + len)}. */
    public void writeBytes(byte[] b, int off, int len) throws IOException {
        writeInt(len);
        writeRaw(b, off, len);
    }

    /** The bytes as they are, no length: the reader must know how many. */
    public void writeRaw(byte[] b, int off, int len) throws IOException {
        if (len > buf.length - pos) {
            drain();
            if (len > buf.length) {
                out.write(b, off, len);
                return;
            }
        }
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
    }

    private void drain() throws IOException {
        out.write(buf, 0, pos);
        pos = 0;
    }

    /** Writes what is buffered to the stream. */
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try (OutputStream o = out) {
            drain();
        }
    }
}
