package io.jenkins.plugins.securedeploy.engine.policy;

import java.util.AbstractList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Which baseline entries a {@link FindingTally} saw: a set of fingerprints for a baseline in memory, marks in the
 * on-disk index for an indexed one (a fork marks with a generation of its own, turned into "seen" when it is
 * absorbed, and ignored when it is dropped; forks are fed one after another, as the gate does).
 */
abstract sealed class BaselineSeen {
    static BaselineSeen of(Baseline baseline) {
        return baseline.isIndexed() ? new Indexed(baseline, 0) : new InMemory(baseline);
    }

    /** Whether {@code fingerprint} is in the baseline; when it is, it is marked as seen. */
    abstract boolean see(String fingerprint);

    abstract BaselineSeen fork();

    /** Adds what {@code later}, a {@link #fork()} of this, saw. */
    abstract void absorb(BaselineSeen later);

    /** Baseline entries not seen, in the file's order. */
    abstract List<BaselineEntry> fixed();

    private static final class InMemory extends BaselineSeen {
        private final Baseline baseline;
        private final Set<String> seen = new HashSet<>();

        InMemory(Baseline baseline) {
            this.baseline = baseline;
        }

        @Override
        boolean see(String fingerprint) {
            boolean known = baseline.contains(fingerprint);
            if (known) {
                seen.add(fingerprint);
            }
            return known;
        }

        @Override
        BaselineSeen fork() {
            return new InMemory(baseline);
        }

        @Override
        void absorb(BaselineSeen later) {
            seen.addAll(((InMemory) later).seen);
        }

        @Override
        List<BaselineEntry> fixed() {
            return baseline.entries().values().stream().filter(e -> !seen.contains(e.fingerprint())).toList();
        }
    }

    private static final class Indexed extends BaselineSeen {
        private final Baseline baseline;
        private final BaselineIndex index;
        private final int generation;

        Indexed(Baseline baseline, int generation) {
            this.baseline = baseline;
            this.index = baseline.index();
            this.generation = generation;
        }

        @Override
        boolean see(String fingerprint) {
            long ordinal = baseline.ordinal(fingerprint);
            if (ordinal < 0) {
                return false;
            }
            byte b = index.mark(ordinal);
            if ((b & BaselineIndex.SEEN) == 0) {
                index.mark(ordinal, (byte) (generation == 0 ? b | BaselineIndex.SEEN
                        : (b & ~BaselineIndex.GENERATION) | generation));
            }
            return true;
        }

        @Override
        BaselineSeen fork() {
            return new Indexed(baseline, index.generation());
        }

        @Override
        void absorb(BaselineSeen later) {
            index.promote(((Indexed) later).generation, generation);
        }

        @Override
        List<BaselineEntry> fixed() {
            return new Unseen(baseline, index.countUnseen());
        }
    }

    /**
     * The fixed entries of an indexed baseline: counted, and read from the disk each time they are iterated (as the
     * report writers do while the gate runs), never held.
     */
    static final class Unseen extends AbstractList<BaselineEntry> {
        private final Baseline baseline;
        private final long size;

        Unseen(Baseline baseline, long size) {
            this.baseline = baseline;
            this.size = size;
        }

        @Override
        public int size() {
            return (int) Math.min(Integer.MAX_VALUE, size);
        }

        @Override
        public BaselineEntry get(int i) {
            if (i < 0 || i >= size) {
                throw new IndexOutOfBoundsException(i);
            }
            Iterator<BaselineEntry> it = iterator();
            for (int k = 0; k < i; k++) {
                it.next();
            }
            return it.next();
        }

        @Override
        public String toString() {
            return "[" + size + " fixed entries of an indexed baseline]";
        }

        /** Reads the file once per iteration, one entry at a time. */
        @Override
        public Iterator<BaselineEntry> iterator() {
            return baseline.iterateIndexed(b -> (b & (BaselineIndex.DUPLICATE | BaselineIndex.SEEN)) == 0);
        }
    }
}
