package io.jenkins.plugins.securedeploy.engine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IoReasonTest {
    @TempDir
    Path dir;

    @Test
    void shouldSayWhyInPlainWordsWithoutRepeatingThePath() {
        assertThat(IoReason.of(new NoSuchFileException("/x/y"))).isEqualTo("it does not exist");
        assertThat(IoReason.of(new AccessDeniedException("/x"))).isEqualTo("permission denied");
        assertThat(IoReason.of(new FileAlreadyExistsException("/x"))).isEqualTo("a file with that name already exists");
        assertThat(IoReason.of(new NotDirectoryException("/x"))).contains("not a directory");
        assertThat(IoReason.of(new DirectoryNotEmptyException("/x"))).isEqualTo("the directory is not empty");
        assertThat(IoReason.of(new FileSystemLoopException("/x"))).contains("loops");
        assertThat(IoReason.of(new NotLinkException("/x"))).contains("not a symbolic link");
        assertThat(IoReason.of(new FileSystemException("/x", null, "Is a directory"))).isEqualTo("it is a directory");
        assertThat(IoReason.of(new FileSystemException("/x", null, "Not a directory"))).contains("not a directory");
        assertThat(IoReason.of(new FileSystemException("/x", null, "No space left on device")))
                .isEqualTo("the disk is full");
        assertThat(IoReason.of(new FileSystemException("/x", null, "Read-only file system"))).contains("read-only");
        assertThat(IoReason.of(new IOException("Is a directory"))).isEqualTo("it is a directory");
        assertThat(IoReason.of(new IOException("No space left on device"))).isEqualTo("the disk is full");
        assertThat(IoReason.of(new IOException("secret content"))).isEqualTo("an I/O error (IOException)")
                .doesNotContain("secret");
    }

    @Test
    void shouldNameTheFileAndTheReasonWhenHashingFails() {
        Path missing = dir.resolve("nosuch.bin");
        assertThatThrownBy(() -> Hashing.file(missing)).isInstanceOf(EnvironmentException.class)
                .hasMessage("cannot read " + missing + " to hash it: it does not exist");
        assertThatThrownBy(() -> Hashing.file(dir)).hasMessageContaining("to hash it: it is a directory");
    }
}
