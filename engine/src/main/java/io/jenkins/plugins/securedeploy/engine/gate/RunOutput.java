package io.jenkins.plugins.securedeploy.engine.gate;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes one sorted run of the gate's spool: big-endian numbers and strings into a private buffer (unsynchronised,
 * unlike {@code DataOutputStream} over a {@code BufferedOutputStream}); a string is its length and its Latin-1 bytes,
 * or - when it has a character above U+00FF - its UTF-16 units, so every string reads back exactly. Read by
 * {@link RunInput}.
 */
final class RunOutput implements Closeable {
    private final OutputStream out;
    private final byte[] buf = new byte[1 << 16];
    private int pos;

    RunOutput(OutputStream out) {
        this.out = out;
    }

    void writeByte(int b) throws IOException {
        if (pos == buf.length) {
            drain();
        }
        buf[pos++] = (byte) b;
    }

    void writeBoolean(boolean b) throws IOException {
        writeByte(b ? 1 : 0);
    }

    void writeInt(int v) throws IOException {
        if (buf.length - pos < 4) {
            drain();
        }
        buf[pos] = (byte) (v >>> 24);
        buf[pos + 1] = (byte) (v >>> 16);
        buf[pos + 2] = (byte) (v >>> 8);
        buf[pos + 3] = (byte) v;
        pos += 4;
    }

    void writeLong(long v) throws IOException {
        writeInt((int) (v >>> 32));
        writeInt((int) v);
    }

    void writeDouble(double v) throws IOException {
        writeLong(Double.doubleToRawLongBits(v));
    }

    void writeString(String s) throws IOException {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) > 0xFF) {
                writeInt(-n - 1);
                for (int j = 0; j < n; j++) {
                    char c = s.charAt(j);
                    writeByte(c >>> 8);
                    writeByte(c);
                }
                return;
            }
        }
        writeInt(n);
        byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
        if (bytes.length > buf.length - pos) {
            drain();
            if (bytes.length > buf.length) {
                out.write(bytes);
                return;
            }
        }
        System.arraycopy(bytes, 0, buf, pos, bytes.length);
        pos += bytes.length;
    }

    private void drain() throws IOException {
        out.write(buf, 0, pos);
        pos = 0;
    }

    @Override
    public void close() throws IOException {
        try (OutputStream o = out) {
            drain();
        }
    }
}
