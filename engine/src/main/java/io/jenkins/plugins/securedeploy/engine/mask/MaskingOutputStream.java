package io.jenkins.plugins.securedeploy.engine.mask;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Masks everything written through it, whatever the write boundaries: a secret split over many writes (down to
 * one byte each) is still masked. Bytes are held back only while they are a live prefix of some pattern (at most
 * the longest pattern minus one byte of unmasked data); everything else is passed on byte for byte in the same
 * {@code write} call, so a line that holds no secret prefix - newline included - is emitted at once. Binary safe.
 *
 * <p>{@link #flush()} passes on everything that can no longer be part of a secret (including masks that just
 * completed) and flushes the target, but keeps a live prefix: releasing it would let a secret through whenever a
 * writer flushes in the middle of it (an auto-flushing PrintStream flushes on every write). {@link #close()}
 * emits the rest and closes the target. Thread-safe.
 */
public final class MaskingOutputStream extends FilterOutputStream {
    private final Automaton automaton;
    private final Intervals pending = new Intervals();
    private final byte[] one = new byte[1];
    private byte[] hold = new byte[64];
    private int holdLength;
    private int state;
    private long consumed;
    private long emitted;
    private long masks;
    private boolean closed;

    MaskingOutputStream(SecretMasker masker, OutputStream out) {
        super(Objects.requireNonNull(out, "out"));
        this.automaton = masker.automaton();
    }

    /** How many regions were replaced by {@value SecretMasker#MASK} so far. */
    public synchronized long maskCount() {
        return masks;
    }

    /** Unmasked bytes currently held back (a live prefix of some pattern, or a match that may still grow). */
    public synchronized int heldBytes() {
        return holdLength;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        one[0] = (byte) b;
        write(one, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (closed) {
            throw new IOException("masking stream is closed");
        }
        if (len == 0) {
            return;
        }
        long base = consumed - off;
        state = automaton.scan(b, off, off + len, state, (end, length) -> pending.add(base + end - length, base + end));
        consumed += len;
        emit(b, off, len, consumed - automaton.live(state), false);
    }

    @Override
    public synchronized void flush() throws IOException {
        if (!closed) {
            emit(hold, 0, 0, consumed - automaton.live(state), true);
            out.flush();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            emit(hold, 0, 0, consumed, true);
        } finally {
            closed = true;
            out.close();
        }
    }

    /**
     * Writes out everything before {@code safe} (masks for ranges that can no longer grow), keeps the rest in
     * {@link #hold}. The unwritten bytes are {@code hold[0, holdLength)} followed by {@code b[off, off + len)}.
     */
    private void emit(byte[] b, int off, int len, long safe, boolean completed) throws IOException {
        while (!pending.isEmpty() && (pending.firstEnd() < safe || completed && pending.firstEnd() <= safe)) {
            writeRange(b, off, len, emitted, pending.firstStart());
            out.write(SecretMasker.MASK_BYTES);
            masks++;
            emitted = pending.firstEnd();
            pending.removeFirst();
        }
        long limit = pending.isEmpty() ? safe : Math.min(safe, pending.firstStart());
        if (limit > emitted) {
            writeRange(b, off, len, emitted, limit);
            emitted = limit;
        }
        keep(b, off, len);
    }

    /** Writes global positions [from, to) from hold + b. */
    private void writeRange(byte[] b, int off, int len, long from, long to) throws IOException {
        long holdStart = consumed - len - holdLength;
        long chunkStart = consumed - len;
        if (from < chunkStart) {
            int s = (int) (from - holdStart);
            int e = (int) (Math.min(to, chunkStart) - holdStart);
            out.write(hold, s, e - s);
        }
        if (to > chunkStart) {
            long s = Math.max(from, chunkStart);
            out.write(b, off + (int) (s - chunkStart), (int) (to - s));
        }
    }

    /** Moves the unwritten bytes [emitted, consumed) into hold. */
    private void keep(byte[] b, int off, int len) {
        long holdStart = consumed - len - holdLength;
        long chunkStart = consumed - len;
        int newLength = (int) (consumed - emitted);
        byte[] target = newLength > hold.length ? new byte[Math.max(newLength, hold.length * 2)] : hold;
        int fromHold = (int) Math.max(0, chunkStart - emitted);
        if (fromHold > 0) {
            System.arraycopy(hold, (int) (emitted - holdStart), target, 0, fromHold);
        }
        int fromChunk = newLength - fromHold;
        if (fromChunk > 0) {
            System.arraycopy(b, off + len - fromChunk, target, fromHold, fromChunk);
        }
        hold = target;
        holdLength = newLength;
    }
}
