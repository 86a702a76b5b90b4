package io.jenkins.plugins.securedeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.testing.SecretCanary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job end to end, as a user runs it: the shaded jar on the real sample project with the real bandit and
 * shellcheck (installed by .ci/install-peers). The sample has a new HIGH finding, so the gate must fail with that
 * reason, write the report and SBOM, and the injected deploy token must appear in no output in any encoding.
 */
class DemoITest {
    @TempDir
    Path out;

    @Test
    void shouldGateTheSampleProjectAndKeepTheTokenOutOfEveryOutput() throws Exception {
        SecretCanary canary = SecretCanary.create();
        ProcessBuilder pb = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                System.getProperty("secureDeploy.jar"), "demo",
                "--samples", System.getProperty("secureDeploy.samples"), "--out", out.toString()));
        pb.environment().put("DEMO_DEPLOY_TOKEN", canary.value());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();

        assertThat(p.exitValue()).as(output).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(output)
                .contains("deploy token injected for this job: ****")
                .contains("scan       bandit                 OK, 5 findings")
                .contains("scan       shellcheck             OK, 2 findings")
                .contains("Gate FAILED")
                .contains("thresholds.new.high: 1 new HIGH finding(s) (max 0)")
                .contains("    - HIGH bandit B602 at src/app.py:13: ");
        assertThat(out.resolve("report/index.html")).exists();
        assertThat(Files.readString(out.resolve("report/gate-report.json"), StandardCharsets.UTF_8))
                .contains("\"B602\"").contains("\"SC2164\"");
        assertThat(Files.readString(out.resolve("sbom.cdx.json"), StandardCharsets.UTF_8))
                .contains("\"specVersion\" : \"1.6\"").contains("pkg:npm/express@");
        canary.assertAbsent("demo output", output);
        canary.assertAbsentFromDirectory(out);
    }
}
