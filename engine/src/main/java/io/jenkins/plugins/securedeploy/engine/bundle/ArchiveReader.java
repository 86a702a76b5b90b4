package io.jenkins.plugins.securedeploy.engine.bundle;

import io.jenkins.plugins.securedeploy.engine.json.BoundedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a bundle archive as a stream, extracting nothing: strict single-member gzip ({@link StrictGzipInputStream}),
 * then ustar headers with their checksums. Regular files go to the sink; every other entry type (hard or symbolic
 * link, device, FIFO, directory, pax or GNU extension header) is reported as refused and its data skipped. After the
 * end-of-archive blocks only zero padding may follow. Sizes are bounded by {@link BundleLimits} before anything is
 * read, and the total by counting what is read, so a gzip bomb stops at the limit.
 */
final class ArchiveReader {
    private static final int BLOCK = ArchiveWriter.BLOCK;

    private ArchiveReader() {}

    static void read(InputStream raw, BundleLimits limits, EntrySink sink) throws IOException {
        BoundedInputStream compressed = new BoundedInputStream(raw, limits.maxTotalBytes() + (1 << 20));
        try (StrictGzipInputStream gzip = new StrictGzipInputStream(compressed)) {
            BoundedInputStream tar = new BoundedInputStream(gzip, limits.maxTotalBytes());
            entries(tar, limits, sink);
        } catch (BoundedInputStream.LimitExceededException e) {
            throw new BundleReadException("bundle.limit", "is larger than the limit of " + limits.maxTotalBytes()
                    + " bytes in all", false);
        }
    }

    private static void entries(InputStream tar, BundleLimits limits, EntrySink sink) throws IOException {
        int index = 0;
        while (true) {
            byte[] h = tar.readNBytes(BLOCK);
            if (h.length < BLOCK) {
                throw new BundleReadException("archive.truncated", "ends without the tar end-of-archive blocks",
                        false);
            }
            if (isZero(h)) {
                afterEnd(tar);
                return;
            }
            index++;
            if (index > limits.maxEntries()) {
                throw new BundleReadException("bundle.limit", "has more than " + limits.maxEntries() + " entries",
                        false);
            }
            String where = "tar entry " + index;
            checkHeader(h, where);
            String name = field(h, 0, 100);
            String prefix = field(h, 345, 155);
            if (!prefix.isEmpty()) {
                name = prefix + "/" + name;
            }
            long size = octal(h, 124, 12, where + " size", limits);
            int mode = (int) octal(h, 100, 8, where + " mode", limits);
            byte type = h[156];
            long padded = size + (BLOCK - size % BLOCK) % BLOCK;
            if (type == '0' || type == 0) {
                if (size > limits.maxFileBytes()) {
                    throw new BundleReadException("bundle.limit", where + " (" + BundlePaths.printable(name)
                            + ") is larger than the limit of " + limits.maxFileBytes() + " bytes per file", false);
                }
                ExactInputStream content = new ExactInputStream(tar, size);
                sink.file(name, size, mode, content);
                content.drain();
                skip(tar, padded - size);
            } else {
                sink.refused(name, kind(type));
                skip(tar, padded);
            }
        }
    }

    private static void afterEnd(InputStream tar) throws IOException {
        byte[] buffer = new byte[8192];
        int n;
        while ((n = tar.read(buffer)) >= 0) {
            for (int i = 0; i < n; i++) {
                if (buffer[i] != 0) {
                    throw new BundleReadException("archive.trailing-data", "has data after the tar end-of-archive "
                            + "marker, hidden from tar but not from this verifier", true);
                }
            }
        }
    }

    private static void checkHeader(byte[] h, String where) {
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : h[i] & 0xff;
        }
        String stored = field(h, 148, 8).trim();
        if (stored.isEmpty() || !stored.matches("[0-7]+") || Long.parseLong(stored, 8) != sum) {
            throw new BundleReadException("archive.corrupt", "has a corrupt header at " + where + " (checksum)",
                    false);
        }
        String magic = new String(h, 257, 8, StandardCharsets.ISO_8859_1);
        if (!magic.equals("ustar\u000000") && !magic.equals("ustar  \u0000")) {
            throw new BundleReadException("archive.format", "is not a ustar archive (" + where + ")", false);
        }
    }

    private static String kind(byte type) {
        return switch (type) {
            case '1' -> "a hard link";
            case '2' -> "a symbolic link";
            case '3' -> "a character device";
            case '4' -> "a block device";
            case '5' -> "a directory entry";
            case '6' -> "a FIFO";
            case '7' -> "a contiguous file";
            case 'x', 'g' -> "a pax extended header";
            case 'L', 'K' -> "a GNU long-name header";
            default -> "an entry of unknown type " + (type >= 0x20 && type < 0x7f ? "'" + (char) type + "'"
                    : String.valueOf(type & 0xff));
        };
    }

    private static String field(byte[] h, int at, int width) {
        int end = at;
        while (end < at + width && h[end] != 0) {
            end++;
        }
        return new String(h, at, end - at, StandardCharsets.ISO_8859_1);
    }

    private static long octal(byte[] h, int at, int width, String what, BundleLimits limits) {
        if ((h[at] & 0x80) != 0) {
            throw new BundleReadException("bundle.limit", "has a base-256 " + what + " (over 8 GiB), larger than "
                    + "the limits", false);
        }
        String text = field(h, at, width).trim();
        if (text.isEmpty()) {
            return 0;
        }
        if (!text.matches("[0-7]{1,12}")) {
            throw new BundleReadException("archive.corrupt", "has a corrupt " + what + " field", false);
        }
        return Long.parseLong(text, 8);
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static void skip(InputStream in, long n) throws IOException {
        long left = n;
        while (left > 0) {
            long s = in.skip(left);
            if (s <= 0) {
                if (in.read() < 0) {
                    throw new BundleReadException("archive.truncated", "ends in the middle of an entry", false);
                }
                s = 1;
            }
            left -= s;
        }
    }

    /** Exactly {@code size} bytes of the underlying stream; never closes it. */
    static final class ExactInputStream extends InputStream {
        private final InputStream in;
        private long left;

        ExactInputStream(InputStream in, long size) {
            this.in = in;
            this.left = size;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new BundleReadException("archive.truncated", "ends in the middle of an entry", false);
            }
            left -= n;
            return n;
        }

        void drain() throws IOException {
            ArchiveReader.skip(in, left);
            left = 0;
        }

        @Override
        public void close() {
            // the archive stream stays open for the next entry
        }
    }
}
