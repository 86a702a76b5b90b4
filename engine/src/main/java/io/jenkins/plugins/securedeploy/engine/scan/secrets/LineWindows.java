package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits a character stream into lines with bounded memory: a line longer than {@code window} characters is handed
 * out in windows of {@code window} characters that overlap by {@code overlap}, so a secret shorter than the overlap
 * is wholly inside at least one window. Line terminators ({@code \n}, {@code \r\n}) are not part of the text.
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

    private LineWindows() {}

    static void read(Reader in, int window, int overlap, SegmentSink sink) throws IOException {
        if (overlap <= 0 || overlap >= window) {
            throw new IllegalArgumentException("overlap must be between 0 and the window size");
        }
        char[] buf = new char[8192];
        StringBuilder sb = new StringBuilder(Math.min(window, 1024));
        int line = 1;
        int columnOffset = 0;
        int seen = 0;
        int n;
        while ((n = in.read(buf)) >= 0) {
            int i = 0;
            while (i < n) {
                int j = i;
                while (j < n && buf[j] != '\n') {
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
                if (j < n) {
                    int len = sb.length();
                    if (len > 0 && sb.charAt(len - 1) == '\r') {
                        sb.setLength(len - 1);
                    }
                    sink.segment(sb.toString(), line, columnOffset, seen);
                    line++;
                    columnOffset = 0;
                    seen = 0;
                    sb.setLength(0);
                    i = j + 1;
                } else {
                    i = j;
                }
            }
        }
        if (sb.length() > seen) {
            sink.segment(sb.toString(), line, columnOffset, seen);
        }
    }
}
