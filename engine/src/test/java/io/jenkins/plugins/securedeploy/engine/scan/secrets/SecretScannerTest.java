package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.EngineLog;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.host.FileSystemWorkspace;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.testing.InMemoryWorkspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretScannerTest {
    private static final String KEY = SecretExamples.awsAccessKeyId();
    private final SecretScanner scanner = new SecretScanner();

    private static InMemoryWorkspace workspace() {
        return new InMemoryWorkspace()
                .with("src/main/App.java", "class App {\n  String k = \"" + KEY + "\";\n}\n")
                .with("config/prod.env", "AWS_ACCESS_KEY_ID=" + KEY + "\n")
                .with("docs/README.md", "no secrets here\n");
    }

    @Test
    void shouldRedactTheSecretInTitlesAndKeepItOutOfTheResult() {
        ScanResult result = scanner.scan(workspace(), SecretScanOptions.defaults());

        assertThat(result.tool()).isEqualTo("secure-deploy-secrets");
        assertThat(result.findings()).hasSize(2);
        assertThat(result.findings()).allSatisfy(f -> {
            assertThat(f.title()).isEqualTo("AWS access key ID AKIA…(20 chars)");
            assertThat(f.fingerprint()).startsWith("secure-deploy-secrets:").doesNotContain(KEY);
        });
        assertThat(result.toString()).doesNotContain(KEY).doesNotContain(KEY.substring(4));
    }

    @Test
    void shouldGiveTheSameSecretInTwoFilesDifferentStableFingerprints() {
        List<Finding> first = scanner.scan(workspace(), SecretScanOptions.defaults()).findings();
        List<Finding> again = scanner.scan(workspace().with("docs/README.md", "moved\n\n\n"),
                SecretScanOptions.defaults()).findings();

        assertThat(first.get(0).fingerprint()).isNotEqualTo(first.get(1).fingerprint());
        assertThat(again).extracting(Finding::fingerprint)
                .containsExactlyElementsOf(first.stream().map(Finding::fingerprint).toList());
    }

    @Test
    void shouldHonourIncludeAndExcludeGlobsWithDoubleStarMatchingTopLevel() {
        InMemoryWorkspace ws = workspace().with("top.env", "A=" + KEY);

        List<Finding> onlyEnv = scanner.scan(ws, SecretScanOptions.defaults().withIncludes(List.of("**/*.env")))
                .findings();
        List<Finding> noConfig = scanner.scan(ws, SecretScanOptions.defaults().plusExcludes(List.of("config/**")))
                .findings();

        assertThat(onlyEnv).extracting(f -> f.location().file()).containsExactly("config/prod.env", "top.env");
        assertThat(noConfig).extracting(f -> f.location().file()).containsExactly("src/main/App.java", "top.env");
    }

    @Test
    void shouldSkipGitFoldersByDefault() {
        InMemoryWorkspace ws = new InMemoryWorkspace().with(".git/config", "x=" + KEY)
                .with("sub/.git/config", "x=" + KEY);

        assertThat(scanner.scan(ws, SecretScanOptions.defaults()).findings()).isEmpty();
    }

    @Test
    void shouldAllowListByPathRuleAndFingerprint() {
        ScanResult all = scanner.scan(workspace(), SecretScanOptions.defaults());
        String fp = all.findings().get(0).fingerprint();

        SecretAllowList byPath = SecretAllowList.none().withPathGlobs(List.of("config/**"));
        SecretAllowList byRule = SecretAllowList.none().withRuleIds(Set.of("aws-access-key-id"));
        SecretAllowList byFingerprint = SecretAllowList.none().withFingerprints(Set.of(fp));
        SecretAllowList byBareFingerprint = SecretAllowList.none()
                .withFingerprints(Set.of(fp.substring(fp.indexOf(':') + 1).toUpperCase(java.util.Locale.ROOT)));

        assertThat(findings(byPath)).extracting(f -> f.location().file()).containsExactly("src/main/App.java");
        assertThat(findings(byRule)).isEmpty();
        assertThat(findings(byFingerprint)).extracting(f -> f.location().file()).containsExactly("src/main/App.java");
        assertThat(findings(byBareFingerprint)).hasSize(1);
    }

    private List<Finding> findings(SecretAllowList allow) {
        return scanner.scan(workspace(), SecretScanOptions.defaults().withAllowList(allow)).findings();
    }

    @Test
    void shouldHonourInlineAllowMarkersForAllRulesOrNamedRules() {
        InMemoryWorkspace ws = new InMemoryWorkspace().with("a.py",
                "k1 = '" + KEY + "'  # secure-deploy:allow\n"
                        + "k2 = '" + KEY + "'  # secure-deploy:allow=jwt,aws-access-key-id\n"
                        + "k3 = '" + KEY + "'  # secure-deploy:allow=jwt\n");
        EngineLog log = new EngineLog("");

        List<Finding> findings = scanner.scan(ws, SecretScanOptions.defaults(), log).findings();

        assertThat(findings).extracting(f -> f.location().line()).containsExactly(3);
        assertThat(log.lines()).anySatisfy(l -> assertThat(l.text()).contains("2 allow-listed inline"));
    }

    @Test
    void shouldReportSkippedLargeAndBinaryFilesAsProblemsNotSilently() {
        InMemoryWorkspace ws = workspace().with("big.txt", "x".repeat(2000) + KEY)
                .with("image.png", "\u0000PNG " + KEY);

        ScanResult result = scanner.scan(ws, SecretScanOptions.defaults().withMaxFileSize(1000));

        assertThat(result.isError()).isFalse();
        assertThat(result.problems()).extracting(Problem::code, p -> p.location().file())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(SecretScanner.SKIPPED_TOO_LARGE, "big.txt"),
                        org.assertj.core.groups.Tuple.tuple(SecretScanner.SKIPPED_BINARY, "image.png"));
        assertThat(result.findings()).extracting(f -> f.location().file()).doesNotContain("big.txt", "image.png");
    }

    @Test
    void shouldStopAtTheSizeLimitWhenAFileGrowsWhileBeingRead() {
        InMemoryWorkspace ws = new InMemoryWorkspace().with("grows.log", "A=" + KEY + "\n" + "y".repeat(5000));
        io.jenkins.plugins.securedeploy.engine.host.Workspace lying = new ForwardingWorkspace(ws) {
            @Override
            public long size(String relativePath) {
                return 10;
            }
        };

        ScanResult result = scanner.scan(lying, SecretScanOptions.defaults().withMaxFileSize(1000));

        assertThat(result.isError()).isFalse();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(SecretScanner.SKIPPED_TOO_LARGE);
            assertThat(p.message()).contains("grew while being read");
        });
    }

    @Test
    void shouldFailClosedWhenAFileCannotBeRead(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("ok.env"), "A=" + KEY, StandardCharsets.UTF_8);
        FileSystemWorkspace real = new FileSystemWorkspace(dir);
        InMemoryWorkspace listed = new InMemoryWorkspace().with("ok.env", "A=" + KEY).with("gone.txt", "x");
        io.jenkins.plugins.securedeploy.engine.host.Workspace flaky = new ForwardingWorkspace(listed) {
            @Override
            public java.io.InputStream open(String relativePath) throws IOException {
                return real.open(relativePath);
            }
        };

        ScanResult result = scanner.scan(flaky, SecretScanOptions.defaults());

        assertThat(result.isError()).isTrue();
        assertThat(result.findings()).hasSize(1);
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(SecretScanner.READ_FAILED);
            assertThat(p.location().file()).isEqualTo("gone.txt");
        });
    }

    @Test
    void shouldRejectInvalidGlobsNamingTheField() {
        assertThatThrownBy(() -> scanner.scan(workspace(), SecretScanOptions.defaults().withExcludes(List.of("a[b"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("/excludes/0")
                .hasMessageContaining("a[b");
    }

    @Test
    void shouldFindSecretsInVeryLongLinesIncludingAcrossWindowBoundaries() {
        int window = 1024;
        StringBuilder line = new StringBuilder();
        for (int at : new int[] {10, window - 8, 5 * window - 3, 20 * window}) {
            line.append("x".repeat(at - line.length())).append(' ').append(KEY).append(' ');
        }
        InMemoryWorkspace ws = new InMemoryWorkspace().with("min.js", line + "\nnext " + KEY + "\n");

        List<Finding> findings = scanner.scan(ws, SecretScanOptions.defaults().withWindowChars(window)).findings();

        assertThat(findings).extracting(f -> f.location().line() + ":" + f.location().column())
                .containsExactly("1:12", "1:1018", "1:5119", "1:20482", "2:6");
    }
}
