package io.jenkins.plugins.securedeploy.engine.scan.runner;

/**
 * A bounded view of what a process wrote to one stream: the first bytes, the last bytes, and how many were dropped
 * in between. Text is decoded as UTF-8 (malformed bytes replaced), so a cut through a character shows as U+FFFD.
 */
public record CapturedOutput(String head, String tail, long totalBytes, long omittedBytes) {
    public static final CapturedOutput EMPTY = new CapturedOutput("", "", 0, 0);

    public CapturedOutput {
        head = head == null ? "" : head;
        tail = tail == null ? "" : tail;
        if (totalBytes < 0 || omittedBytes < 0 || omittedBytes > totalBytes) {
            throw new IllegalArgumentException("inconsistent byte counts: total " + totalBytes + ", omitted "
                    + omittedBytes);
        }
    }

    public boolean truncated() {
        return omittedBytes > 0;
    }

    public boolean isEmpty() {
        return totalBytes == 0;
    }

    /** Head and tail joined, with a marker saying how much was left out. */
    public String text() {
        if (!truncated()) {
            return head + tail;
        }
        return head + "\n[... " + omittedBytes + " bytes omitted ...]\n" + tail;
    }
}
