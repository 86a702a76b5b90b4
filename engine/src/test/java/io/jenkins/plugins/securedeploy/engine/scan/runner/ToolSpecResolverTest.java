package io.jenkins.plugins.securedeploy.engine.scan.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which command runs a named scanner (formerly the plugin's ScannerSpecs). */
class ToolSpecResolverTest {
    private final ToolSpecResolver resolver = new ToolSpecResolver(List.of(
            new ConfiguredScanner("shellcheck", "/usr/local/bin/shellcheck", List.of("deploy.sh"), Duration.ofSeconds(30)),
            new ConfiguredScanner("semgrep", "", List.of("--json", "."), Duration.ofMinutes(5))),
            "the Jenkins security settings");

    @Test
    void shouldKeepTheEngineFlagsForAKnownToolAndUseTheConfiguredTargets() {
        ToolSpec spec = resolver.apply("shellcheck");
        assertThat(spec.command()).containsExactly("/usr/local/bin/shellcheck", "-f", "json1", "deploy.sh");
        assertThat(spec.timeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldRunAConfiguredOnlyToolAsWrittenWithItsReportOnStdout() {
        ToolSpec spec = resolver.apply("semgrep");
        assertThat(spec.command()).containsExactly("semgrep", "--json", ".");
        assertThat(spec.reportOnStdout()).isTrue();
    }

    @Test
    void shouldDefaultBanditToTheWholeWorkspace() {
        assertThat(new ToolSpecResolver(List.of(), "x").apply("bandit").command())
                .containsExactly("bandit", "-f", "json", "-q", "-r", ".");
    }

    @Test
    void shouldRefuseAnUnconfiguredToolNamingWhereToolsAreConfigured() {
        assertThatThrownBy(() -> new ToolSpecResolver(List.of(), "the Jenkins security settings").apply("shellcheck"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("scanner 'shellcheck' is not configured in the Jenkins security settings")
                .hasMessageContaining("needs its arguments")
                .hasMessageContaining("[secure-deploy-secrets, bandit]");
        assertThatThrownBy(() -> resolver.apply("zap")).hasMessageContaining("[secure-deploy-secrets, shellcheck, "
                + "semgrep, bandit]");
    }
}
