package io.jenkins.plugins.securedeploy.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The numbers a finding's layout writes are Jackson's (plain decimal) for every int. */
class SpoolBufferTest {
    @Test
    void decimalIsIntegerToStringForEveryDigitCountAndSign() {
        SpoolBuffer out = new SpoolBuffer();
        StringBuilder expected = new StringBuilder();
        Random random = new Random(18);
        int[] edges = {0, 9, 10, 99, 100, 101, 999, 1000, 9999, 10_000, 99_999, 100_000, 999_999, 1_000_000,
            9_999_999, 10_000_000, 99_999_999, 100_000_000, 999_999_999, 1_000_000_000, Integer.MAX_VALUE, -1, -10,
            -12345, Integer.MIN_VALUE};
        for (int v : edges) {
            write(out, expected, v);
        }
        for (int v = 0; v < 20_000; v++) {
            write(out, expected, v);
        }
        for (int i = 0; i < 20_000; i++) {
            write(out, expected, random.nextInt());
            write(out, expected, random.nextInt(1 << random.nextInt(31)));
        }
        assertThat(new String(out.bytes(), 0, out.size(), StandardCharsets.US_ASCII)).isEqualTo(expected.toString());
    }

    private static void write(SpoolBuffer out, StringBuilder expected, int v) {
        out.decimal(v);
        out.write(',');
        expected.append(v).append(',');
    }
}
