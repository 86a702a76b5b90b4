package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.IntUnaryOperator;

/**
 * Reads one file's bytes into a reused buffer and decodes only the lines that can hold a secret: the keyword
 * prefilter runs over the raw bytes ({@link KeywordAutomaton#firstHit}), and only a line with a keyword — or a line
 * inside an open PEM block — is decoded (UTF-8, invalid bytes replaced) and handed, through {@link LineWindows}, to
 * the {@link FileScan}. A line without a keyword produces no detection and leaves no state, so skipping it gives the
 * same findings as decoding the whole file. A line longer than the buffer is decoded and fed as it streams.
 *
 * <p>Line numbers: a file that fits in the buffer (most do) stays in it until its scan ends, so its lines are not
 * counted as it is read; each fed line carries its byte offset, and the newlines before it are counted only when a
 * finding needs its number ({@link FileScan#lineNumbers}) — most files have none. A longer file is counted as it
 * streams through the buffer.
 *
 * <p>Not thread-safe: one per worker thread, reused for every file it scans.
 */
final class ByteLineScanner {
    /** How many leading bytes the binary sniff looks at for a NUL. */
    static final int BINARY_PROBE = 8192;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH = 0x8080808080808080L;

    /** Thrown when a file grows past the size limit while it is read. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(long limit) {
            super("the file grew past the limit of " + limit + " bytes while it was read");
        }
    }

    private final KeywordAutomaton keywords;
    private final LineWindows windows;
    private final long maxFileSize;
    private final byte[] buf;
    private final ByteBuffer bytes;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private CharBuffer chars = CharBuffer.allocate(4096);

    private ReadableByteChannel in;
    /** The listed size of a file read through a {@link FileChannel}, else -1. */
    private long expected;
    private int n;
    private long total;
    private boolean eof;
    /** The line number at {@link #resolvedAt} (a byte offset of the current, whole-file buffer). */
    private int resolvedAt;
    private int resolvedLine;

    ByteLineScanner(KeywordAutomaton keywords, int windowChars, long maxFileSize, int bufferSize) {
        this.keywords = keywords;
        this.windows = new LineWindows(windowChars, windowChars / 8);
        this.maxFileSize = maxFileSize;
        this.buf = new byte[Math.max(bufferSize, BINARY_PROBE)];
        this.bytes = ByteBuffer.wrap(buf);
    }

    /**
     * Reads {@code channel} to its end (not closing it) and feeds {@code scan}; returns false, having fed nothing, when
     * the file looks binary (a NUL byte in its first {@value #BINARY_PROBE} bytes). {@code listedSize} is the size the
     * walk saw: a {@link FileChannel} read that returns fewer bytes than asked for ends at the end of the file, and when
     * the bytes read so far are exactly the listed size, the read that would return -1 is not made (one system call
     * per file fewer; a file that grows later was going to be read as it was at some moment anyway).
     */
    boolean scan(ReadableByteChannel channel, long listedSize, FileScan scan) throws IOException {
        in = channel;
        n = 0;
        total = 0;
        eof = false;
        expected = channel instanceof FileChannel ? listedSize : -1;
        windows.to(scan::segment);
        fill();
        if (hasZeroByte(buf, 0, Math.min(n, BINARY_PROBE))) {
            return false;
        }
        boolean whole = eof; // the whole file is in the buffer: lines are counted only for findings
        resolvedAt = 0;
        resolvedLine = 1;
        scan.lineNumbers(whole ? this::lineAt : IntUnaryOperator.identity());
        int line = 1;
        int counted = 0;
        int from = 0;
        while (true) {
            int complete = eof ? n : lastNewline(from, n) + 1;
            while (from < complete) {
                int start;
                int search;
                if (scan.inKeyBlock()) {
                    start = from;
                    search = from;
                } else {
                    int hit = keywords.firstHit(buf, from, complete);
                    if (hit < 0) {
                        break;
                    }
                    start = lineStart(from, hit);
                    search = hit;
                }
                int end = indexOf('\n', search, complete);
                end = end < 0 ? complete : end + 1;
                if (whole) {
                    feedLine(start, start, end);
                } else {
                    line += countNewlines(buf, counted, start);
                    counted = start;
                    feedLine(line, start, end);
                }
                from = end;
            }
            if (eof) {
                break;
            }
            line += countNewlines(buf, counted, complete);
            from = compact(Math.max(from, complete));
            counted = 0;
            if (n == buf.length) {
                streamLongLine(line);
                line++;
                from = 0;
            } else {
                fill();
            }
        }
        scan.finish();
        return true;
    }

    /** The 1-based number of the line starting at byte {@code offset} of the whole-file buffer. */
    private int lineAt(int offset) {
        if (offset < resolvedAt) {
            resolvedAt = 0;
            resolvedLine = 1;
        }
        resolvedLine += countNewlines(buf, resolvedAt, offset);
        resolvedAt = offset;
        return resolvedLine;
    }

    private void fill() throws IOException {
        while (n < buf.length && !eof) {
            bytes.limit(buf.length).position(n);
            int r = in.read(bytes);
            if (r < 0) {
                eof = true;
            } else {
                n += r;
                total += r;
                if (total > maxFileSize) {
                    throw new TooLargeException(maxFileSize);
                }
                eof = total == expected && n < buf.length; // a short read of a file channel, at its listed size
            }
        }
    }

    /** Moves {@code buf[keep, n)} to the front; returns 0, the new index of {@code keep}. */
    private int compact(int keep) {
        System.arraycopy(buf, keep, buf, 0, n - keep);
        n -= keep;
        return 0;
    }

    /** Decodes and feeds {@code buf[start, end)}: a whole line (with its {@code \n}, or the unterminated last one). */
    private void feedLine(int line, int start, int end) {
        windows.startLine(line);
        decoder.reset();
        if (chars.capacity() < end - start) {
            chars = CharBuffer.allocate(Math.max(end - start, chars.capacity() * 2));
        }
        chars.clear();
        decoder.decode(ByteBuffer.wrap(buf, start, end - start), chars, true);
        decoder.flush(chars);
        windows.feed(chars.array(), 0, chars.position());
        if (end == n && eof && (end == start || buf[end - 1] != '\n')) {
            windows.finish();
        }
    }

    /**
     * The buffer is one unfinished line: decode and feed it as it streams in, to its {@code \n} or the end of the
     * file, leaving the bytes after the {@code \n} at the front of the buffer.
     */
    private void streamLongLine(int line) throws IOException {
        windows.startLine(line);
        decoder.reset();
        if (chars.capacity() < buf.length) {
            chars = CharBuffer.allocate(buf.length);
        }
        int scanned = 0;
        while (true) {
            int nl = indexOf('\n', scanned, n);
            boolean last = nl >= 0 || eof;
            int end = nl >= 0 ? nl + 1 : n;
            ByteBuffer piece = ByteBuffer.wrap(buf, 0, end);
            chars.clear();
            decoder.decode(piece, chars, last);
            if (last) {
                decoder.flush(chars);
            }
            windows.feed(chars.array(), 0, chars.position());
            if (nl >= 0) {
                compact(end);
                return;
            }
            if (eof) {
                windows.finish();
                n = 0;
                return;
            }
            compact(piece.position()); // keeps the bytes of an incomplete UTF-8 sequence
            scanned = n;
            fill();
        }
    }

    private int lineStart(int from, int at) {
        int i = at - 1;
        while (i >= from && buf[i] != '\n') {
            i--;
        }
        return i + 1;
    }

    private int lastNewline(int from, int to) {
        int i = to - 1;
        while (i >= from && buf[i] != '\n') {
            i--;
        }
        return i < from ? from - 1 : i;
    }

    private int indexOf(int b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }

    long maxFileSize() {
        return maxFileSize;
    }

    /** How many {@code \n} bytes {@code b[from, to)} holds (eight bytes at a time). */
    @SuppressWarnings("cast") // the cast selects the VarHandle's signature-polymorphic return type
    static int countNewlines(byte[] b, int from, int to) {
        int count = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            count += Long.bitCount(zeroBytes((long) LONGS.get(b, i) ^ NEWLINES));
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                count++;
            }
        }
        return count;
    }

    /** Whether {@code b[from, to)} holds a NUL byte (32, then eight bytes at a time). */
    @SuppressWarnings("cast")
    static boolean hasZeroByte(byte[] b, int from, int to) {
        int i = from;
        for (; i + 32 <= to; i += 32) {
            if (((anyZero((long) LONGS.get(b, i)) | anyZero((long) LONGS.get(b, i + 8))
                    | anyZero((long) LONGS.get(b, i + 16)) | anyZero((long) LONGS.get(b, i + 24))) & HIGH) != 0) {
                return true;
            }
        }
        for (; i + 8 <= to; i += 8) {
            if (zeroBytes((long) LONGS.get(b, i)) != 0) {
                return true;
            }
        }
        for (; i < to; i++) {
            if (b[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Has a high bit set (of {@link #HIGH}) if and only if {@code x} has a zero byte (not necessarily at that byte: a
     * borrow can set the bit of a higher one); three operations where {@link #zeroBytes} needs five.
     */
    private static long anyZero(long x) {
        return (x - ONES) & ~x;
    }

    /** The high bit of each byte of the result is set exactly where {@code x} has a zero byte. */
    private static long zeroBytes(long x) {
        return ~(((x & LOW7) + LOW7) | x | LOW7);
    }
}
