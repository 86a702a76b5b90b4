package io.jenkins.plugins.securedeploy.engine.gate;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a sorted run that {@link ExternalSort} wrote with a {@code RecordOutput} (each record its length and its
 * bytes, a negative length at the end), one record at a time, in place: {@link #next} makes the next record
 * {@code bytes()[offset(), offset() + length())}, valid until the next call, without copying it out of the buffer.
 * Closing closes the stream.
 */
final class RunInput implements Closeable {
    private final InputStream in;
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private int off;
    private int len;

    RunInput(InputStream in) {
        this.in = in;
    }

    /** Moves to the next record; false at the end of the run. */
    boolean next() throws IOException {
        pos = off + len;
        ensure(4);
        int n = (buf[pos] & 0xFF) << 24 | (buf[pos + 1] & 0xFF) << 16 | (buf[pos + 2] & 0xFF) << 8
                | buf[pos + 3] & 0xFF;
        pos += 4;
        if (n < 0) {
            off = pos;
            len = 0;
            return false;
        }
        ensure(n);
        off = pos;
        len = n;
        return true;
    }

    byte[] bytes() {
        return buf;
    }

    int offset() {
        return off;
    }

    int length() {
        return len;
    }

    /** At least {@code n} bytes from {@code pos} in the buffer (moved to its start when they were not). */
    private void ensure(int n) throws IOException {
        if (limit - pos >= n) {
            return;
        }
        int kept = limit - pos;
        if (buf.length < n) {
            byte[] bigger = new byte[Math.max(n, buf.length * 2)];
            System.arraycopy(buf, pos, bigger, 0, kept);
            buf = bigger;
        } else {
            System.arraycopy(buf, pos, buf, 0, kept);
        }
        pos = 0;
        off = 0;
        len = 0;
        limit = kept;
        while (limit < n) {
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) {
                throw new EOFException("a sorted run ends early (" + limit + " of " + n + " bytes of a record)");
            }
            limit += r;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
