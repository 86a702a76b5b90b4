package io.jenkins.plugins.securedeploy.engine.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.DigestAlgorithm;
import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.core.SecurityViolationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        assertThat(ref).isEqualTo(new EvidenceRef("b/a.json", "application/json", DigestSet.of(Hashing.sha256(content)), 1));
        store.store("a.txt", "text/plain", content);
        assertThat(Files.readAllBytes(dir.resolve("evidence/b/a.json"))).isEqualTo(content);
        assertThat(store.list()).extracting(EvidenceRef::name).containsExactly("a.txt", "b/a.json");
        assertThatThrownBy(() -> store.store("b/a.json", "application/json", new byte[0]))
                .isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining("write-once");
        assertThat(Files.readAllBytes(dir.resolve("evidence/b/a.json"))).isEqualTo(content);
        assertThat(store.root()).isEqualTo(dir.resolve("evidence").toRealPath());
    }

    @Test
    void shouldStreamContentOfAnySizeToTheFileWithTheSameRefAsBytes() throws Exception {
        FileSystemEvidenceStore store = new FileSystemEvidenceStore(dir.resolve("evidence"));
        byte[] content = "y".repeat(200_000).getBytes(StandardCharsets.UTF_8);
        EvidenceRef ref = store.store("big/report.json", "application/json", (EvidenceStore.Content) out -> {
            for (int i = 0; i < content.length; i += 1000) {
                out.write(content, i, 1000);
            }
        });
        assertThat(ref).isEqualTo(new EvidenceRef("big/report.json", "application/json",
                DigestSet.of(Hashing.sha256(content)), content.length));
        assertThat(Files.readAllBytes(dir.resolve("evidence/big/report.json"))).isEqualTo(content);
        assertThat(store.list()).containsExactly(ref);
        assertThatThrownBy(() -> store.store("big/report.json", "application/json",
                (EvidenceStore.Content) out -> out.write(1))).isInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining("write-once");
        Files.createSymbolicLink(dir.resolve("evidence/link"), Files.createDirectories(dir.resolve("elsewhere")));
        assertThatThrownBy(() -> store.store("link/x.json", "application/json",
                (EvidenceStore.Content) out -> out.write(1))).isInstanceOf(SecurityViolationException.class);
    }

    /**
     * Hashed as written, in chunks on the digest thread: the SHA-256 of the file read back, to the byte, and no other
     * digest (evidence is recorded by SHA-256 alone).
     */
    @Test
    void shouldHashStreamedContentOfManyChunksAsTheFileOnDisk() throws Exception {
        FileSystemEvidenceStore store = new FileSystemEvidenceStore(dir.resolve("evidence"));
        byte[] content = new byte[3 * 1024 * 1024 + 12345];
        new java.util.Random(42).nextBytes(content);
        EvidenceRef ref = store.store("gate/gate-report.json", "application/json", (EvidenceStore.Content) out -> {
            for (int i = 0, n = 1; i < content.length; i += n, n = n * 7 % 70_001 + 1) {
                out.write(content, i, Math.min(n, content.length - i));
            }
            out.close(); // as a JSON generator closes the stream it was given
        });
        Path file = dir.resolve("evidence/gate/gate-report.json");
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        assertThat(ref).isEqualTo(new EvidenceRef("gate/gate-report.json", "application/json",
                Hashing.file(file, EvidenceRef.DIGESTS), content.length));
        assertThat(ref.digests().digests()).containsOnlyKeys(DigestAlgorithm.SHA256)
                .containsValue(Hashing.sha256(content));
    }

    @Test
    void contentThatFailsHalfWayIsNotRecorded() throws Exception {
        FileSystemEvidenceStore store = new FileSystemEvidenceStore(dir.resolve("evidence"));
        assertThatThrownBy(() -> store.store("gate/report.json", "application/json", (EvidenceStore.Content) out -> {
            out.write(new byte[1024 * 1024]);
            throw new java.io.IOException("the spool is gone");
        })).isInstanceOf(java.io.IOException.class).hasMessage("the spool is gone");
        assertThat(store.list()).isEmpty();
    }

    @Test
    void theDefaultStreamingStoreGathersTheBytes() throws Exception {
        List<byte[]> seen = new java.util.ArrayList<>();
        EvidenceStore bytesOnly = new EvidenceStore() {
            @Override
            public EvidenceRef store(String name, String mediaType, byte[] content) {
                seen.add(content);
                return new EvidenceRef(name, mediaType, Hashing.bytes(content), content.length);
            }

            @Override
            public List<EvidenceRef> list() {
                return List.of();
            }
        };
        EvidenceRef ref = bytesOnly.store("a", "text/plain", (EvidenceStore.Content) out -> out.write(new byte[] {1, 2}));
        assertThat(ref.size()).isEqualTo(2);
        assertThat(seen).singleElement().isEqualTo(new byte[] {1, 2});
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
