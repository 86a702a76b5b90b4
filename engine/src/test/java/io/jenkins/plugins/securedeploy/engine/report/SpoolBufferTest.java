package io.jenkins.plugins.securedeploy.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The numbers a finding's layout writes are Jackson's (plain decimal) for every int; a plain string is told apart and
 * copied as a char at a time would.
 */
class SpoolBufferTest {
    /** Chars a plain check must tell apart: each excluded one, its neighbours, Latin-1, wide ones, surrogates. */
    private static final char[] EDGES = {' ', '!', '"', '#', '?', '>', '@', '[', '\\', ']', '~', 0x7F, 0x1F, 0, '\n',
        0x80, 0xA0, 0xBF, 0xE9, 0xFF, 0x100, 0x141, 0x15C, 0x122, 0x13F, 0x220, 0x2022, 0x3F3F, 0x7E7E, 0xFF3F, 0xD800,
        0xDBFF, 0xDC00, 0xDFFF, 0xFFFD, 0xFFFF};

    private static final String PRINTABLE = "azAZ09 !#$%&'()*+,-./:;<=>@[]^_`{|}~";

    @Test
    void plainMatchesTheCharByCharCheckWhereverAnExcludedOrWideCharIs() {
        StringBuilder base = new StringBuilder();
        for (int n = 0; n <= 40; n++) {
            String printable = base.toString();
            check(printable);
            for (int at = 0; at < n; at++) {
                for (char c : EDGES) {
                    check(printable.substring(0, at) + c + printable.substring(at + 1));
                }
            }
            base.append(PRINTABLE.charAt(n * 7 % PRINTABLE.length()));
        }
        check("\uD83D\uDE00 smile");
        check("sha256:" + "ab".repeat(32));
    }

    @Test
    void plainMatchesTheCharByCharCheckForRandomStrings() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            int n = random.nextInt(random.nextBoolean() ? 12 : 80);
            char[] chars = new char[n];
            int kind = random.nextInt(4);
            for (int k = 0; k < n; k++) {
                int r = random.nextInt(1000);
                chars[k] = r < 3 * kind ? EDGES[random.nextInt(EDGES.length)]
                        : r < 4 * kind ? (char) random.nextInt(0x10000)
                        : (char) (0x20 + random.nextInt(0x5F));
            }
            check(new String(chars));
        }
    }

    /** {@code plain} and {@code plainSlot} decide and write as the reference does, after what is already written. */
    private static void check(String s) {
        SpoolBuffer out = new SpoolBuffer();
        out.write('x');
        byte[] expected = reference(s);
        assertThat(out.plain(s)).as("plain %s", escaped(s)).isEqualTo(expected != null);
        if (expected != null) {
            assertThat(java.util.Arrays.copyOfRange(out.bytes(), 1, out.size())).as(escaped(s)).isEqualTo(expected);
        } else {
            assertThat(out.size()).isEqualTo(1);
        }
        SpoolBuffer slot = new SpoolBuffer();
        assertThat(slot.plainSlot(s)).isEqualTo(expected != null);
        assertThat(slot.size()).isEqualTo(expected == null ? 0 : expected.length + (expected.length << 1 < 0x80 ? 1 : 4));
    }

    /** The old check, a char at a time: the quoted bytes if plain, else null. */
    private static byte[] reference(String s) {
        byte[] b = new byte[s.length() + 2];
        b[0] = '"';
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
                return null;
            }
            b[i + 1] = (byte) c;
        }
        b[b.length - 1] = '"';
        return b;
    }

    private static String escaped(String s) {
        StringBuilder e = new StringBuilder();
        s.chars().forEach(c -> e.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format(java.util.Locale.ROOT, "\\u%04X", c)));
        return e.toString();
    }

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
