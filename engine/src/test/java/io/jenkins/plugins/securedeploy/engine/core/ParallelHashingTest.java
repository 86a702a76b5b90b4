package io.jenkins.plugins.securedeploy.engine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Both digests on their own threads over one read give exactly the digests of the bytes in memory. */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a lost buffer or a helper that never ends hangs instead of failing
class ParallelHashingTest {
    private static final Set<DigestAlgorithm> BOTH = Set.of(DigestAlgorithm.SHA256, DigestAlgorithm.SHA512);

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 4 * 1024 * 1024 - 1, 4 * 1024 * 1024, 4 * 1024 * 1024 + 12345, 9 * 1024 * 1024 + 1,
        5 * 1024 * 1024 + ParallelDigests.SLICE + 1, 8 * 1024 * 1024})
    void shouldGiveTheDigestsOfTheContentWhateverItsSize(int size) throws Exception {
        byte[] content = random(size);
        Path file = Files.write(temp.resolve("f.bin"), content);

        DigestSet both = Hashing.file(file);
        DigestSet only512 = Hashing.file(file, Set.of(DigestAlgorithm.SHA512));

        assertThat(both).isEqualTo(Hashing.bytes(content));
        assertThat(only512.digests()).containsOnlyKeys(DigestAlgorithm.SHA512);
        assertThat(only512.get(DigestAlgorithm.SHA512)).isEqualTo(both.get(DigestAlgorithm.SHA512));
    }

    /** The ring's edges: content of 0..several rings, chunks that are and are not multiples of a slice, short reads. */
    @ParameterizedTest(name = "{0} bytes in chunks of {1}")
    @CsvSource({"0, 1000", "1, 1000", "3999, 1000", "4000, 1000", "4001, 1000", "12345, 1000", "16383, 16383",
        "16384, 16384", "65535, 16384", "65536, 16384", "65537, 16385", "200000, 16385", "100000, 40000"})
    void shouldFeedEveryDigestEveryByteInOrderAtTheRingsEdges(int size, int chunk) throws Exception {
        byte[] content = random(size);
        MessageDigest sha256 = DigestAlgorithm.SHA256.newMessageDigest();
        MessageDigest sha512 = DigestAlgorithm.SHA512.newMessageDigest();
        MessageDigest another256 = DigestAlgorithm.SHA256.newMessageDigest();

        // Channels.newChannel reads at most 8 KiB at a time: chunks are filled by several short reads
        long read = ParallelDigests.update(Channels.newChannel(new ByteArrayInputStream(content)),
                List.of(sha256, sha512, another256), chunk);

        assertThat(read).isEqualTo(size);
        assertThat(sha256.digest()).isEqualTo(DigestAlgorithm.SHA256.newMessageDigest().digest(content));
        assertThat(sha512.digest()).isEqualTo(DigestAlgorithm.SHA512.newMessageDigest().digest(content));
        assertThat(another256.digest()).isEqualTo(DigestAlgorithm.SHA256.newMessageDigest().digest(content));
    }

    @ParameterizedTest(name = "{0} bytes, reads of at most {1}")
    @CsvSource({"5000000, 777", "9437185, 65536", "300000, 1"})
    void shouldGiveTheSameDigestsWhenTheFileSystemReadsLittleAtATime(int size, int maxRead) throws Exception {
        byte[] content = random(size);
        Path file = Files.write(temp.resolve("short.bin"), content);

        try (FileChannel in = MisbehavingChannel.shortReads(FileChannel.open(file), maxRead)) {
            assertThat(Hashing.file(file, in, BOTH)).isEqualTo(Hashing.bytes(content));
        }
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {1024 * 1024, 9 * 1024 * 1024})
    void shouldFailNamingTheFileWhenAReadFails(int size) throws Exception {
        Path file = Files.write(temp.resolve("bad-disk.bin"), random(size));

        try (FileChannel in = MisbehavingChannel.after(FileChannel.open(file), size / 2, () -> {
            throw new IOException("Input/output error");
        })) {
            assertThatThrownBy(() -> Hashing.file(file, in, BOTH))
                    .isInstanceOf(EnvironmentException.class)
                    .hasMessage("cannot read " + file + " to hash it: an I/O error (IOException)");
        }
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {1024 * 1024, 9 * 1024 * 1024})
    void shouldFailWhenTheFileGrowsWhileItIsHashed(int size) throws Exception {
        Path file = Files.write(temp.resolve("growing.log"), random(size));

        try (FileChannel in = MisbehavingChannel.after(FileChannel.open(file), size / 3,
                () -> Files.write(file, new byte[] {'x'}, StandardOpenOption.APPEND))) {
            assertThatThrownBy(() -> Hashing.file(file, in, BOTH))
                    .isInstanceOf(EnvironmentException.class)
                    .hasMessage(file + " changed while it was hashed (" + size + " bytes when opened, " + (size + 1)
                            + " read, " + (size + 1) + " at the end); hash it again when nothing writes to it");
        }
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {1024 * 1024, 9 * 1024 * 1024})
    void shouldFailWhenTheFileIsTruncatedWhileItIsHashed(int size) throws Exception {
        Path file = Files.write(temp.resolve("truncated.bin"), random(size));

        try (FileChannel in = MisbehavingChannel.after(FileChannel.open(file), size / 3, () -> {
            try (FileChannel w = FileChannel.open(file, StandardOpenOption.WRITE)) {
                w.truncate(size / 2);
            }
        })) {
            assertThatThrownBy(() -> Hashing.file(file, in, BOTH))
                    .isInstanceOf(EnvironmentException.class)
                    .hasMessageStartingWith(file + " changed while it was hashed (" + size + " bytes when opened, ")
                    .hasMessageContaining(" " + (size / 2) + " at the end");
        }
    }

    @Test
    void shouldNameTheFileWhenItIsADirectory() {
        assertThatThrownBy(() -> Hashing.file(temp))
                .isInstanceOf(EnvironmentException.class)
                .hasMessage("cannot read " + temp + " to hash it: it is a directory");
    }

    @Test
    void shouldHashAFileWhoseSizeIsUnknownToItsEnd() throws Exception {
        // /proc files report size 0 and have content: nothing to compare the bytes read with
        Path proc = Path.of("/proc/self/status");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(proc));

        assertThat(Hashing.file(proc, BOTH).digests()).containsOnlyKeys(DigestAlgorithm.SHA256,
                DigestAlgorithm.SHA512);
    }

    @Test
    void shouldReportADigestThatFailsOnItsThreadAndReleaseTheRing() throws Exception {
        byte[] content = random(3 * 1024 * 1024);
        MessageDigest failing = new MessageDigest("FAILING") {
            private int calls;

            @Override
            protected void engineUpdate(byte input) {
                throw new IllegalStateException("unexpected single byte");
            }

            @Override
            protected void engineUpdate(byte[] input, int offset, int len) {
                if (++calls == 3) {
                    throw new IllegalStateException("hardware fault");
                }
            }

            @Override
            protected byte[] engineDigest() {
                return new byte[0];
            }

            @Override
            protected void engineReset() {
                calls = 0;
            }
        };

        assertThatThrownBy(() -> ParallelDigests.update(Channels.newChannel(new ByteArrayInputStream(content)),
                List.of(DigestAlgorithm.SHA256.newMessageDigest(), failing), 64 * 1024))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("a digest thread failed")
                .hasMessageContaining("hardware fault");
    }

    private static byte[] random(int size) {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        return content;
    }
}
