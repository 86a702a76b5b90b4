package io.jenkins.plugins.securedeploy.engine.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Exactly one gzip member (RFC 1952) and nothing after it: header checked, CRC-32 and length checked, a second member
 * or any trailing byte refused ({@link java.util.zip.GZIPInputStream} reads concatenated members and skips trailing
 * garbage, which would let data ride along unseen).
 */
final class StrictGzipInputStream extends InputStream {
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    private final InputStream in;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final byte[] buffer = new byte[64 * 1024];
    private int bufferEnd;
    private long total;
    private boolean done;

    StrictGzipInputStream(InputStream in) throws IOException {
        this.in = in;
        header();
    }

    private void header() throws IOException {
        int m1 = in.read();
        int m2 = in.read();
        if (m1 != 0x1f || m2 != 0x8b) {
            throw new BundleReadException("archive.not-gzip", "is not a gzip file (a bundle archive is .tar.gz)",
                    false);
        }
        int method = in.read();
        int flags = in.read();
        if (method != 8 || flags < 0 || (flags & 0xe0) != 0) {
            throw new BundleReadException("archive.gzip-header", "has a gzip header with an unknown method or flags",
                    false);
        }
        readFully(6);
        if ((flags & FEXTRA) != 0) {
            int len = in.read() | (in.read() << 8);
            if (len < 0) {
                throw truncated();
            }
            readFully(len);
        }
        if ((flags & FNAME) != 0) {
            skipZeroTerminated();
        }
        if ((flags & FCOMMENT) != 0) {
            skipZeroTerminated();
        }
        if ((flags & FHCRC) != 0) {
            readFully(2);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!done) {
            try {
                int n = inflater.inflate(b, off, len);
                if (n > 0) {
                    crc.update(b, off, n);
                    total += n;
                    return n;
                }
            } catch (DataFormatException e) {
                throw new BundleReadException("archive.corrupt", "has corrupt compressed data", e);
            }
            if (inflater.finished()) {
                trailer();
                done = true;
            } else if (inflater.needsDictionary()) {
                throw new BundleReadException("archive.corrupt", "has corrupt compressed data (preset dictionary)",
                        false);
            } else if (inflater.needsInput()) {
                bufferEnd = in.read(buffer);
                if (bufferEnd < 0) {
                    throw truncated();
                }
                inflater.setInput(buffer, 0, bufferEnd);
            }
        }
        return -1;
    }

    private void trailer() throws IOException {
        byte[] t = new byte[8];
        int remaining = inflater.getRemaining();
        int fromBuffer = Math.min(remaining, 8);
        System.arraycopy(buffer, bufferEnd - remaining, t, 0, fromBuffer);
        int got = fromBuffer;
        while (got < 8) {
            int n = in.read(t, got, 8 - got);
            if (n < 0) {
                throw truncated();
            }
            got += n;
        }
        long storedCrc = le(t, 0);
        long storedSize = le(t, 4);
        if (storedCrc != crc.getValue() || storedSize != (total & 0xffffffffL)) {
            throw new BundleReadException("archive.corrupt", "fails its gzip CRC-32 or length check", false);
        }
        if (remaining > 8 || in.read() >= 0) {
            throw new BundleReadException("archive.trailing-data", "has data after its gzip stream (a second member "
                    + "or appended bytes) that no bundle writer puts there", true);
        }
    }

    private static long le(byte[] b, int at) {
        return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
    }

    private void readFully(int n) throws IOException {
        if (in.readNBytes(n).length != n) {
            throw truncated();
        }
    }

    private void skipZeroTerminated() throws IOException {
        for (int i = 0; i < 64 * 1024; i++) {
            int c = in.read();
            if (c < 0) {
                throw truncated();
            }
            if (c == 0) {
                return;
            }
        }
        throw new BundleReadException("archive.gzip-header", "has a gzip header field longer than 64 KiB", false);
    }

    private static BundleReadException truncated() {
        return new BundleReadException("archive.truncated", "ends early (truncated gzip stream)", false);
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }
}
