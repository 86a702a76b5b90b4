package io.jenkins.plugins.securedeploy.engine.core;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads the records a {@link RecordOutput} wrote, through a private buffer. Closing closes the stream. */
public final class RecordInput implements Closeable {
    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;

    public RecordInput(InputStream in) {
        this.in = in;
    }

    public int readByte() throws IOException {
        if (pos == limit) {
            fill();
        }
        return buf[pos++] & 0xFF;
    }

    public boolean readBoolean() throws IOException {
        return readByte() != 0;
    }

    public int readInt() throws IOException {
        if (limit - pos >= 4) {
            int v = (buf[pos] & 0xFF) << 24 | (buf[pos + 1] & 0xFF) << 16 | (buf[pos + 2] & 0xFF) << 8
                    | buf[pos + 3] & 0xFF;
            pos += 4;
            return v;
        }
        return readByte() << 24 | readByte() << 16 | readByte() << 8 | readByte();
    }

    public long readLong() throws IOException {
        return (long) readInt() << 32 | readInt() & 0xFFFFFFFFL;
    }

    public double readDouble() throws IOException {
        return Double.longBitsToDouble(readLong());
    }

    /** A string {@link RecordOutput#writeString} wrote. */
    public String readString() throws IOException {
        String s = readNullableString();
        if (s == null) {
            throw new IOException("a record holds null where a string must be");
        }
        return s;
    }

    /** A string or null, as {@link RecordOutput#writeNullableString} wrote it. */
    public String readNullableString() throws IOException {
        int n = readInt();
        if (n == RecordOutput.NULL) {
            return null;
        }
        if (n < 0) {
            char[] chars = new char[-n - 1];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = (char) (readByte() << 8 | readByte());
            }
            return new String(chars);
        }
        if (limit - pos >= n) {
            String s = new String(buf, pos, n, StandardCharsets.ISO_8859_1);
            pos += n;
            return s;
        }
        return new String(readRaw(n), StandardCharsets.ISO_8859_1);
    }

    /** Bytes {@link RecordOutput#writeBytes} wrote. */
    public byte[] readBytes() throws IOException {
        return readRaw(readInt());
    }

    /** {@code n} bytes as they are. */
    public byte[] readRaw(int n) throws IOException {
        byte[] bytes = new byte[n];
        int at = 0;
        while (at < n) {
            if (pos == limit) {
                fill();
            }
            int k = Math.min(n - at, limit - pos);
            System.arraycopy(buf, pos, bytes, at, k);
            pos += k;
            at += k;
        }
        return bytes;
    }

    private void fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            throw new EOFException("a record ends early");
        }
        pos = 0;
        limit = n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
