package io.jenkins.plugins.securedeploy.engine.policy;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One byte per entry of a {@link BaselineIndex}, memory-mapped: {@link #DUPLICATE} (a repeat of an earlier
 * fingerprint), {@link #SEEN} (by the gate) and, in the low bits, the pending generation (1..63) of a fork of the
 * gate's tally that saw it. A report cut half-way drops its generation, so it leaves no marks. Not thread-safe.
 */
final class BaselineMarks implements Closeable {
    static final byte DUPLICATE = (byte) 0x80;
    static final byte SEEN = 0x40;
    static final int GENERATION = 0x3f;

    private final MappedFile marks;
    private final long records;
    private int generation;

    BaselineMarks(Path file, long records) throws IOException {
        this.marks = new MappedFile(file, records);
        this.records = records;
    }

    byte get(long ordinal) {
        return marks.get(ordinal);
    }

    void put(long ordinal, byte value) {
        marks.put(ordinal, value);
    }

    /**
     * A new generation of pending marks (1..63); when they run out, every pending mark of the earlier ones (forks
     * already absorbed or dropped) is cleared and numbering starts again.
     */
    int generation() {
        if (generation == GENERATION) {
            for (long i = 0; i < records; i++) {
                byte b = marks.get(i);
                if ((b & GENERATION) != 0) {
                    marks.put(i, (byte) (b & ~GENERATION));
                }
            }
            generation = 0;
        }
        return ++generation;
    }

    /** Turns the marks of generation {@code from} into {@code to} (0 = seen). */
    void promote(int from, int to) {
        for (long i = 0; i < records; i++) {
            byte b = marks.get(i);
            if ((b & GENERATION) == from) {
                marks.put(i, (byte) (to == 0 ? (b & ~GENERATION) | SEEN : (b & ~GENERATION) | to));
            }
        }
    }

    /** How many entries are neither duplicates nor seen. */
    long countUnseen() {
        long n = 0;
        for (long i = 0; i < records; i++) {
            if ((marks.get(i) & (DUPLICATE | SEEN)) == 0) {
                n++;
            }
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        marks.close();
    }
}
