package io.jenkins.plugins.securedeploy.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.SecurityViolationException;
import io.jenkins.plugins.securedeploy.engine.host.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The contract every {@link Workspace} implementation passes. */
public abstract class AbstractWorkspaceTest {
    protected abstract Workspace createWorkspace();

    @Test
    void shouldRoundTripFilesUnderNormalisedPaths() throws Exception {
        Workspace ws = createWorkspace();
        ws.write("reports/./a//b.json", "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(ws.exists("reports/a/b.json")).isTrue();
        assertThat(new String(ws.read("reports/a/b.json"), StandardCharsets.UTF_8)).isEqualTo("{}");
        assertThat(ws.size("reports/a/b.json")).isEqualTo(2);
        assertThat(ws.list("**/*.json")).containsExactly("reports/a/b.json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a/../../x", "a/..", "/etc/passwd", "C:\\Windows\\x", "..\\x", "a/\0b", ".", ""})
    void shouldRefusePathsThatLeaveTheWorkspace(String path) {
        Workspace ws = createWorkspace();
        assertThatThrownBy(() -> ws.open(path))
                .isInstanceOf(SecurityViolationException.class)
                .hasMessageContaining("workspace path");
        assertThatThrownBy(() -> ws.create(path)).isInstanceOf(SecurityViolationException.class);
    }

    @Test
    void shouldNameTheOffendingPathInTheError() {
        Workspace ws = createWorkspace();
        assertThatThrownBy(() -> ws.open("../secrets.txt"))
                .hasMessage("workspace path '../secrets.txt' contains '..' and could leave the workspace");
        assertThatThrownBy(() -> ws.open("/etc/shadow"))
                .hasMessage("workspace path '/etc/shadow' is absolute; give a path relative to the workspace");
    }

    @Test
    void shouldReportMissingFilesAsNoSuchFile() {
        Workspace ws = createWorkspace();
        assertThat(ws.exists("missing.json")).isFalse();
        assertThatThrownBy(() -> ws.open("missing.json")).isInstanceOf(NoSuchFileException.class);
    }
}
