package io.jenkins.plugins.securedeploy.engine.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.SecurityViolationException;
import io.jenkins.plugins.securedeploy.engine.testing.AbstractWorkspaceTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemWorkspaceTest extends AbstractWorkspaceTest {
    @TempDir
    Path temp;

    Path root;
    Path outside;

    @BeforeEach
    void setUp() throws Exception {
        root = Files.createDirectories(temp.resolve("ws"));
        outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "top secret", StandardCharsets.UTF_8);
    }

    @Override
    protected Workspace createWorkspace() {
        return new FileSystemWorkspace(root);
    }

    @Test
    void shouldRefuseAFileSymlinkPointingOutside() throws Exception {
        Files.createSymbolicLink(root.resolve("link.txt"), outside.resolve("secret.txt"));
        Workspace ws = createWorkspace();

        assertThatThrownBy(() -> ws.open("link.txt"))
                .isInstanceOf(SecurityViolationException.class)
                .hasMessage("workspace path 'link.txt' leads outside the workspace through a symbolic link");
        assertThatThrownBy(() -> ws.exists("link.txt")).isInstanceOf(SecurityViolationException.class);
    }

    @Test
    void shouldRefuseADirectorySymlinkPointingOutsideForReadAndWrite() throws Exception {
        Files.createSymbolicLink(root.resolve("dir"), outside);
        Workspace ws = createWorkspace();

        assertThatThrownBy(() -> ws.open("dir/secret.txt")).isInstanceOf(SecurityViolationException.class);
        assertThatThrownBy(() -> ws.create("dir/new.txt")).isInstanceOf(SecurityViolationException.class);
        assertThat(outside.resolve("new.txt")).doesNotExist();
    }

    @Test
    void shouldFollowSymlinksThatStayInside() throws Exception {
        Files.createDirectories(root.resolve("real"));
        Files.writeString(root.resolve("real/a.txt"), "inside", StandardCharsets.UTF_8);
        Files.createSymbolicLink(root.resolve("alias"), root.resolve("real"));

        assertThat(new String(createWorkspace().read("alias/a.txt"), StandardCharsets.UTF_8)).isEqualTo("inside");
    }

    @Test
    void shouldNotListFilesReachedThroughSymlinks() throws Exception {
        Files.createSymbolicLink(root.resolve("dir"), outside);
        Files.writeString(root.resolve("a.txt"), "a", StandardCharsets.UTF_8);

        assertThat(createWorkspace().list("**")).containsExactly("a.txt");
    }

    @Test
    void shouldGiveLocalPathsOnlyInsideTheRoot() {
        Workspace ws = createWorkspace();
        assertThat(ws.localPath("a/b.txt")).contains(root.resolve("a/b.txt"));
        assertThatThrownBy(() -> ws.localPath("../x")).isInstanceOf(SecurityViolationException.class);
    }
}
