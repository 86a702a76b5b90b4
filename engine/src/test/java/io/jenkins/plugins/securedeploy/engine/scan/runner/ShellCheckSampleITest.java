package io.jenkins.plugins.securedeploy.engine.scan.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The installed ShellCheck (Debian bookworm: 0.9.0) on samples/app, through the runner and the parser. */
class ShellCheckSampleITest {
    @BeforeAll
    static void shellcheckInstalled() {
        SampleProject.requireOnPath("shellcheck");
    }

    @Test
    void shouldFindTheKnownDefectsOfTheDeployScript() {
        ToolScan scan = new ScanService().scan(
                DefaultToolSpecs.shellcheck(List.of("scripts/deploy.sh"), Duration.ofMinutes(5)), SampleProject.app());

        assertThat(scan.run().outcome()).isEqualTo(ToolRun.Outcome.FINDINGS);
        assertThat(scan.result().isError()).as("problems: %s", scan.result().problems()).isFalse();
        assertThat(scan.result().findings())
                .extracting(Finding::ruleId, Finding::severity, Finding::location)
                .containsExactly(
                        tuple("SC2164", Severity.MEDIUM, Location.of("scripts/deploy.sh", 4, 1)),
                        tuple("SC2086", Severity.LOW, Location.of("scripts/deploy.sh", 5, 23)));
        assertThat(scan.result().findings().get(0).title()).contains("cd ... || exit");
    }

    @Test
    void shouldFailClosedWhenShellCheckCannotReadTheFile() {
        ToolScan scan = new ScanService().scan(
                DefaultToolSpecs.shellcheck(List.of("scripts/missing.sh"), Duration.ofMinutes(5)), SampleProject.app());

        assertThat(scan.run().exitCode()).isEqualTo(2);
        assertThat(scan.result().isError()).isTrue();
        assertThat(scan.result().problems().get(0).code()).isEqualTo("scan.tool-crashed");
        assertThat(scan.result().problems().get(0).message()).contains("missing.sh");
    }
}
