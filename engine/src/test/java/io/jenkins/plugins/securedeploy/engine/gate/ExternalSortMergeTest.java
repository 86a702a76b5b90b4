package io.jenkins.plugins.securedeploy.engine.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The merge of an {@link ExternalSort}'s runs gives what a stable sort of every record gives, for any number of runs
 * (one, a few, not a power of two, more than {@link ExternalSort#FAN_IN} so in passes), runs of one record, equal
 * keys that the order must be asked about, records that compare equal (arrival decides) and keys that decide.
 */
class ExternalSortMergeTest {
    /** Records sorted by a value, their first two bytes; each keyed alone by {@link #key}. */
    private abstract static class ByValue implements ExternalSort.Order {
        @Override
        public int compare(byte[] a, int ao, byte[] b, int bo) {
            return Arrays.compareUnsigned(a, ao, ao + 2, b, bo, bo + 2);
        }

        @Override
        public void keys(byte[] records, int[] offsets, int n, long[] keys) {
            for (int i = 0; i < n; i++) {
                keys[i] = key(records, offsets[i]);
            }
        }
    }

    /**
     * Records of a sort value (two bytes) and the arrival (four); the key holds the first byte only, but both (and
     * then decides) when the first is 5.
     */
    private static final ExternalSort.Order ORDER = new ByValue() {
        @Override
        public long key(byte[] b, int off) {
            int first = b[off] & 0xFF;
            return first == 5 ? first << 9 | (b[off + 1] & 0xFF) << 1 | 1 : first << 9;
        }

        @Override
        public boolean decides(long key) {
            return (key & 1) != 0;
        }
    };

    /**
     * Records of a value (two bytes), a group (one) and the arrival (four), by value; a record of the value and group
     * of the one before it in a sorted chunk is redundant, and a full chunk is compacted without them.
     */
    private static final ExternalSort.Order COMPACTING = new ByValue() {
        @Override
        public long key(byte[] b, int off) {
            return b[off] & 0xFF;
        }

        @Override
        public boolean redundant(byte[] a, int ao, byte[] b, int bo) {
            return Arrays.equals(a, ao, ao + 3, b, bo, bo + 3);
        }

        @Override
        public boolean compacts() {
            return true;
        }
    };

    @TempDir
    Path dir;

    /**
     * A full chunk of mostly redundant records is compacted in memory, not written: what the sort gives, read keeping
     * the first record of each value and group, is the stable sort of every record read that way, and records of
     * few distinct ones, however many, sort without a run; a chunk of many distinct ones is still written.
     */
    @Test
    void aCompactingOrderKeepsTheFirstOfEachAndSortsRepeatsInMemory() throws IOException {
        Random random = new Random(21);
        int[][] shapes = {{1, 1, 5}, {50, 7, 3}, {3000, 20, 100}, {3000, 500, 100}, {20_000, 300, 2000},
            {20_000, 5000, 700}, {5000, 1, 4}, {5000, 1, 3}};
        for (int[] shape : shapes) {
            int records = shape[0];
            int distinct = shape[1];
            int chunk = shape[2];
            String name = "c" + records + "-" + distinct + "-" + chunk;
            String as = records + " records of " + distinct + " values in chunks of " + chunk;
            List<byte[]> all = new ArrayList<>();
            try (ExternalSort sort = new ExternalSort(COMPACTING, chunk, 1 << 20, dir, name)) {
                for (int i = 0; i < records; i++) {
                    int v = random.nextInt(distinct);
                    // the group grows with arrival, as the spool's inputs do (one after the other)
                    byte[] r = {(byte) (v >>> 8), (byte) v, (byte) (2 * i / records), (byte) (i >>> 24),
                        (byte) (i >>> 16), (byte) (i >>> 8), (byte) i};
                    all.add(r);
                    sort.begin();
                    sort.write(r, 0, r.length);
                    sort.commit();
                }
                all.sort(Comparator.comparing((byte[] r) -> r, (a, b) -> COMPACTING.compare(a, 0, b, 0)));
                for (int pass = 0; pass < 2; pass++) { // forEach may be called again
                    List<byte[]> merged = new ArrayList<>();
                    sort.forEach((b, off, len) -> merged.add(Arrays.copyOfRange(b, off, off + len)));
                    assertThat(firstOfEach(merged)).as(as).containsExactlyElementsOf(firstOfEach(all));
                    for (int k = 1; k < merged.size(); k++) { // in order, and stable: arrival breaks ties
                        byte[] a = merged.get(k - 1);
                        byte[] b = merged.get(k);
                        int c = COMPACTING.compare(a, 0, b, 0);
                        assertThat(c < 0 || c == 0 && Arrays.compareUnsigned(a, 3, 7, b, 3, 7) < 0).as(as).isTrue();
                    }
                    long runs;
                    try (var files = java.nio.file.Files.list(dir)) {
                        runs = files.filter(f -> f.getFileName().toString().startsWith(name + "-")).count();
                    }
                    if (4 * distinct <= chunk) { // at most 2 x distinct records kept: half a chunk
                        assertThat(runs).as(as).isZero();
                        assertThat(merged.size()).as(as).isLessThanOrEqualTo(2 * distinct);
                    } else if (distinct >= chunk) {
                        assertThat(runs).as(as).isPositive();
                    }
                }
            }
        }
    }

    /** The records in their order, each left out that repeats the value and group of an earlier one. */
    private static List<byte[]> firstOfEach(List<byte[]> records) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        return records.stream().filter(r -> seen.add((r[0] & 0xFF) << 16 | (r[1] & 0xFF) << 8 | r[2] & 0xFF))
                .toList();
    }

    @Test
    void mergedRunsAreTheStableSortForAnyNumberOfRuns() throws IOException {
        Random random = new Random(18);
        int[][] shapes = {{1, 1}, {5, 1}, {5, 2}, {40, 3}, {100, 7}, {257, 4}, {700, 9}, {3000, 1}, {5000, 31},
            {2000, 64}, {2000, 65}};
        for (int[] shape : shapes) {
            int records = shape[0];
            int chunk = Math.max(1, records / shape[1]);
            List<byte[]> all = new ArrayList<>();
            try (ExternalSort sort = new ExternalSort(ORDER, chunk, 1 << 20, dir, "t" + records + "-" + chunk)) {
                for (int i = 0; i < records; i++) {
                    byte[] r = {(byte) random.nextInt(random.nextBoolean() ? 3 : 256), (byte) random.nextInt(4),
                        (byte) (i >>> 24), (byte) (i >>> 16), (byte) (i >>> 8), (byte) i};
                    all.add(r);
                    sort.begin();
                    sort.write(r, 0, r.length);
                    sort.commit();
                }
                all.sort(Comparator.comparing((byte[] r) -> r, (a, b) -> ORDER.compare(a, 0, b, 0)));
                for (int pass = 0; pass < 2; pass++) { // forEach may be called again
                    List<byte[]> merged = new ArrayList<>();
                    sort.forEach((b, off, len) -> merged.add(Arrays.copyOfRange(b, off, off + len)));
                    assertThat(merged).as("%d records in chunks of %d", records, chunk).containsExactlyElementsOf(all);
                }
            }
        }
    }
}
