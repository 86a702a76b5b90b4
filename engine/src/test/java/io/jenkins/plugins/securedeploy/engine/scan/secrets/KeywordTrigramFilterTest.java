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

/**
 * The trigram prefilter finds the line a naive search over every position finds, for any text and any range: keywords
 * at every alignment to the 16-byte blocks and to the ends of the range, bytes whose low five bits alias a keyword's
 * letters (digits, punctuation, bytes of 0x80 and more), keyword sets where one keyword contains another.
 */
class KeywordTrigramFilterTest {
    private static final List<String> KEYWORDS = SecretRules.defaults().stream()
            .flatMap(r -> r.keywords().stream()).map(k -> k.toLowerCase(Locale.ROOT)).distinct().toList();
    private static final KeywordTrigramFilter FILTER = new KeywordTrigramFilter(KEYWORDS);

    @Provide
    Arbitrary<String> textWithKeywords() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of(KEYWORDS),
                Arbitraries.of(KEYWORDS).map(k -> k.toUpperCase(Locale.ROOT)),
                Arbitraries.of(KEYWORDS).map(k -> k.substring(0, k.length() - 1)), // near misses
                Arbitraries.of(KEYWORDS).map(k -> k.substring(1)),
                Arbitraries.strings().withChars("ecrtoksaw_-\n\r\u00e4 ").ofMaxLength(12),
                Arbitraries.strings().withChars("0w4%5y*\u00d0\u00f7pwdEYJ\n@`").ofMaxLength(12), // five-bit aliases
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

    @Property(tries = 1000)
    void shouldFindTheFirstLineWithOnlySomeKeywords(@ForAll("textWithKeywords") String text,
            @ForAll("keywordSubsets") List<String> keywords, @ForAll("cuts") int fromCut) {
        KeywordTrigramFilter filter = new KeywordTrigramFilter(keywords);
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        int from = Math.min(fromCut, b.length);
        int hit = filter.firstHit(b, from, b.length);
        int naive = naiveFirstStart(b, from, b.length, keywords);
        if (naive < 0) {
            assertThat(hit).isEqualTo(-1);
            return;
        }
        assertThat(lineOf(b, hit)).isEqualTo(lineOf(b, naive));
        assertThat(keywords.stream().anyMatch(k -> endsAt(b, from, hit, k))).isTrue();
    }

    @Provide
    Arbitrary<List<String>> keywordSubsets() {
        return Arbitraries.of(KEYWORDS).list().ofMinSize(1).ofMaxSize(6).uniqueElements();
    }

    @Test
    void shouldFindKeywordsAtEveryOffsetAndRangeEnd() {
        for (String k : KEYWORDS) {
            for (int pad = 0; pad < 40; pad++) {
                for (int from = 0; from < 3 && from <= pad; from++) {
                    byte[] b = ("y".repeat(pad) + k + "\n").getBytes(StandardCharsets.US_ASCII);
                    int end = pad + k.length();
                    for (int to = end; to <= b.length; to++) { // ending exactly at the keyword: the window is cut
                        int hit = FILTER.firstHit(b, from, to);
                        assertThat(hit).as(k + " at " + pad + " in [" + from + ", " + to + ")").isBetween(pad, end - 1);
                    }
                    int cut = FILTER.firstHit(b, from, end - 1);
                    int inside = naiveFirstStart(b, from, end - 1); // "secret_access_key" cut short holds "secret"
                    assertThat(cut).as(k + " cut short at " + pad).isEqualTo(inside < 0 ? -1 : cut).isLessThan(end - 1);
                    int later = FILTER.firstHit(b, pad + 1, b.length);
                    assertThat(later < 0).as(k + " from its second byte").isEqualTo(naiveFirstStart(b, pad + 1, b.length) < 0);
                }
            }
        }
    }

    /**
     * The block loop reads the next block's first eight bytes ahead: a keyword at every offset of a text several
     * blocks long, with the range ending at every point from the keyword's end on, is found; text without one never.
     */
    @Test
    void shouldFindKeywordsAcrossBlocksWhereverTheRangeEnds() {
        String filler = "The quick brown fox, 0123456789 (*&^%$#@!) jumps over lazy dogs; ".repeat(2);
        byte[] none = filler.getBytes(StandardCharsets.US_ASCII);
        for (int from = 0; from < 20; from++) {
            for (int to = from; to <= none.length; to++) {
                assertThat(FILTER.firstHit(none, from, to)).as("[" + from + ", " + to + ")").isEqualTo(-1);
            }
        }
        for (String k : List.of("pwd", "eyj", "token", "secret", "github_pat_", "-----begin")) {
            for (int at = 0; at < 70; at++) {
                byte[] b = (filler.substring(0, at) + k + filler.substring(at)).getBytes(StandardCharsets.US_ASCII);
                int end = at + k.length();
                for (int from = 0; from <= at && from < 3; from++) {
                    for (int to = end; to <= b.length; to++) {
                        assertThat(FILTER.firstHit(b, from, to)).as(k + " at " + at + " in [" + from + ", " + to + ")")
                                .isBetween(at, end - 1);
                    }
                }
            }
        }
    }

    @Test
    void shouldNotTakeFiveBitAliasesForKeywords() {
        // '0' & 0x1F is 'p' & 0x1F, '7' is 'w', '$' is 'd', 0xC5 is 'e', '9' is 'y', '*' is 'j': every window matches
        byte[] aliases = "0 07$ \u00c59* P7d 0wD".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(FILTER.firstHit(aliases, 0, aliases.length)).isEqualTo(-1);
        byte[] real = "0 07$ \u00c59* PwD".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(FILTER.firstHit(real, 0, real.length)).isEqualTo(real.length - 1);
    }

    @Test
    void shouldFindAKeywordThatContainsAnotherWhenOnlyItIsAKeyword() {
        KeywordTrigramFilter only = new KeywordTrigramFilter(List.of("secret_access_key"));
        byte[] b = "a secret here\nand SECRET_ACCESS_KEY there".getBytes(StandardCharsets.US_ASCII);
        assertThat(only.firstHit(b, 0, b.length)).isEqualTo(b.length - " there".length() - 1);
        KeywordTrigramFilter both = new KeywordTrigramFilter(List.of("secret_access_key", "Secret"));
        assertThat(both.firstHit(b, 0, b.length)).isEqualTo("a secret".length() - 1);
    }

    /** The default rules' keywords as the detector hands them over: a cased rule's as written, flagged. */
    private static final List<String> RULE_KEYWORDS = SecretRules.defaults().stream()
            .flatMap(r -> r.keywords().stream()).toList();
    private static final boolean[] RULE_CASED = casedFlags();
    private static final KeywordTrigramFilter CASED = new KeywordTrigramFilter(RULE_KEYWORDS, RULE_CASED);

    private static boolean[] casedFlags() {
        List<Boolean> flags = SecretRules.defaults().stream()
                .flatMap(r -> r.keywords().stream().map(k -> r.casedKeywords())).toList();
        boolean[] cased = new boolean[flags.size()];
        for (int i = 0; i < cased.length; i++) {
            cased[i] = flags.get(i);
        }
        return cased;
    }

    @Provide
    Arbitrary<String> textWithCasedKeywords() {
        Arbitrary<String> keyword = Arbitraries.of(RULE_KEYWORDS);
        Arbitrary<String> pieces = Arbitraries.oneOf(
                keyword,
                keyword.map(k -> k.toUpperCase(Locale.ROOT)),
                keyword.map(k -> k.toLowerCase(Locale.ROOT)),
                Arbitraries.integers().between(0, 40).flatMap(i -> keyword.map(k -> flipCase(k, i))),
                Arbitraries.strings().withChars("asiASIkeyJEYbgnBGN-_\n").ofMaxLength(12),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(20));
        return pieces.list().ofMaxSize(30).map(l -> String.join("", l));
    }

    @Property(tries = 3000)
    void shouldFindCasedKeywordsOnlyInTheirCase(@ForAll("textWithCasedKeywords") String text,
            @ForAll("cuts") int fromCut, @ForAll("cuts") int toCut) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        int from = Math.min(fromCut, b.length);
        int to = Math.max(from, b.length - Math.min(toCut, b.length));
        int hit = CASED.firstHit(b, from, to);
        int naive = naiveFirstCasedStart(b, from, to);
        if (naive < 0) {
            assertThat(hit).isEqualTo(-1);
            return;
        }
        assertThat(hit).isBetween(from, to - 1);
        assertThat(lineOf(b, hit)).isEqualTo(lineOf(b, naive));
    }

    @Test
    void shouldFindACasedKeywordAtEveryOffsetOnlyInItsCase() {
        for (int k = 0; k < RULE_KEYWORDS.size(); k++) {
            if (!RULE_CASED[k]) {
                continue;
            }
            String word = RULE_KEYWORDS.get(k);
            List<String> forms = java.util.stream.Stream.of(word, word.toUpperCase(Locale.ROOT),
                    word.toLowerCase(Locale.ROOT), flipCase(word, 0), flipCase(word, word.length() - 1))
                    .distinct().toList();
            for (String form : forms) {
                for (int pad = 0; pad < 40; pad++) {
                    byte[] b = ("y".repeat(pad) + form + "\n").getBytes(StandardCharsets.US_ASCII);
                    int end = pad + form.length();
                    for (int from = 0; from < 3 && from <= pad; from++) {
                        for (int to = end - 1; to <= b.length; to++) {
                            int hit = CASED.firstHit(b, from, to);
                            String what = form + " at " + pad + " in [" + from + ", " + to + ")";
                            if (form.equals(word) && to >= end) {
                                assertThat(hit).as(what).isBetween(pad, end - 1);
                            } else if (naiveFirstCasedStart(b, from, to) < 0) {
                                assertThat(hit).as(what).isEqualTo(-1); // another case, or cut short
                            } else {
                                assertThat(hit).as(what).isBetween(from, to - 1);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void shouldLeaveACasedKeywordToAKeywordThatCoversIt() {
        byte[] b = "Asia/Tokyo\nASIA".getBytes(StandardCharsets.US_ASCII);
        assertThat(new KeywordTrigramFilter(List.of("ASIA"), new boolean[] {true}).firstHit(b, 0, b.length))
                .isEqualTo(b.length - 1);
        assertThat(new KeywordTrigramFilter(List.of("ASIA", "asia"), new boolean[] {true, false})
                .firstHit(b, 0, b.length)).isEqualTo(3);
        byte[] s = "a Secret here\nSECRET_ACCESS_KEY".getBytes(StandardCharsets.US_ASCII);
        assertThat(new KeywordTrigramFilter(List.of("SECRET_ACCESS_KEY", "secret"), new boolean[] {true, false})
                .firstHit(s, 0, s.length)).isEqualTo("a Secret".length() - 1);
        // a cased keyword covers only what holds it in its case
        assertThat(new KeywordTrigramFilter(List.of("SECRET_ACCESS_KEY", "SECRET"), new boolean[] {true, true})
                .firstHit(s, 0, s.length)).isEqualTo(s.length - "_ACCESS_KEY".length() - 1);
        assertThat(new KeywordTrigramFilter(List.of("secret_access_key", "SECRET"), new boolean[] {false, true})
                .firstHit("x\nsecret_access_key".getBytes(StandardCharsets.US_ASCII), 0, 19)).isEqualTo(18);
    }

    private static String flipCase(String k, int at) {
        int i = at % k.length();
        char c = k.charAt(i);
        char f = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
        return k.substring(0, i) + f + k.substring(i + 1);
    }

    private static int naiveFirstCasedStart(byte[] b, int from, int to) {
        for (int s = from; s < to; s++) {
            for (int k = 0; k < RULE_KEYWORDS.size(); k++) {
                String word = RULE_KEYWORDS.get(k);
                if (RULE_CASED[k] ? startsExactlyAt(b, s, to, word)
                        : startsAt(b, s, to, word.toLowerCase(Locale.ROOT))) {
                    return s;
                }
            }
        }
        return -1;
    }

    private static boolean startsExactlyAt(byte[] b, int s, int to, String k) {
        if (s + k.length() > to) {
            return false;
        }
        for (int j = 0; j < k.length(); j++) {
            if (b[s + j] != k.charAt(j)) {
                return false;
            }
        }
        return true;
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
        assertThatThrownBy(() -> new KeywordTrigramFilter(List.of("ab"))).isInstanceOf(IllegalArgumentException.class);
    }

    private static int naiveFirstStart(byte[] b, int from, int to) {
        return naiveFirstStart(b, from, to, KEYWORDS);
    }

    private static int naiveFirstStart(byte[] b, int from, int to, List<String> keywords) {
        for (int s = from; s < to; s++) {
            for (String k : keywords) {
                if (startsAt(b, s, to, k)) {
                    return s;
                }
            }
        }
        return -1;
    }

    private static boolean endsAt(byte[] b, int from, int end, String k) {
        int s = end - k.length() + 1;
        k = k.toLowerCase(Locale.ROOT);
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
