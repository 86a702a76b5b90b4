package io.jenkins.plugins.securedeploy.engine.gate;

import io.jenkins.plugins.securedeploy.engine.core.RecordOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sorts any number of byte records in bounded memory: up to {@code chunk} records (and at most {@code chunkBytes}
 * of them) are held in one array and sorted in memory - by a packed {@code long} key per record first
 * ({@link Order#added} as each is committed, {@link Order#keys}), by {@link Order#compare} only where keys are
 * equal, an index array rather than objects - beyond that each full chunk is written, sorted, as a run file under
 * {@code dir}, and {@link #forEach} merges the runs (at most {@value #FAN_IN} at a time, in passes when there are
 * more, through a tree of losers), comparing records where they lie in the runs' buffers. Ties are broken by arrival
 * (the sort is stable and runs are merged in the order they were made), so the result is that of a stable sort by
 * {@link Order#compare}. An order that {@link Order#compacts} has a full chunk that is mostly redundant records kept
 * in memory without them rather than written. {@link #forEach} may be called again; {@link #close} deletes the
 * runs.
 */
final class ExternalSort implements AutoCloseable {
    /** The order of the records. */
    interface Order {
        /** Compares the records at {@code a[ao]} and {@code b[bo]} (by sign); equal ones stay in arrival order. */
        int compare(byte[] a, int ao, byte[] b, int bo);

        /**
         * Fills {@code keys[i]} for the {@code n} records at {@code offsets[i]} of {@code records}: non-negative, and
         * a smaller key means an earlier record by {@link #compare} (equal keys say nothing).
         */
        void keys(byte[] records, int[] offsets, int n, long[] keys);

        /**
         * Record {@code i} of the chunk at {@code offsets[i]} is complete (records {@code 0..i-1} were passed here
         * before, since the chunk began at {@code i == 0}): the order may key it now, while it is at hand, into
         * {@code keys[i]}, for {@link #keys} to keep what is still right then.
         */
        default void added(byte[] records, int[] offsets, int i, long[] keys) {
        }

        /**
         * The key of one record, as {@link #keys} would give it but comparable across every chunk keyed so far
         * (the merge's).
         */
        long key(byte[] b, int off);

        /**
         * Whether two records whose keys are both {@code key} compare equal for certain (so {@link #compare} need not
         * be asked); false when the key cannot tell.
         */
        default boolean decides(long key) {
            return false;
        }

        /**
         * Whether the record at {@code b[bo]}, which follows the one at {@code a[ao]} in a sorted chunk, can be left
         * out of it (whoever reads the sort back would skip it anyway).
         */
        default boolean redundant(byte[] a, int ao, byte[] b, int bo) {
            return false;
        }

        /**
         * Whether a full chunk is worth keeping in memory without its redundant records: when they are many (a
         * baseline's repeats of a fingerprint), what is left, sorted, becomes the start of the next chunk instead of
         * a run on disk, as long as it fills at most half of it.
         */
        default boolean compacts() {
            return false;
        }
    }

    /** Receives the records in order: {@code bytes[off, off + len)}, valid during the call only. */
    interface Visitor {
        void visit(byte[] bytes, int off, int len) throws IOException;
    }

    static final int FAN_IN = 64;

    private final Order order;
    private final int chunk;
    private final int chunkBytes;
    private final Path dir;
    private final String prefix;
    private final List<Path> runs = new ArrayList<>();
    private byte[] records = new byte[1 << 16];
    private int used;
    private int[] offsets = new int[256];
    private int[] lengths = new int[256];
    private int count;
    private int start;
    private long[] keys = new long[256];
    private int[] sortedIndex = new int[0];
    private int[] scratch = new int[0];
    private long[] packed = new long[0];
    private boolean sorted = true;
    /** The records' array before the last {@link #compact}, reused by the next. */
    private byte[] spare;
    private long size;
    private int made;

    ExternalSort(Order order, int chunk, int chunkBytes, Path dir, String prefix) {
        if (chunk < 1) {
            throw new IllegalArgumentException("a chunk holds at least one record, got " + chunk);
        }
        this.order = order;
        this.chunk = chunk;
        this.chunkBytes = chunkBytes;
        this.dir = dir;
        this.prefix = prefix;
    }

    /** Starts a record: write its bytes with {@link #write}/{@link #writeInt}, then {@link #commit}. */
    void begin() {
        start = used;
    }

    void writeInt(int v) {
        room(4);
        records[used] = (byte) (v >>> 24);
        records[used + 1] = (byte) (v >>> 16);
        records[used + 2] = (byte) (v >>> 8);
        records[used + 3] = (byte) v;
        used += 4;
    }

    void write(byte[] b, int off, int len) {
        room(len);
        System.arraycopy(b, off, records, used, len);
        used += len;
    }

    private void room(int n) {
        if (records.length - used < n) {
            records = Arrays.copyOf(records, Math.max(records.length * 2, used + n));
        }
    }

    /** Ends the record begun last. */
    void commit() throws IOException {
        if (count == offsets.length) {
            offsets = Arrays.copyOf(offsets, count * 2);
            lengths = Arrays.copyOf(lengths, count * 2);
            keys = Arrays.copyOf(keys, count * 2);
        }
        offsets[count] = start;
        lengths[count] = used - start;
        order.added(records, offsets, count, keys);
        count++;
        sorted = false;
        size++;
        if (count >= chunk || used >= chunkBytes) {
            sort();
            if (!order.compacts() || !compact()) {
                runs.add(writeSorted());
                count = 0;
                used = 0;
            }
        }
    }

    /**
     * Keeps the sorted chunk's records but the redundant ones, in their order, as the start of the next chunk - if
     * they fill at most half of it (else false, and nothing changes). They arrived before any record that follows,
     * and keep the order they had among themselves, so the sort stays stable.
     */
    private boolean compact() {
        int kept = kept();
        int bytes = 0;
        for (int k = 0; k < kept; k++) {
            bytes += lengths[scratch[k]];
        }
        if (kept * 2L > chunk || bytes * 2L > chunkBytes) {
            return false;
        }
        byte[] into = spare != null && spare.length >= bytes ? spare : new byte[Math.max(bytes, records.length)];
        int[] newOffsets = new int[offsets.length];
        int[] newLengths = new int[lengths.length];
        int at = 0;
        for (int k = 0; k < kept; k++) {
            int i = scratch[k];
            System.arraycopy(records, offsets[i], into, at, lengths[i]);
            newOffsets[k] = at;
            newLengths[k] = lengths[i];
            at += lengths[i];
        }
        spare = records;
        records = into;
        offsets = newOffsets;
        lengths = newLengths;
        count = kept;
        used = at;
        for (int i = 0; i < kept; i++) {
            order.added(records, offsets, i, keys);
        }
        sorted = false;
        return true;
    }

    long size() {
        return size;
    }

    /** Every record added, in order. */
    void forEach(Visitor visitor) throws IOException {
        if (runs.isEmpty()) {
            if (!sorted) {
                sort();
                sorted = true;
            }
            emit(visitor);
            return;
        }
        if (count > 0) {
            runs.add(writeRun());
            count = 0;
            used = 0;
            sorted = true;
        }
        while (runs.size() > FAN_IN) {
            List<Path> merged = new ArrayList<>();
            for (int from = 0; from < runs.size(); from += FAN_IN) {
                List<Path> group = runs.subList(from, Math.min(runs.size(), from + FAN_IN));
                if (group.size() == 1) {
                    merged.add(group.get(0));
                    continue;
                }
                Path run = newRun();
                try (RecordOutput out = output(run)) {
                    merge(group, (b, off, len) -> out.writeBytes(b, off, len));
                    out.writeInt(-1);
                }
                for (Path p : group) {
                    Files.deleteIfExists(p);
                }
                merged.add(run);
            }
            runs.clear();
            runs.addAll(merged);
        }
        merge(runs, visitor);
    }

    /** The held records in order, leaving out the redundant ones. */
    private void emit(Visitor visitor) throws IOException {
        int kept = kept();
        for (int k = 0; k < kept; k++) {
            int i = scratch[k];
            visitor.visit(records, offsets[i], lengths[i]);
        }
    }

    /**
     * Puts the indexes of the sorted chunk's records but the redundant ones, in order, at the start of
     * {@link #scratch} (free once the chunk is sorted); returns how many.
     */
    private int kept() {
        int kept = 0;
        int last = -1;
        for (int k = 0; k < count; k++) {
            int i = sortedIndex[k];
            if (last >= 0 && order.redundant(records, offsets[last], records, offsets[i])) {
                continue;
            }
            scratch[kept++] = i;
            last = i;
        }
        return kept;
    }

    private Path writeRun() throws IOException {
        sort();
        return writeSorted();
    }

    private Path writeSorted() throws IOException {
        Path run = newRun();
        try (RecordOutput out = output(run)) {
            emit((b, off, len) -> out.writeBytes(b, off, len));
            out.writeInt(-1);
        }
        return run;
    }

    /**
     * Sorts the held records: by their keys with the index in the low bits (a primitive sort of longs, the keys'
     * bits that the index leaves room for first), then each group whose kept bits are equal by {@link #compare}.
     */
    private void sort() {
        int n = count;
        if (sortedIndex.length < n) { // the keys grow with the offsets
            sortedIndex = new int[keys.length];
            scratch = new int[keys.length];
            packed = new long[keys.length];
        }
        order.keys(records, offsets, n, keys);
        int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1));
        long index = (1L << bits) - 1;
        for (int i = 0; i < n; i++) {
            packed[i] = keys[i] & ~index | i; // keys are non-negative, so are these
        }
        Arrays.sort(packed, 0, n);
        int from = 0;
        for (int k = 0; k < n; k++) {
            sortedIndex[k] = (int) (packed[k] & index);
            if ((packed[k] ^ packed[from]) > index) { // a new group: the ones before keep their places
                if (k - from > 1) {
                    mergeSort(sortedIndex, scratch, from, k);
                }
                from = k;
            }
        }
        if (n - from > 1) {
            mergeSort(sortedIndex, scratch, from, n);
        }
    }

    private int compare(int i, int j) {
        long a = keys[i];
        long b = keys[j];
        if (a != b) {
            return a < b ? -1 : 1;
        }
        int c = order.decides(a) ? 0 : order.compare(records, offsets[i], records, offsets[j]);
        return c != 0 ? c : Integer.compare(i, j);
    }

    /** Sorts {@code a[from, to)} (stable: the index breaks ties). */
    private void mergeSort(int[] a, int[] tmp, int from, int to) {
        if (to - from <= 12) {
            for (int i = from + 1; i < to; i++) {
                int v = a[i];
                int j = i - 1;
                while (j >= from && compare(a[j], v) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, tmp, from, mid);
        mergeSort(a, tmp, mid, to);
        if (compare(a[mid - 1], a[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, from, tmp, from, to - from);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || i < mid && compare(tmp[i], tmp[j]) <= 0) {
                a[k] = tmp[i++];
            } else {
                a[k] = tmp[j++];
            }
        }
    }

    /**
     * Merges the runs of {@code group} (in the order they were made) into {@code visitor}, through a tree of losers:
     * the next record is found in one comparison per level, against the record that lost there before, rather than
     * in up to two per level of a heap.
     */
    private void merge(List<Path> group, Visitor visitor) throws IOException {
        int n = group.size();
        RunInput[] in = new RunInput[n];
        long[] key = new long[n];
        boolean[] done = new boolean[n];
        int[] tree = new int[n]; // tree[0]: the next record's run; tree[1, n): the run that lost at each node
        try {
            for (int i = 0; i < n; i++) {
                in[i] = new RunInput(Files.newInputStream(group.get(i)));
                if (in[i].next()) {
                    key[i] = order.key(in[i].bytes(), in[i].offset());
                } else {
                    done[i] = true;
                }
            }
            Arrays.fill(tree, n); // n: a run before every other, so each run played in below rises past it
            for (int i = n - 1; i >= 0; i--) {
                tree[0] = play(tree, n, i, in, key, done);
            }
            while (!done[tree[0]]) {
                int run = tree[0];
                RunInput top = in[run];
                visitor.visit(top.bytes(), top.offset(), top.length());
                if (top.next()) {
                    key[run] = order.key(top.bytes(), top.offset());
                } else {
                    done[run] = true;
                }
                tree[0] = play(tree, n, run, in, key, done);
            }
        } finally {
            for (RunInput r : in) {
                if (r != null) {
                    r.close();
                }
            }
        }
    }

    /** Plays run {@code run}'s record up from its leaf, leaving each loser at its node; returns the winner. */
    private int play(int[] tree, int n, int run, RunInput[] in, long[] key, boolean[] done) {
        int winner = run;
        for (int t = (run + n) >>> 1; t > 0; t >>>= 1) {
            int other = tree[t];
            if (wins(other, winner, n, in, key, done)) {
                tree[t] = winner;
                winner = other;
            }
        }
        return winner;
    }

    /** Whether run {@code a}'s record comes before run {@code b}'s: run n before all, an ended run after all. */
    private boolean wins(int a, int b, int n, RunInput[] in, long[] key, boolean[] done) {
        if (a == n || b == n) {
            return a == n;
        }
        if (done[a] || done[b]) {
            return !done[a];
        }
        return before(in, key, a, b);
    }

    private boolean before(RunInput[] in, long[] key, int a, int b) {
        if (key[a] != key[b]) {
            return key[a] < key[b];
        }
        int c = order.decides(key[a]) ? 0 : order.compare(in[a].bytes(), in[a].offset(), in[b].bytes(), in[b].offset());
        return c < 0 || c == 0 && a < b;
    }

    private Path newRun() {
        return dir.resolve(prefix + "-" + (made++) + ".run");
    }

    private static RecordOutput output(Path file) throws IOException {
        return new RecordOutput(Files.newOutputStream(file));
    }

    @Override
    public void close() throws IOException {
        count = 0;
        used = 0;
        // the buffers grow to a chunk's worth: let them go with the sort (a report or outcome that outlives the
        // gate may still reach the spool), so the heap retained after a gate does not depend on the report's size
        records = new byte[1 << 16];
        spare = null;
        offsets = new int[256];
        lengths = new int[256];
        keys = new long[256];
        sortedIndex = new int[0];
        scratch = new int[0];
        packed = new long[0];
        for (Path p : runs) {
            Files.deleteIfExists(p);
        }
        runs.clear();
    }
}
