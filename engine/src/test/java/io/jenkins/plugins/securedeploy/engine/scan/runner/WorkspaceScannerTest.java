package io.jenkins.plugins.securedeploy.engine.scan.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.host.FileSystemWorkspace;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scanners named by id, as runScanners(tools: [...]) names them (issue 11 E: the built-in scanner needs no setup). */
class WorkspaceScannerTest {
    @TempDir
    Path dir;

    private static String awsKeyId() {
        Random r = new Random(11);
        StringBuilder sb = new StringBuilder("AKIA");
        for (int i = 0; i < 16; i++) {
            sb.append("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".charAt(r.nextInt(32)));
        }
        return sb.toString();
    }

    @Test
    void shouldRunTheBuiltInSecretScannerWithoutAnyResolver() throws IOException {
        String key = awsKeyId();
        Files.writeString(dir.resolve("deploy.env"), "AWS_ACCESS_KEY_ID=" + key + "\n", StandardCharsets.UTF_8);
        List<ScanResult> results = new WorkspaceScanner().scan(List.of("secure-deploy-secrets"), id -> {
            throw new AssertionError("the built-in scanner must not be resolved to a command: " + id);
        }, new FileSystemWorkspace(dir));

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.tool()).isEqualTo("secure-deploy-secrets");
            assertThat(r.isError()).isFalse();
            assertThat(r.findings()).singleElement().satisfies(f -> {
                assertThat(f.category()).isEqualTo(Category.SECRET);
                assertThat(f.location().file()).isEqualTo("deploy.env");
            });
            assertThat(r.toString()).doesNotContain(key);
        });
    }

    @Test
    void shouldTurnARefusedIdAndAToolThatCannotStartIntoErrorResultsInOrder() {
        List<ScanResult> results = new WorkspaceScanner().scan(List.of("trivy", "bandit", "secure-deploy-secrets"),
                id -> {
                    if (id.equals("trivy")) {
                        throw new InvalidInputException(Problem.of("scan.unknown-tool", "scanner 'trivy' is not "
                                + "configured", Location.ofFile("runScanners")));
                    }
                    return ToolSpec.stdoutReport("bandit", dir.resolve("no-such-bandit").toString(), List.of(),
                            ExitCodePolicy.zeroOr(1), Duration.ofSeconds(10));
                }, new FileSystemWorkspace(dir));

        assertThat(results).extracting(ScanResult::tool).containsExactly("trivy", "bandit", "secure-deploy-secrets");
        assertThat(results.get(0).isError()).isTrue();
        assertThat(results.get(0).problems()).extracting(Problem::message).singleElement().asString()
                .contains("not configured");
        assertThat(results.get(1).isError()).as("a tool that does not start fails closed").isTrue();
        assertThat(results.get(1).problems()).extracting(Problem::code).containsExactly("scan.tool-missing");
        assertThat(results.get(2).isError()).isFalse();
        assertThat(results.get(2).findings()).isEmpty();
    }

    @Test
    void shouldKnowTheBuiltInScannerAndEveryReportFormat() {
        assertThat(WorkspaceScanner.isBuiltIn("secure-deploy-secrets")).isTrue();
        assertThat(WorkspaceScanner.isBuiltIn("bandit")).isFalse();
        assertThat(WorkspaceScanner.knownIds()).first().isEqualTo("secure-deploy-secrets");
        assertThat(WorkspaceScanner.knownIds()).contains("bandit", "shellcheck", "trivy", "sarif");
    }
}
