package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The pair prefilter finds the line a naive search over every position finds, for any text and any range. */
class KeywordPairFilterTest {
    private static final List<String> KEYWORDS = SecretRules.defaults().stream()
            .flatMap(r -> r.keywords().stream()).distinct().toList();
    private static final KeywordPairFilter FILTER = new KeywordPairFilter(KEYWORDS);

    @Provide
    Arbitrary<String> textWithKeywords() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of(KEYWORDS),
                Arbitraries.of(KEYWORDS).map(k -> k.toUpperCase(Locale.ROOT)),
                Arbitraries.of(KEYWORDS).map(k -> k.substring(0, k.length() - 1)), // near misses
                Arbitraries.of(KEYWORDS).map(k -> k.substring(1)),
                Arbitraries.strings().withChars("ecrtoksaw_-\n\r\u00e4 ").ofMaxLength(12),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(20));
        return pieces.list().ofMaxSize(30).map(l -> String.join("", l));
    }

    @Property(tries = 3000)
    void shouldFindAKeywordOnTheFirstLineHoldingOne(@ForAll("textWithKeywords") String text,
            @ForAll("cuts") int fromCut, @ForAll("cuts") int toCut) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        int from = Math.min(fromCut, b.length);
        int to = Math.max(from, b.length - Math.min(toCut, b.length));
        int hit = FILTER.firstHit(b, from, to);
        int naive = naiveFirstStart(b, from, to);
        if (naive < 0) {
            assertThat(hit).isEqualTo(-1);
            return;
        }
        assertThat(hit).isBetween(from, to - 1);
        assertThat(lineOf(b, hit)).isEqualTo(lineOf(b, naive));
        assertThat(KEYWORDS.stream().anyMatch(k -> endsAt(b, from, hit, k))).as("a keyword ends at the hit").isTrue();
    }

    @Provide
    Arbitrary<Integer> cuts() {
        return Arbitraries.integers().between(0, 12);
    }

    @Test
    void shouldFindKeywordsAtEveryAlignment() {
        for (String k : KEYWORDS) {
            for (int pad = 0; pad < 17; pad++) {
                byte[] b = ("x".repeat(pad) + k.toUpperCase(Locale.ROOT) + "\nsecret").getBytes(StandardCharsets.US_ASCII);
                int start = pad;
                List<Integer> ends = KEYWORDS.stream().filter(k2 -> startsAt(b, start, b.length, k2))
                        .map(k2 -> start + k2.length() - 1).toList(); // "secret" also starts "secretaccesskey"
                assertThat(FILTER.firstHit(b, 0, b.length)).as(k + " after " + pad).isIn(ends);
                assertThat(FILTER.firstHit(b, pad + 1, b.length)).as(k + " from inside").isGreaterThan(pad + 1);
            }
        }
        assertThatThrownBy(() -> new KeywordPairFilter(List.of("ab"))).isInstanceOf(IllegalArgumentException.class);
    }

    private static int naiveFirstStart(byte[] b, int from, int to) {
        for (int s = from; s < to; s++) {
            for (String k : KEYWORDS) {
                if (startsAt(b, s, to, k)) {
                    return s;
                }
            }
        }
        return -1;
    }

    private static boolean endsAt(byte[] b, int from, int end, String k) {
        int s = end - k.length() + 1;
        return s >= from && startsAt(b, s, end + 1, k);
    }

    private static boolean startsAt(byte[] b, int s, int to, String k) {
        if (s + k.length() > to) {
            return false;
        }
        for (int j = 0; j < k.length(); j++) {
            int c = b[s + j];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != k.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    private static int lineOf(byte[] b, int at) {
        int line = 0;
        for (int i = 0; i < at; i++) {
            line += b[i] == '\n' ? 1 : 0;
        }
        return line;
    }
}
