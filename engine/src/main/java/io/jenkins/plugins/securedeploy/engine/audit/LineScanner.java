package io.jenkins.plugins.securedeploy.engine.audit;

import java.io.IOException;
import java.io.InputStream;

/**
 * Streams the lines of a JSON Lines file through one reusable buffer: constant memory whatever the file size, no
 * copy per line. A last line without its newline is handed over flagged as torn, never dropped.
 */
final class LineScanner {
    /** Longest line accepted (a longer one is a bad entry, not a reason to buffer without bound). */
    static final int MAX_LINE = 64 * 1024;

    /** Receives each line (without its newline). Return false to stop. */
    interface Sink {
        boolean line(byte[] buf, int off, int len, long lineNo, boolean torn) throws IOException;
    }

    /** A line longer than {@link #MAX_LINE}. */
    static final class LineTooLongException extends IOException {
        private static final long serialVersionUID = 1L;
        final long lineNo;

        LineTooLongException(long lineNo) {
            super("line " + lineNo + " is longer than " + MAX_LINE + " bytes");
            this.lineNo = lineNo;
        }
    }

    private LineScanner() {}

    /** Feeds every line of {@code in} to {@code sink}; returns the number of lines seen. */
    static long scan(InputStream in, Sink sink) throws IOException {
        byte[] buf = new byte[MAX_LINE * 4];
        int start = 0;
        int end = 0;
        int scanned = 0;
        long lineNo = 0;
        while (true) {
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
                break;
            }
            end += n;
            for (int i = scanned; i < end; i++) {
                if (buf[i] == '\n') {
                    lineNo++;
                    if (i - start > MAX_LINE) {
                        throw new LineTooLongException(lineNo);
                    }
                    if (!sink.line(buf, start, i - start, lineNo, false)) {
                        return lineNo;
                    }
                    start = i + 1;
                }
            }
            scanned = end;
            if (end - start > MAX_LINE) {
                throw new LineTooLongException(lineNo + 1);
            }
            if (end == buf.length) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                scanned = end;
                start = 0;
            }
        }
        if (end > start) {
            lineNo++;
            sink.line(buf, start, end - start, lineNo, true);
        }
        return lineNo;
    }
}
