package io.jenkins.plugins.securedeploy.engine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestTest {
    // echo -n abc | sha256sum / sha512sum (FIPS 180-2 test vectors)
    static final String ABC_SHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    static final String ABC_SHA512 = "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
            + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f";

    @TempDir
    Path temp;

    @Test
    void shouldHashFilesWithBothAlgorithmsInOnePass() throws Exception {
        Path f = Files.writeString(temp.resolve("abc"), "abc", StandardCharsets.UTF_8);

        DigestSet set = Hashing.file(f);

        assertThat(set.sha256().hex()).isEqualTo(ABC_SHA256);
        assertThat(set.get(DigestAlgorithm.SHA512)).map(Digest::hex).contains(ABC_SHA512);
    }

    @Test
    void shouldHashFilesLargerThanTheBuffer() throws Exception {
        byte[] content = new byte[Hashing.BUFFER_SIZE * 3 + 17];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }
        Path f = Files.write(temp.resolve("big"), content);

        assertThat(Hashing.file(f)).isEqualTo(Hashing.bytes(content));
        assertThat(Hashing.stream(Files.newInputStream(f), Set.of(DigestAlgorithm.SHA256)).sha256())
                .isEqualTo(Hashing.sha256(content));
    }

    @Test
    void shouldParseAndPrintOciStyle() {
        Digest d = Digest.parse("SHA-256:" + ABC_SHA256.toUpperCase(java.util.Locale.ROOT));
        assertThat(d.toString()).isEqualTo("sha256:" + ABC_SHA256);
    }

    @Test
    void shouldRejectMalformedDigests() {
        assertThatThrownBy(() -> Digest.parse("md5:900150983cd24fb0d6963f7d28e17f72"))
                .hasMessageContaining("unsupported digest algorithm");
        assertThatThrownBy(() -> Digest.parse("sha256:abc")).hasMessageContaining("64 hex characters, got 3");
        assertThatThrownBy(() -> Digest.parse(ABC_SHA256)).hasMessageContaining("<algorithm>:<hex>");
        assertThatThrownBy(() -> new Digest(DigestAlgorithm.SHA256, "z".repeat(64)))
                .hasMessageContaining("non-hex");
    }

    @Test
    void shouldMatchOnlyWhenSharedAlgorithmsAgree() {
        DigestSet abc = Hashing.bytes("abc".getBytes(StandardCharsets.UTF_8));
        DigestSet abd = Hashing.bytes("abd".getBytes(StandardCharsets.UTF_8));
        DigestSet onlySha256 = DigestSet.of(abc.sha256());
        DigestSet onlySha512 = DigestSet.of(abc.get(DigestAlgorithm.SHA512).orElseThrow());
        DigestSet mixed = DigestSet.of(abc.sha256(), abd.get(DigestAlgorithm.SHA512).orElseThrow());

        assertThat(abc.matches(onlySha256)).isTrue();
        assertThat(abc.matches(abd)).isFalse();
        assertThat(onlySha256.matches(onlySha512)).as("no shared algorithm is not a match").isFalse();
        assertThat(abc.matches(mixed)).as("every shared algorithm must agree").isFalse();
    }

    @Test
    void shouldFailWithTheFileNameWhenUnreadable() {
        assertThatThrownBy(() -> Hashing.file(temp.resolve("missing.bin")))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("missing.bin");
    }
}
