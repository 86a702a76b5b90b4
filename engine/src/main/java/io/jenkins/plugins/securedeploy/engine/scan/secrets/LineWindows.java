package io.jenkins.plugins.securedeploy.engine.scan.secrets;

/**
 * Splits characters into lines with bounded memory: a line longer than {@code window} characters is handed out in
 * windows of {@code window} characters that overlap by {@code overlap}, so a secret shorter than the overlap is wholly
 * inside at least one window. Line terminators ({@code \n}, {@code \r\n}) are not part of the text.
 *
 * <p>Characters arrive by {@link #feed}, in pieces of any size (the split does not depend on the pieces); a caller that
 * only feeds some lines says where each starts with {@link #startLine(int)}. Not thread-safe; reusable.
 */
final class LineWindows {
    /** Receives each line or window. */
    interface SegmentSink {
        /**
         * @param text         the characters
         * @param line         1-based line number
         * @param columnOffset column (0-based) of {@code text}'s first character within the line
         * @param seen         how many leading characters were already in the previous window of the same line
         */
        void segment(String text, int line, int columnOffset, int seen);
    }

    private final int window;
    private final int overlap;
    private final StringBuilder sb;
    private SegmentSink sink;
    private int line = 1;
    private int columnOffset;
    private int seen;

    LineWindows(int window, int overlap) {
        if (overlap <= 0 || overlap >= window) {
            throw new IllegalArgumentException("overlap must be between 0 and the window size");
        }
        this.window = window;
        this.overlap = overlap;
        this.sb = new StringBuilder(Math.min(window, 1024));
    }

    /** Sends the following segments to {@code target}. */
    LineWindows to(SegmentSink target) {
        this.sink = target;
        return this;
    }

    /** The next character fed is the first of line {@code number}; anything unfinished is dropped. */
    void startLine(int number) {
        line = number;
        columnOffset = 0;
        seen = 0;
        sb.setLength(0);
    }

    /** Feeds {@code buf[from, to)}; every {@code \n} ends a line (a {@code \r} before it is dropped). */
    void feed(char[] buf, int from, int to) {
        int i = from;
        while (i < to) {
            int j = i;
            while (j < to && buf[j] != '\n') {
                j++;
            }
            int pos = i;
            while (pos < j) {
                if (sb.length() >= window) {
                    sink.segment(sb.toString(), line, columnOffset, seen);
                    String tail = sb.substring(sb.length() - overlap);
                    columnOffset += sb.length() - overlap;
                    seen = overlap;
                    sb.setLength(0);
                    sb.append(tail);
                }
                int take = Math.min(window - sb.length(), j - pos);
                sb.append(buf, pos, take);
                pos += take;
            }
            if (j < to) {
                int len = sb.length();
                if (len > 0 && sb.charAt(len - 1) == '\r') {
                    sb.setLength(len - 1);
                }
                sink.segment(sb.toString(), line, columnOffset, seen);
                startLine(line + 1);
                i = j + 1;
            } else {
                i = j;
            }
        }
    }

    /** End of input: hands out an unterminated last line (a trailing {@code \r} stays part of it). */
    void finish() {
        if (sb.length() > seen) {
            sink.segment(sb.toString(), line, columnOffset, seen);
        }
        startLine(line);
    }
}
