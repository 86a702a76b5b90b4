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
    /**
     * Records of a sort value (two bytes) and the arrival (four); the key holds the first byte only, but both (and
     * then decides) when the first is 5.
     */
    private static final ExternalSort.Order ORDER = new ExternalSort.Order() {
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

    @TempDir
    Path dir;

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
