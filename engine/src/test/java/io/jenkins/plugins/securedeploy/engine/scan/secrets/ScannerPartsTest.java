package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScannerPartsTest {
    @Test
    void shouldFindOverlappingKeywordsCaseInsensitively() {
        KeywordAutomaton automaton = new KeywordAutomaton(List.of("he", "she", "hers", "his"));
        List<String> hits = new ArrayList<>();

        automaton.scan("uSHErs ähis", (k, start) -> hits.add(k + "@" + start));

        assertThat(hits).containsExactlyInAnyOrder("1@1", "0@2", "2@2", "3@8");
    }

    @Test
    void shouldSplitLinesAndWindowLongOnesWithOverlap() throws IOException {
        String text = "ab\r\n\n" + "x".repeat(25) + "\nlast";
        List<String> segments = new ArrayList<>();
        LineWindows windows = new LineWindows(10, 3)
                .to((t, line, col, seen) -> segments.add(line + ":" + col + ":" + seen + ":" + t.length()));

        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i += 4) {
            windows.feed(chars, i, Math.min(chars.length, i + 4)); // pieces do not change the split
        }
        windows.finish();

        assertThat(segments).containsExactly("1:0:0:2", "2:0:0:0", "3:0:0:10", "3:7:3:10", "3:14:3:10",
                "3:21:3:4", "4:0:0:4");
        List<String> old = new ArrayList<>();
        SequentialSecretScanner.read(new StringReader(text), 10, 3,
                (t, line, col, seen) -> old.add(line + ":" + col + ":" + seen + ":" + t.length()));
        assertThat(segments).isEqualTo(old);
    }

    @Test
    void shouldFindTheFirstKeywordInBytesAsInTheDecodedText() {
        KeywordAutomaton automaton = new KeywordAutomaton(List.of("he", "she", "hers", "x"));
        byte[] text = "uSH\u00e4Ers \u00e4hiS".getBytes(StandardCharsets.UTF_8);

        assertThat(automaton.firstHit(text, 0, text.length)).isEqualTo(-1); // a non-ASCII byte breaks "she", "hers"
        assertThat(automaton.scan(new String(text, StandardCharsets.UTF_8), (k, at) -> { })).isFalse();
        assertThat(automaton.firstHit("aaaax".getBytes(StandardCharsets.UTF_8), 0, 5)).isEqualTo(4);
        assertThat(automaton.firstHit("uSHErs".getBytes(StandardCharsets.UTF_8), 0, 6)).isEqualTo(3);
        assertThat(automaton.firstHit("uSHErs".getBytes(StandardCharsets.UTF_8), 2, 6)).isEqualTo(3);
        assertThat(automaton.firstHit("uSHErs".getBytes(StandardCharsets.UTF_8), 3, 6)).isEqualTo(-1);
    }

    @Test
    void shouldFindTheFirstKeywordThroughTheGramTableWhenEveryKeywordHasThreeBytes() {
        KeywordAutomaton automaton = new KeywordAutomaton(List.of("token", "secret", "sec_x", "pwd"));
        for (String prefix : List.of("", "a", "ab", "abc", "x\u00e4\u00e4 ")) {
            byte[] b = (prefix + "toke SeCrEt pwd").getBytes(StandardCharsets.UTF_8);
            int at = b.length - "SeCrEt pwd".length();
            assertThat(automaton.firstHit(b, 0, b.length)).as(prefix).isEqualTo(at + 5);
            assertThat(automaton.firstHit(b, at + 1, b.length)).as(prefix).isEqualTo(b.length - 1);
            assertThat(automaton.firstHit(b, 0, b.length - 1)).as(prefix).isEqualTo(at + 5);
            assertThat(automaton.firstHit(b, at + 1, b.length - 1)).as(prefix).isEqualTo(-1);
        }
    }

    @Test
    void shouldCountNewlinesAndSniffNulBytesEightAtATime() {
        byte[] b = ("a\nb\n\n" + "x".repeat(17) + "\n\u0080\n").getBytes(StandardCharsets.UTF_8);
        for (int from = 0; from < b.length; from++) {
            for (int to = from; to <= b.length; to++) {
                int expected = 0;
                for (int i = from; i < to; i++) {
                    expected += b[i] == '\n' ? 1 : 0;
                }
                assertThat(ByteLineScanner.countNewlines(b, from, to)).isEqualTo(expected);
            }
        }
        byte[] z = new byte[40];
        java.util.Arrays.fill(z, (byte) 0x80);
        assertThat(ByteLineScanner.hasZeroByte(z, 0, 40)).isFalse();
        z[37] = 0;
        assertThat(ByteLineScanner.hasZeroByte(z, 0, 40)).isTrue();
        assertThat(ByteLineScanner.hasZeroByte(z, 0, 37)).isFalse();
        z[3] = 0;
        assertThat(ByteLineScanner.hasZeroByte(z, 0, 8)).isTrue();
    }

    @Test
    void shouldComputeShannonEntropy() {
        assertThat(ValueFilters.shannonEntropy("aaaa")).isZero();
        assertThat(ValueFilters.shannonEntropy("abcd")).isCloseTo(2.0, within(1e-9));
        assertThat(ValueFilters.shannonEntropy("0123456789abcdef")).isCloseTo(4.0, within(1e-9));
    }

    @Test
    void shouldTreatPlaceholdersAndReferencesAsNotSecrets() {
        assertThat(List.of("${DB_PASSWORD_FROM_VAULT}", "$DATABASE_PASSWORD_1", "{{ vault_db_password }}",
                "<your-password-here1>", "xxxxxxxxxxxxxxxxxxxx", "changeme-changeme-1", "example-token-123456",
                "process.env.DB_PASSWORD", "AccessTokenResponse", "X-Auth-Token-Header-Name",
                "https://oauth2.googleapis.com/token", "/run/secrets/db_password", "settings.SECRET_KEY"))
                .allSatisfy(v -> assertThat(ValueFilters.isPlaceholder(v)).as(v).isTrue());
        assertThat(List.of("Zq8#rT2!mK9$vL4@pX7w", "5f4dcc3b5aa765d61d8327deb882cf99", "hunter2hunter2hunter2-9"))
                .allSatisfy(v -> assertThat(ValueFilters.isPlaceholder(v)).as(v).isFalse());
    }

    @Test
    void shouldPreviewWithoutRevealingShortSecrets() {
        assertThat(Redaction.preview("AKIA" + "IOSFODNN7EXAMPLE")).isEqualTo("AKIA…(20 chars)");
        assertThat(Redaction.preview("short-secret")).isEqualTo("shor…(12 chars)");
        assertThat(Redaction.preview("tiny")).isEqualTo("…(4 chars)");
        assertThat(Redaction.preview("\u001b[3mabcdefghijkl")).startsWith("?[3m");
    }

    /** The default rules are compiled once per JVM; their detector tables are shared, each thread gets its own matchers. */
    @Test
    void shouldShareTheDefaultTablesAcrossThreadsWithTheSameDetections() throws Exception {
        assertThat(SecretRules.defaults()).isSameAs(SecretRules.defaults());
        String line = "aws_access_key_id = " + "AKIA" + "IOSFODNN7EXAMPLE" + " password = 'Zx9#qL2!vB7@kP4$'";
        List<Detection> expected = new SecretDetector(SecretRules.defaults()).detect(line);
        assertThat(expected).isNotEmpty();

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<List<String>>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> {
                    SecretDetector d = SecretDetector.of(new ArrayList<>(SecretRules.defaults()));
                    List<String> seen = new ArrayList<>();
                    for (int i = 0; i < 200; i++) {
                        seen = d.detect(line).stream().map(x -> x.rule().id() + "@" + x.start() + "-" + x.end())
                                .toList();
                    }
                    return seen;
                }));
            }
            List<String> want = expected.stream().map(x -> x.rule().id() + "@" + x.start() + "-" + x.end()).toList();
            for (java.util.concurrent.Future<List<String>> run : runs) {
                assertThat(run.get()).isEqualTo(want);
            }
        } finally {
            pool.shutdown();
        }
    }
}
