package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.testing.InMemoryWorkspace;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class SecretScannerPropertiesTest {
    private static final List<String> KEYWORDS = SecretRules.defaults().stream()
            .flatMap(r -> r.keywords().stream()).map(k -> k.toLowerCase(Locale.ROOT)).toList();

    @Provide
    Arbitrary<String> textWithoutKeywords() {
        Arbitrary<Character> chars = Arbitraries.oneOf(
                Arbitraries.chars().range(' ', '~'),
                Arbitraries.chars().with('\n', '\t', '\r', '=', ':', '"', '\'', '-', '_'),
                Arbitraries.chars().range('A', 'Z'),
                Arbitraries.chars().range('0', '9'),
                Arbitraries.chars().range('\u00a0', '\u024f'));
        return chars.list().ofMaxSize(2000).map(cs -> {
            StringBuilder sb = new StringBuilder(cs.size());
            cs.forEach(sb::append);
            return sb.toString();
        }).filter(s -> KEYWORDS.stream().noneMatch(s.toLowerCase(Locale.ROOT)::contains));
    }

    @Property(tries = 200)
    void shouldNeverFindAnythingInTextWithoutAnyRuleKeyword(@ForAll("textWithoutKeywords") String text) {
        assertThat(new SecretScanner().scan(new InMemoryWorkspace().with("random.txt", text),
                SecretScanOptions.defaults()).findings()).isEmpty();
    }

    @Property(tries = 100)
    void shouldFindAKeyOnceWhereverItSitsInALongLine(@ForAll @IntRange(min = 0, max = 5000) int at) {
        String key = SecretExamples.awsAccessKeyId();
        String line = "-".repeat(at) + " " + key + " " + "-".repeat(3000);

        var findings = new SecretScanner().scan(new InMemoryWorkspace().with("long.txt", line),
                SecretScanOptions.defaults().withWindowChars(1024)).findings();

        assertThat(findings).singleElement().satisfies(f -> assertThat(f.location().column()).isEqualTo(at + 2));
    }
}
