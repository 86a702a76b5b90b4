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
