package io.jenkins.plugins.securedeploy.engine.scan.runner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Drains a stream completely (so the writer never blocks on a full pipe) while keeping only the first
 * {@code limit} and the last {@code limit} bytes. Memory is {@code 2 * limit} whatever the process writes.
 */
final class BoundedCapture {
    private final int limit;
    private final byte[] head;
    private int headLength;
    private final byte[] ring;
    private long ringWritten;
    private long total;

    BoundedCapture(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("capture limit must be positive, got " + limit);
        }
        this.limit = limit;
        this.head = new byte[limit];
        this.ring = new byte[limit];
    }

    /** Reads until end of stream (or an I/O error, e.g. the stream closed under us). */
    void drain(InputStream in) {
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                append(buffer, 0, n);
            }
        } catch (IOException e) {
            // the process died or the stream was closed: what we have is what there is
        }
    }

    synchronized void append(byte[] bytes, int offset, int length) {
        total += length;
        int i = offset;
        int end = offset + length;
        if (headLength < limit) {
            int take = Math.min(limit - headLength, length);
            System.arraycopy(bytes, i, head, headLength, take);
            headLength += take;
            i += take;
        }
        for (; i < end; i++) {
            ring[(int) (ringWritten % limit)] = bytes[i];
            ringWritten++;
        }
    }

    synchronized CapturedOutput snapshot() {
        String headText = new String(head, 0, headLength, StandardCharsets.UTF_8);
        int tailLength = (int) Math.min(ringWritten, limit);
        byte[] tail = new byte[tailLength];
        long start = ringWritten - tailLength;
        for (int k = 0; k < tailLength; k++) {
            tail[k] = ring[(int) ((start + k) % limit)];
        }
        long omitted = total - headLength - tailLength;
        return new CapturedOutput(headText, new String(tail, StandardCharsets.UTF_8), total, omitted);
    }
}
