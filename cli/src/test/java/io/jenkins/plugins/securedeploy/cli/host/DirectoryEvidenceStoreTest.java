package io.jenkins.plugins.securedeploy.cli.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.host.EvidenceRef;
import io.jenkins.plugins.securedeploy.engine.host.EvidenceStore;
import io.jenkins.plugins.securedeploy.engine.mask.SecretMasker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streamed evidence is hashed as it is written: the digests and size of the (masked) file on disk. */
class DirectoryEvidenceStoreTest {
    @TempDir
    Path dir;

    @Test
    void streamedContentIsMaskedAndHashedAsTheFileOnDisk() throws Exception {
        String secret = "s3cr3t-value-that-must-not-leak";
        DirectoryEvidenceStore store = new DirectoryEvidenceStore(dir,
                SecretMasker.of(List.of(SecretValue.of(secret))));
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 3_000_000; i++) {
            text.append("line ").append(i).append(i % 1000 == 0 ? " " + secret : "").append('\n');
        }
        byte[] content = text.toString().getBytes(StandardCharsets.UTF_8);
        EvidenceRef ref = store.store("gate/gate-report.json", "application/json", (EvidenceStore.Content) out -> {
            for (int i = 0; i < content.length; i += 8000) {
                out.write(content, i, Math.min(8000, content.length - i));
            }
        });
        Path file = dir.resolve("gate/gate-report.json");
        byte[] written = Files.readAllBytes(file);
        assertThat(new String(written, StandardCharsets.UTF_8)).doesNotContain(secret).contains(SecretMasker.MASK);
        assertThat(ref.digests()).isEqualTo(Hashing.file(file, EvidenceRef.DIGESTS))
                .isEqualTo(DigestSet.of(Hashing.sha256(written)));
        assertThat(ref.size()).isEqualTo(written.length);

        // stored again (a report folder re-used run after run): replaced, and hashed as the new file
        byte[] small = "{}".getBytes(StandardCharsets.UTF_8);
        EvidenceRef again = store.store("gate/gate-report.json", "application/json",
                (EvidenceStore.Content) out -> out.write(small));
        assertThat(again.digests()).isEqualTo(DigestSet.of(Hashing.sha256(small)));
        assertThat(again.size()).isEqualTo(2);
        assertThat(store.list()).containsExactly(again);
    }
}
