package io.jenkins.plugins.securedeploy.engine.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A key's characters of a plain slot, read eight bytes at a time where the array has them, are what packing them one
 * by one gives (each plus one, first highest, below the top bit asked for), wherever the slot ends in its array.
 */
class SpoolOrderCharsTest {
    @Test
    void packedAtOnceIsPackedOneByOne() {
        Random random = new Random(18);
        for (int i = 0; i < 20_000; i++) {
            int n = random.nextInt(20);
            byte[] text = new byte[n];
            for (int k = 0; k < n; k++) {
                text[k] = (byte) (random.nextBoolean() ? '0' + random.nextInt(10) : 0x21 + random.nextInt(0x5E));
            }
            int tail = random.nextInt(12); // bytes after the slot: none, a few, or enough for a whole long
            byte[] b = new byte[1 + n + 2 + tail];
            Arrays.fill(b, (byte) 0xFF);
            b[0] = (byte) ((n + 2) << 1 | 1);
            b[1] = '"';
            System.arraycopy(text, 0, b, 2, n);
            b[n + 2] = '"';
            int count = 1 + random.nextInt(7);
            int from = n - count < 0 ? 0 : random.nextInt(n - count + 1);
            int top = 8 * count + random.nextInt(57 - 8 * count);
            if (from + count > n) {
                continue;
            }
            long expected = 0;
            for (int k = 0; k < count; k++) {
                expected = expected << 8 | (text[from + k] & 0xFF) + 1;
            }
            expected <<= top - 8 * count;
            assertThat(SpoolOrder.chars(b, 0, from, count, top))
                    .as("%s from %d, %d chars below bit %d", new String(text, StandardCharsets.US_ASCII), from, count,
                            top)
                    .isEqualTo(expected);
        }
    }
}
