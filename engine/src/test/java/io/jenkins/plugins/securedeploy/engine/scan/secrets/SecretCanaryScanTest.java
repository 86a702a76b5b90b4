package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.EngineLog;
import io.jenkins.plugins.securedeploy.engine.host.Workspace;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.testing.InMemoryWorkspace;
import io.jenkins.plugins.securedeploy.engine.testing.SecretCanary;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The canary, planted as a generic secret, is found but never reproduced by the scan. */
class SecretCanaryScanTest {
    private final SecretCanary canary = SecretCanary.create();

    private InMemoryWorkspace workspace() {
        return new InMemoryWorkspace()
                .with("deploy/.env", "DB_PASSWORD='" + canary.value() + "'\n")
                .with("config/app.yml", "db:\n  password: \"" + canary.value().replace("\"", "\\\"") + "\"\n")
                .with("src/Main.java", "class Main { String apiKey = \"" + canary.value().replace("\"", "\\\"")
                        + "\"; }\n");
    }

    @Test
    void shouldFindTheCanaryWithoutRevealingItAnywhere() {
        EngineLog log = new EngineLog("");
        ScanResult result = new SecretScanner().scan(workspace(), SecretScanOptions.defaults(), log);

        assertThat(result.findings()).extracting(Finding::ruleId)
                .containsExactly("generic-secret", "generic-secret", "generic-secret");
        assertAbsentFrom(result);
        canary.assertAbsentFromLines("engine log", log.lines().stream().map(EngineLog.Line::text).toList());
    }

    @Test
    void shouldNotRevealTheCanaryWhenReadingFailsMidFile() {
        Workspace failing = new ForwardingWorkspace(workspace()) {
            @Override
            public InputStream open(String relativePath) throws IOException {
                return new FilterInputStream(super.open(relativePath)) {
                    private int reads;

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        if (reads++ > 0) {
                            throw new IOException("disk gone after " + new String(b, 0, Math.min(len, 64),
                                    java.nio.charset.StandardCharsets.UTF_8));
                        }
                        return super.read(b, off, len);
                    }
                };
            }
        };
        EngineLog log = new EngineLog("");

        ScanResult result = new SecretScanner().scan(failing, SecretScanOptions.defaults(), log);

        assertThat(result.isError()).isTrue();
        assertAbsentFrom(result);
        canary.assertAbsentFromLines("engine log", log.lines().stream().map(EngineLog.Line::text).toList());
    }

    @Test
    void shouldNotRevealTheCanaryInDetectionDescriptions() {
        List<Detection> detections = new SecretDetector(SecretRules.defaults())
                .detect("password = '" + canary.value() + "'");

        assertThat(detections).hasSize(1);
        canary.assertAbsent("detection", detections.toString());
    }

    private void assertAbsentFrom(ScanResult result) {
        canary.assertAbsent("scan result", result.toString());
        for (Finding f : result.findings()) {
            canary.assertAbsent("finding", f.toString());
            canary.assertAbsent("finding title", f.title());
            canary.assertAbsent("finding fingerprint", f.fingerprint());
            canary.assertAbsent("finding rule", f.ruleId());
            canary.assertAbsent("finding location", f.location().describe());
            canary.assertAbsent("finding ids", String.join(",", f.ids()));
        }
        result.problems().forEach(p -> canary.assertAbsent("problem", p.describe()));
    }
}
