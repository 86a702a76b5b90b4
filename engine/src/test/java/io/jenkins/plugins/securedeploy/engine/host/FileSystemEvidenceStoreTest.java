package io.jenkins.plugins.securedeploy.engine.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.core.SecurityViolationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemEvidenceStoreTest {
    @TempDir
    Path dir;

    @Test
    void shouldStoreOnceUnderTheRootAndListWhatItStored() throws Exception {
        FileSystemEvidenceStore store = new FileSystemEvidenceStore(dir.resolve("evidence"));
        byte[] content = "x".getBytes(StandardCharsets.UTF_8);
        EvidenceRef ref = store.store("b/./a.json", "application/json", content);
        assertThat(ref).isEqualTo(new EvidenceRef("b/a.json", "application/json", Hashing.bytes(content), 1));
        store.store("a.txt", "text/plain", content);
        assertThat(Files.readAllBytes(dir.resolve("evidence/b/a.json"))).isEqualTo(content);
        assertThat(store.list()).extracting(EvidenceRef::name).containsExactly("a.txt", "b/a.json");
        assertThatThrownBy(() -> store.store("b/a.json", "application/json", new byte[0]))
                .isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining("write-once");
        assertThat(Files.readAllBytes(dir.resolve("evidence/b/a.json"))).isEqualTo(content);
        assertThat(store.root()).isEqualTo(dir.resolve("evidence").toRealPath());
    }

    @Test
    void shouldNeverWriteOutsideTheRoot() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        FileSystemEvidenceStore store = new FileSystemEvidenceStore(dir.resolve("evidence"));
        Files.createSymbolicLink(dir.resolve("evidence/link"), outside);
        assertThatThrownBy(() -> store.store("link/x.json", "application/json", new byte[1]))
                .isInstanceOf(SecurityViolationException.class);
        assertThatThrownBy(() -> store.store("../x.json", "application/json", new byte[1]))
                .isInstanceOf(SecurityViolationException.class);
        Path file = Files.createFile(outside.resolve("target"));
        Files.createSymbolicLink(dir.resolve("evidence/file-link"), file);
        assertThatThrownBy(() -> store.store("file-link", "application/json", new byte[1]))
                .isInstanceOf(SecurityViolationException.class);
        Path inside = Files.createFile(dir.resolve("evidence/inside"));
        Files.createSymbolicLink(dir.resolve("evidence/inside-link"), inside);
        assertThatThrownBy(() -> store.store("inside-link", "application/json", new byte[1]))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.size(inside)).isZero();
        assertThat(Files.size(file)).isZero();
        try (var s = Files.list(outside)) {
            assertThat(s).containsExactly(file);
        }
    }
}
