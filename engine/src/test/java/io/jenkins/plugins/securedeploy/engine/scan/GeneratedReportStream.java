package io.jenkins.plugins.securedeploy.engine.scan;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;

/**
 * A report produced on the fly while it is read: {@code head}, then items (joined by {@code separator}) until at
 * least {@code targetBytes} have been produced, then {@code tail}. Never holds more than one item in memory, so a
 * 200 MB report costs a few KiB of the test's heap.
 */
public final class GeneratedReportStream extends InputStream {
    private final byte[] tail;
    private final byte[] separator;
    private final IntFunction<String> item;
    private final long targetBytes;
    private byte[] current;
    private int pos;
    private long produced;
    private int items;
    private boolean tailSent;
    private long maxItems = Long.MAX_VALUE;

    public GeneratedReportStream(String head, IntFunction<String> item, String separator, String tail,
            long targetBytes) {
        this.current = head.getBytes(StandardCharsets.UTF_8);
        this.item = item;
        this.separator = separator.getBytes(StandardCharsets.UTF_8);
        this.tail = tail.getBytes(StandardCharsets.UTF_8);
        this.targetBytes = targetBytes;
    }

    /** A stream of {@code prefix}, {@code count} repetitions of {@code filler}, then {@code suffix}. */
    public static GeneratedReportStream repeating(String prefix, char filler, long count, String suffix) {
        String chunk = String.valueOf(filler).repeat(8192);
        long chunks = count / chunk.length();
        String rest = String.valueOf(filler).repeat((int) (count % chunk.length()));
        GeneratedReportStream s = new GeneratedReportStream(prefix + rest, i -> chunk, "", suffix, Long.MAX_VALUE);
        s.maxItems = chunks;
        return s;
    }

    /** How many items have been produced so far (all of them once the stream is exhausted). */
    public int itemsProduced() {
        return items;
    }

    /** Total bytes produced so far. */
    public long bytesProduced() {
        return produced;
    }

    private boolean moreItems() {
        return produced < targetBytes && items < maxItems;
    }

    private boolean advance() {
        if (tailSent) {
            return false;
        }
        if (moreItems()) {
            byte[] next = item.apply(items).getBytes(StandardCharsets.UTF_8);
            if (items > 0 && separator.length > 0) {
                byte[] joined = new byte[separator.length + next.length];
                System.arraycopy(separator, 0, joined, 0, separator.length);
                System.arraycopy(next, 0, joined, separator.length, next.length);
                next = joined;
            }
            items++;
            current = next;
        } else {
            current = tail;
            tailSent = true;
        }
        pos = 0;
        return true;
    }

    @Override
    public int read() {
        while (pos >= current.length) {
            if (!advance()) {
                return -1;
            }
        }
        produced++;
        return current[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        while (pos >= current.length) {
            if (!advance()) {
                return -1;
            }
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        produced += n;
        return n;
    }
}
