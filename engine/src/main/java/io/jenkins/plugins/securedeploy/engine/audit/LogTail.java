package io.jenkins.plugins.securedeploy.engine.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads the end of a JSON Lines file without reading the rest: the last complete line, and whatever follows the
 * last newline (a torn fragment). What makes opening a log of any length O(1).
 */
final class LogTail {
    /** Where the last line starts and ends (newline excluded), and where a torn fragment starts (-1 if none). */
    record Tail(byte[] lastLine, long lastLineStart, long fragmentStart, long size) {
        boolean torn() {
            return fragmentStart >= 0;
        }
    }

    private LogTail() {}

    static Tail read(FileChannel ch) throws IOException {
        long size = ch.size();
        if (size == 0) {
            return new Tail(null, 0, -1, 0);
        }
        long fragmentStart = -1;
        long end = size;
        if (readByte(ch, size - 1) != '\n') {
            long nl = lastNewline(ch, size);
            fragmentStart = nl + 1;
            end = nl + 1;
            if (end == 0) {
                return new Tail(null, 0, 0, size);
            }
        }
        // end is just after the last complete line's newline
        long nl = lastNewline(ch, end - 1);
        long start = nl + 1;
        int len = (int) (end - 1 - start);
        ByteBuffer b = ByteBuffer.allocate(len);
        readFully(ch, b, start);
        return new Tail(b.array(), start, fragmentStart, size);
    }

    /** The position of the last newline before {@code before}, or -1; at most {@link LineScanner#MAX_LINE} back. */
    private static long lastNewline(FileChannel ch, long before) throws IOException {
        long from = Math.max(0, before - LineScanner.MAX_LINE - 1);
        ByteBuffer b = ByteBuffer.allocate((int) (before - from));
        readFully(ch, b, from);
        byte[] a = b.array();
        for (int i = a.length - 1; i >= 0; i--) {
            if (a[i] == '\n') {
                return from + i;
            }
        }
        if (from > 0) {
            throw new IOException("the last line is longer than " + LineScanner.MAX_LINE + " bytes");
        }
        return -1;
    }

    private static byte readByte(FileChannel ch, long pos) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(1);
        readFully(ch, b, pos);
        return b.get(0);
    }

    static void readFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        long p = pos;
        while (b.hasRemaining()) {
            int n = ch.read(b, p);
            if (n < 0) {
                throw new IOException("unexpected end of file at byte " + p);
            }
            p += n;
        }
    }

    static void writeFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        long p = pos;
        while (b.hasRemaining()) {
            p += ch.write(b, p);
        }
    }
}
