package io.jenkins.plugins.securedeploy.jenkins.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import hudson.FilePath;
import io.jenkins.plugins.securedeploy.engine.core.SecurityViolationException;
import io.jenkins.plugins.securedeploy.engine.host.Workspace;
import java.io.File;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Agent-side file work through FilePath.act, with the engine's workspace rules applied on the agent side. */
@WithJenkins
class AgentWorkspaceITest {
    @Test
    void shouldRunTasksAgainstTheWorkspaceFolder(JenkinsRule r, @TempDir File folder) throws Exception {
        AgentWorkspace ws = new AgentWorkspace(new FilePath(folder));
        assertEquals(5L, ws.act(new Write("reports/a.txt", "hello")));
        assertEquals("hello", new FilePath(folder).child("reports/a.txt").readToString());
    }

    @Test
    void shouldRefusePathsLeavingTheWorkspace(JenkinsRule r, @TempDir File folder) {
        AgentWorkspace ws = new AgentWorkspace(new FilePath(folder));
        assertThrows(SecurityViolationException.class, () -> ws.act(new Write("../escape.txt", "x")));
    }

    private static final class Write implements AgentTask<Long> {
        private static final long serialVersionUID = 1L;
        private final String path;
        private final String text;

        Write(String path, String text) {
            this.path = path;
            this.text = text;
        }

        @Override
        public Long run(Workspace workspace) throws java.io.IOException {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            workspace.write(path, bytes);
            return (long) bytes.length;
        }
    }
}
