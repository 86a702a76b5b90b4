package io.jenkins.plugins.securedeploy.engine.gate;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads a run {@link RunOutput} wrote, through a private buffer. */
final class RunInput implements Closeable {
    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;

    RunInput(InputStream in) {
        this.in = in;
    }

    int readByte() throws IOException {
        if (pos == limit) {
            fill();
        }
        return buf[pos++] & 0xFF;
    }

    boolean readBoolean() throws IOException {
        return readByte() != 0;
    }

    int readInt() throws IOException {
        if (limit - pos >= 4) {
            int v = (buf[pos] & 0xFF) << 24 | (buf[pos + 1] & 0xFF) << 16 | (buf[pos + 2] & 0xFF) << 8
                    | buf[pos + 3] & 0xFF;
            pos += 4;
            return v;
        }
        return readByte() << 24 | readByte() << 16 | readByte() << 8 | readByte();
    }

    long readLong() throws IOException {
        return (long) readInt() << 32 | readInt() & 0xFFFFFFFFL;
    }

    double readDouble() throws IOException {
        return Double.longBitsToDouble(readLong());
    }

    String readString() throws IOException {
        int n = readInt();
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
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private void fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            throw new EOFException("a sorted run of the gate's spool ends early");
        }
        pos = 0;
        limit = n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
