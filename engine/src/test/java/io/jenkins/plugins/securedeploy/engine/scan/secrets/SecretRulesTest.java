package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.testing.InMemoryWorkspace;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SecretRulesTest {
    static Stream<Arguments> examples() {
        return SecretExamples.byRule().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    static Stream<Arguments> casedExamples() {
        List<String> cased = SecretRules.defaults().stream().filter(SecretRule::casedKeywords).map(SecretRule::id).toList();
        return examples().filter(a -> cased.contains((String) a.get()[0]));
    }

    @Test
    void shouldHaveAnExampleForEveryDefaultRule() {
        assertThat(SecretExamples.byRule().keySet())
                .containsExactlyInAnyOrderElementsOf(SecretRules.defaults().stream().map(SecretRule::id).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void shouldFindEachRulesCanonicalExampleExactlyOnce(String ruleId, String text) {
        ScanResult result = new SecretScanner().scan(new InMemoryWorkspace().with("src/example.txt",
                "first line\n" + text + "\nlast line\n"), SecretScanOptions.defaults());

        assertThat(result.isError()).isFalse();
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(ruleId);
            assertThat(f.tool()).isEqualTo(SecretScanner.TOOL);
            assertThat(f.category()).isEqualTo(Category.SECRET);
            assertThat(f.location().file()).isEqualTo("src/example.txt");
            assertThat(f.location().line()).isEqualTo(2);
            assertThat(f.location().column()).isPositive();
            assertThat(f.title()).contains("…(").contains(" chars)");
        });
    }

    @Test
    void shouldRateCloudAndPrivateKeysCritical() {
        Map<String, Severity> severities = SecretRules.defaults().stream()
                .collect(Collectors.toMap(SecretRule::id, SecretRule::severity));

        assertThat(severities).containsEntry("private-key", Severity.CRITICAL)
                .containsEntry("aws-access-key-id", Severity.CRITICAL)
                .containsEntry("aws-secret-access-key", Severity.CRITICAL)
                .containsEntry("google-api-key", Severity.CRITICAL);
    }

    @Test
    void shouldReportAKeyAssignedToATokenVariableOnceUnderTheSpecificRule() {
        String line = "GITHUB_TOKEN: \"" + "gh" + "p_" + SecretExamples.rnd(36, 40) + "\"";

        List<Finding> findings = new SecretScanner().scan(new InMemoryWorkspace().with("ci.yml", line),
                SecretScanOptions.defaults()).findings();

        assertThat(findings).extracting(Finding::ruleId).containsExactly("github-token");
    }

    @Test
    void shouldFindSeveralSecretsOnOneLine() {
        String line = "keys=" + SecretExamples.awsAccessKeyId() + "," + "gl" + "pat-" + SecretExamples.rnd(20, 41);

        List<Finding> findings = new SecretScanner().scan(new InMemoryWorkspace().with("a.txt", line),
                SecretScanOptions.defaults()).findings();

        assertThat(findings).extracting(Finding::ruleId).containsExactly("aws-access-key-id", "gitlab-pat");
        assertThat(findings).extracting(f -> f.location().column()).containsExactly(6, 27);
    }

    @Test
    void shouldFindAPrivateKeyWhoseLinesAreJsonEscapedOnOneLine() {
        String json = "{\"private_key\": \"" + SecretExamples.privateKeyBlock(7).replace("\n", "\\n") + "\"}";

        List<Finding> findings = new SecretScanner().scan(new InMemoryWorkspace().with("sa.json", json),
                SecretScanOptions.defaults()).findings();

        assertThat(findings).extracting(Finding::ruleId).containsExactly("private-key");
    }

    @Test
    void shouldFingerprintPrivateKeysByTheirKeyMaterialNotJustTheHeader() {
        InMemoryWorkspace ws = new InMemoryWorkspace().with("keys.pem",
                SecretExamples.privateKeyBlock(1) + SecretExamples.privateKeyBlock(2));

        List<Finding> findings = new SecretScanner().scan(ws, SecretScanOptions.defaults()).findings();

        assertThat(findings).hasSize(2);
        assertThat(findings.get(0).fingerprint()).isNotEqualTo(findings.get(1).fingerprint());
        assertThat(findings).extracting(f -> f.location().line()).containsExactly(1, 8);
    }

    /**
     * What lets the prefilter skip a line holding a cased rule's keyword only in another case: the rule's pattern,
     * tried where the keyword begins, matches the example with each of the rule's keywords in its case there, and with
     * any other case of it (every letter flipped alone, all upper, all lower) matches nowhere on the line.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("casedExamples")
    void shouldMatchACasedRuleOnlyWhereItsKeywordBeginsInItsCase(String ruleId, String text) {
        SecretRule rule = SecretRules.defaults().stream().filter(r -> r.id().equals(ruleId)).findFirst().orElseThrow();
        int tried = 0;
        for (String found : rule.keywords()) {
            for (int at = text.indexOf(found); at >= 0; at = text.indexOf(found, at + 1)) {
                if (!rule.pattern().matcher(text).region(at, text.length()).lookingAt()) {
                    continue; // the second "eyJ" of a JWT
                }
                for (String keyword : rule.keywords()) {
                    if (keyword.length() != found.length()) {
                        continue;
                    }
                    String with = text.substring(0, at) + keyword + text.substring(at + keyword.length());
                    assertThat(rule.pattern().matcher(with).region(at, with.length()).lookingAt())
                            .as(ruleId + " with " + keyword).isTrue();
                    for (String other : otherCases(keyword)) {
                        String wrong = text.substring(0, at) + other + text.substring(at + other.length());
                        assertThat(rule.pattern().matcher(wrong).region(at, wrong.length()).lookingAt())
                                .as(ruleId + " with " + other).isFalse();
                        if (text.indexOf(found, at + 1) < 0 && text.lastIndexOf(found, at - 1) < 0) {
                            assertThat(rule.pattern().matcher(wrong).find()).as(ruleId + " with " + other).isFalse();
                        }
                        tried++;
                    }
                }
            }
        }
        assertThat(tried).isPositive();
    }

    private static List<String> otherCases(String keyword) {
        java.util.Set<String> forms = new java.util.LinkedHashSet<>();
        forms.add(keyword.toUpperCase(java.util.Locale.ROOT));
        forms.add(keyword.toLowerCase(java.util.Locale.ROOT));
        for (int i = 0; i < keyword.length(); i++) {
            char c = keyword.charAt(i);
            char f = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
            forms.add(keyword.substring(0, i) + f + keyword.substring(i + 1));
        }
        forms.remove(keyword);
        return List.copyOf(forms);
    }

    @Test
    void shouldRejectCasedKeywordsForACaseInsensitivePattern() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SecretRule.cased("x", "x", Severity.LOW,
                "(?i)abc[0-9]+", "abc")).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SecretRule.cased("x", "x", Severity.LOW,
                "(?si:abc)[0-9]+", "abc")).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SecretRule("x", "x", Severity.LOW,
                List.of("abc"), java.util.regex.Pattern.compile("abc", java.util.regex.Pattern.CASE_INSENSITIVE), 0,
                false, true)).isInstanceOf(IllegalArgumentException.class);
        assertThat(SecretRule.cased("x", "x", Severity.LOW, "AbC[0-9]+", "AbC").keywords()).containsExactly("AbC");
        assertThat(SecretRule.of("x", "x", Severity.LOW, "AbC[0-9]+", "AbC").keywords()).containsExactly("abc");
    }

    @Test
    void shouldIgnoreWrongCaseOfCaseSensitivePrefixes() {
        String line = "akia" + "iosfodnn7example " + "GHP_" + SecretExamples.rnd(36, 42);

        assertThat(new SecretScanner().scan(new InMemoryWorkspace().with("a.txt", line),
                SecretScanOptions.defaults()).findings()).isEmpty();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "password: {V}",
        "\"db_password\": \"{V}\",",
        "export API_KEY={V}",
        "spring.datasource.password={V}",
        "$config['secret'] => '{V}';",
        "const clientSecret = `{V}`;",
        "ACCESS_KEY := \"{V}\""})
    void shouldFindGenericSecretsInCommonAssignmentForms(String template) {
        String line = template.replace("{V}", "hJ8kLmN2" + "pQ4rS6tV9w");
        List<Finding> findings = new SecretScanner().scan(new InMemoryWorkspace().with("conf.txt", line),
                SecretScanOptions.defaults()).findings();

        assertThat(findings).extracting(Finding::ruleId).containsExactly("generic-secret");
        assertThat(findings.get(0).title()).endsWith("hJ8k…(18 chars)");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "password: aaaaaaaaaaaaaaaaaaaa1",
        "password = \"${DB_PASSWORD}\"",
        "token == someOtherTokenValue12345",
        "tokenizer = hJ8kLmN2pQ4rS6tV9w",
        "password = '\" + userInput + \"'",
        "allow: secure-deploy-secrets:e056dfc1557ce1102d27b8b2b2d48772",
        "password: short1"})
    void shouldNotFindLowEntropyPlaceholderOrNonAssignmentValues(String line) {
        assertThat(new SecretScanner().scan(new InMemoryWorkspace().with("conf.txt", line),
                SecretScanOptions.defaults()).findings()).isEmpty();
    }
}
