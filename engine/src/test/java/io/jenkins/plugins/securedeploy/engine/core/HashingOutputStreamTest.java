package io.jenkins.plugins.securedeploy.engine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What passes through the stream reaches the target unchanged and its digests are those of the bytes in memory,
 * whatever the size and however it is written; a failing target or content leaves no digest and no thread waiting.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a lost chunk or a digest thread that never ends hangs, not fails
class HashingOutputStreamTest {
    private static final Set<DigestAlgorithm> BOTH = Set.of(DigestAlgorithm.SHA256, DigestAlgorithm.SHA512);
    private static final Set<DigestAlgorithm> SHA256 = Set.of(DigestAlgorithm.SHA256);

    /** Sizes around the chunk and the ring (4 chunks), written one byte, odd pieces or all at once. */
    @ParameterizedTest(name = "{0} bytes, chunks of {1}, {2}")
    @CsvSource({"0, 1000, whole", "1, 1000, whole", "999, 1000, bytes", "1000, 1000, whole", "1001, 1000, pieces",
        "3999, 1000, pieces", "4000, 1000, bytes", "4001, 1000, whole", "12345, 1000, pieces", "100000, 1000, whole",
        "100000, 777, pieces", "65536, 16384, pieces", "300000, 262144, pieces", "2000000, 262144, whole",
        "1, 1, bytes", "17, 1, pieces"})
    void shouldWriteAndDigestEveryByteInOrder(int size, int chunk, String how) throws Exception {
        byte[] content = random(size, size * 31L + chunk);
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        HashingOutputStream out = new HashingOutputStream(target, BOTH, chunk);
        write(out, content, how, new Random(size));
        assertThat(out.size()).isEqualTo(size);
        out.close();

        assertThat(target.toByteArray()).isEqualTo(content);
        assertThat(out.digests()).isEqualTo(Hashing.bytes(content));
        assertThat(out.size()).isEqualTo(size);
    }

    /** Evidence's one algorithm (SHA-256): one digest thread, the same bytes, that digest and no other. */
    @ParameterizedTest(name = "{0} bytes, chunks of {1}")
    @CsvSource({"0, 1000", "999, 1000", "1000, 1000", "4001, 1000", "100000, 777", "2000000, 262144"})
    void shouldDigestWithTheOneAlgorithmItIsGiven(int size, int chunk) throws Exception {
        byte[] content = random(size, size * 17L + chunk);
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        HashingOutputStream out = new HashingOutputStream(target, SHA256, chunk);
        write(out, content, "pieces", new Random(size));
        out.close();

        assertThat(target.toByteArray()).isEqualTo(content);
        assertThat(out.digests()).isEqualTo(DigestSet.of(Hashing.sha256(content)));
        assertThat(out.digests().get(DigestAlgorithm.SHA512)).isEmpty();
        assertThatThrownBy(() -> new HashingOutputStream(new ByteArrayOutputStream(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one algorithm");
    }

    @Test
    void theDefaultChunksGiveTheSameDigestsAsTheFile() throws Exception {
        byte[] content = random(HashingOutputStream.CHUNK * HashingOutputStream.CHUNKS * 2 + 12345, 7);
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        try (HashingOutputStream out = new HashingOutputStream(target, BOTH)) {
            write(out, content, "pieces", new Random(3));
            out.close();
            assertThat(out.digests()).isEqualTo(Hashing.bytes(content));
        }
        assertThat(target.toByteArray()).isEqualTo(content);
    }

    @Test
    void flushPassesWhatIsGatheredOnAndTheDigestsStayThoseOfTheWhole() throws Exception {
        byte[] content = random(10_000, 5);
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        int[] flushes = {0};
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) {
                target.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                target.write(b, off, len);
            }

            @Override
            public void flush() {
                flushes[0]++;
            }
        };
        HashingOutputStream out = new HashingOutputStream(counting, BOTH, 1000);
        out.write(content, 0, 10);
        out.flush();
        assertThat(target.toByteArray()).hasSize(10);
        out.flush(); // nothing gathered: only the target is flushed
        out.write(content, 10, content.length - 10);
        out.close();
        assertThat(flushes[0]).isEqualTo(2);
        assertThat(target.toByteArray()).isEqualTo(content);
        assertThat(out.digests()).isEqualTo(Hashing.bytes(content));
    }

    @Test
    void shouldHaveNoDigestsBeforeItIsClosedAndRefuseWritesAfter() throws Exception {
        HashingOutputStream out = new HashingOutputStream(new ByteArrayOutputStream(), BOTH, 10);
        out.write(new byte[25]);
        assertThatThrownBy(out::digests).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        out.close();
        out.close(); // twice: nothing more
        assertThat(out.digests()).isEqualTo(Hashing.bytes(new byte[25]));
        assertThatThrownBy(() -> out.write(1)).isInstanceOf(IOException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> out.write(new byte[3], 0, 3)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> new HashingOutputStream(new ByteArrayOutputStream(), BOTH, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HashingOutputStream(new ByteArrayOutputStream(), BOTH, 10)
                .write(new byte[3], 2, 2))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    /** The target fails on its n-th write (0: the one at close): the failure is the caller's, with no digests. */
    @ParameterizedTest(name = "failing write {0}")
    @CsvSource({"0", "1", "2", "5", "9"})
    void aFailingTargetFailsTheWriteAndEndsTheDigestThreads(int failing) throws Exception {
        Failing target = new Failing(failing == 0 ? 9 : failing);
        HashingOutputStream out = new HashingOutputStream(target, BOTH, 100);
        int before = digestThreads();
        IOException thrown = null;
        try {
            byte[] content = random(failing == 0 ? 850 : 5000, failing);
            for (int i = 0; i < content.length; i += 50) {
                out.write(content, i, Math.min(50, content.length - i));
            }
        } catch (IOException e) {
            thrown = e;
        }
        if (failing == 0) {
            assertThat(thrown).isNull();
            assertThatThrownBy(out::close).isInstanceOf(IOException.class).hasMessage("disk full");
        } else {
            assertThat(thrown).hasMessage("disk full");
            assertThatThrownBy(() -> out.write(1)).isInstanceOf(IOException.class)
                    .hasMessageContaining("earlier write");
            out.close();
        }
        assertThat(target.closed).isTrue();
        assertThatThrownBy(out::digests).isInstanceOf(IllegalStateException.class).hasMessageContaining("failed");
        assertThat(digestThreads()).isLessThanOrEqualTo(before);
    }

    @Test
    void aTargetThatCannotBeClosedLeavesNoDigests() throws Exception {
        OutputStream target = new ByteArrayOutputStream() {
            @Override
            public void close() throws IOException {
                throw new IOException("cannot close");
            }
        };
        HashingOutputStream out = new HashingOutputStream(target, BOTH, 100);
        out.write(new byte[1000]);
        assertThatThrownBy(out::close).isInstanceOf(IOException.class).hasMessage("cannot close");
        assertThatThrownBy(out::digests).isInstanceOf(IllegalStateException.class);
    }

    private static int digestThreads() {
        int n = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("secure-deploy-digest-") && t.isAlive()) {
                n++;
            }
        }
        return n;
    }

    private static void write(OutputStream out, byte[] content, String how, Random random) throws IOException {
        switch (how) {
            case "whole" -> out.write(content);
            case "bytes" -> {
                for (byte b : content) {
                    out.write(b);
                }
            }
            default -> {
                for (int i = 0; i < content.length; ) {
                    int n = Math.min(content.length - i, random.nextInt(3) == 0 ? 1 : random.nextInt(5000));
                    out.write(content, i, n);
                    i += n;
                }
            }
        }
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Fails its n-th write with "disk full". */
    private static final class Failing extends OutputStream {
        private final int failing;
        private int writes;
        boolean closed;

        Failing(int failing) {
            this.failing = failing;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (++writes == failing) {
                throw new IOException("disk full");
            }
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
