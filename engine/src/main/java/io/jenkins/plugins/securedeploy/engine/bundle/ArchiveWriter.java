package io.jenkins.plugins.securedeploy.engine.bundle;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a bundle as a reproducible {@code .tar.gz}: a POSIX ustar stream of regular files only, in the given order,
 * each with mode 0644, uid/gid 0, no user or group names and the same modification time; two zero blocks and padding
 * to a 10240-byte record end it (as GNU tar does). The gzip container is written here rather than by
 * {@link java.util.zip.GZIPOutputStream}, whose header changed between JDKs (OS byte): no file name, mtime 0,
 * OS 255 (unknown), one member, Deflate at level 9. So the same files and time give the same bytes on every JDK with
 * the same zlib (the tar stream itself is identical everywhere).
 */
final class ArchiveWriter {
    static final int BLOCK = 512;
    static final int RECORD = 20 * BLOCK;
    private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 2, (byte) 0xff};

    private ArchiveWriter() {}

    /** The archive of {@code files} (path → content, in order), every entry dated {@code mtime}. */
    static byte[] write(Map<String, byte[]> files, Instant mtime) {
        return gzip(tar(files, mtime.getEpochSecond()));
    }

    static byte[] tar(Map<String, byte[]> files, long mtime) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            out.writeBytes(header(f.getKey(), f.getValue().length, mtime));
            out.writeBytes(f.getValue());
            int pad = (BLOCK - f.getValue().length % BLOCK) % BLOCK;
            out.writeBytes(new byte[pad]);
        }
        out.writeBytes(new byte[2 * BLOCK]);
        int pad = (RECORD - out.size() % RECORD) % RECORD;
        out.writeBytes(new byte[pad]);
        return out.toByteArray();
    }

    static byte[] header(String name, long size, long mtime) {
        byte[] h = new byte[BLOCK];
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        if (n.length > 100) {
            throw new IllegalArgumentException("tar name longer than 100 bytes: " + name);
        }
        System.arraycopy(n, 0, h, 0, n.length);
        octal(h, 100, 8, 0644);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, size);
        octal(h, 136, 12, mtime);
        h[156] = '0';
        put(h, 257, "ustar\0");
        put(h, 263, "00");
        octal(h, 329, 8, 0);
        octal(h, 337, 8, 0);
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        octal(h, 148, 7, sum);
        h[155] = ' ';
        return h;
    }

    /** {@code width - 1} zero-padded octal digits and a NUL. */
    private static void octal(byte[] h, int at, int width, long value) {
        String digits = Long.toOctalString(value);
        if (digits.length() > width - 1) {
            throw new IllegalArgumentException("value too large for a " + width + "-byte tar field");
        }
        put(h, at, "0".repeat(width - 1 - digits.length()) + digits);
        h[at + width - 1] = 0;
    }

    private static void put(byte[] h, int at, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, at, b.length);
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
        out.writeBytes(GZIP_HEADER);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(data);
            deflater.finish();
            byte[] buffer = new byte[64 * 1024];
            while (!deflater.finished()) {
                int n = deflater.deflate(buffer);
                out.write(buffer, 0, n);
            }
        } finally {
            deflater.end();
        }
        CRC32 crc = new CRC32();
        crc.update(data);
        littleEndian(out, crc.getValue());
        littleEndian(out, data.length & 0xffffffffL);
        return out.toByteArray();
    }

    private static void littleEndian(ByteArrayOutputStream out, long v) {
        for (int i = 0; i < 4; i++) {
            out.write((int) (v >>> (8 * i)) & 0xff);
        }
    }
}
