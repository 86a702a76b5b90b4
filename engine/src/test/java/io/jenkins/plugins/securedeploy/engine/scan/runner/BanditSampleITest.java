package io.jenkins.plugins.securedeploy.engine.scan.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The installed Bandit (Debian bookworm: 1.6.2) on samples/app, through the runner and the parser. */
class BanditSampleITest {
    @BeforeAll
    static void banditInstalled() {
        SampleProject.requireOnPath("bandit");
    }

    @Test
    void shouldFindTheKnownDefectsOfTheSampleApp() {
        ToolScan scan = new ScanService().scan(DefaultToolSpecs.bandit(List.of("-r", "src"), Duration.ofMinutes(5)),
                SampleProject.app());

        assertThat(scan.run().outcome()).as("bandit exits 1 when it finds issues; stderr: %s", scan.run().stderr())
                .isEqualTo(ToolRun.Outcome.FINDINGS);
        assertThat(scan.run().exitCode()).isEqualTo(1);
        assertThat(scan.result().isError()).as("problems: %s", scan.result().problems()).isFalse();
        assertThat(scan.result().findings())
                .extracting(Finding::ruleId, Finding::severity, Finding::location)
                .containsExactly(
                        tuple("B404", Severity.LOW, Location.of("src/app.py", 3, 0)),
                        tuple("B107", Severity.LOW, Location.of("src/app.py", 8, 0)),
                        tuple("B602", Severity.HIGH, Location.of("src/app.py", 13, 0)),
                        tuple("B506", Severity.MEDIUM, Location.of("src/app.py", 17, 0)),
                        tuple("B303", Severity.MEDIUM, Location.of("src/app.py", 21, 0)));
        assertThat(scan.result().findings()).allSatisfy(f -> assertThat(f.category()).isEqualTo(Category.SAST));
        assertThat(scan.result().findings().get(1).title()).as("the hard-coded password itself is withheld")
                .doesNotContain("hunter2").contains("hardcoded_password_default");
    }

    @Test
    void shouldFailClosedWhenTheTargetDoesNotExist() {
        ToolScan scan = new ScanService().scan(
                DefaultToolSpecs.bandit(List.of("-r", "no-such-dir"), Duration.ofMinutes(5)), SampleProject.app());

        assertThat(scan.result().isError()).as("bandit exits 0 but reports the missing target in errors[]").isTrue();
        assertThat(scan.result().problems().get(0).message()).contains("no-such-dir");
    }
}
