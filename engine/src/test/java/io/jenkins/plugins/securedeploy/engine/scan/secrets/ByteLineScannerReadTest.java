package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a worker reads a file: the binary sniff (32 bytes at a time, then eight, then one) against a byte-by-byte search
 * at every position and range; a file channel read to the listed size without the read that returns -1, and read on
 * to its end when it holds more than was listed; other channels always read to -1.
 */
class ByteLineScannerReadTest {
    private static final String SECRET_LINE = "aws = " + SecretExamples.awsAccessKeyId() + "\n";

    @TempDir
    Path dir;

    @Test
    void shouldSniffANulByteAtEveryPositionOfEveryRange() {
        Random random = new Random(21);
        byte[] fill = {0x01, (byte) 0x80, (byte) 0xFF, 0x7F, 0x20, 0x02};
        for (int round = 0; round < 20; round++) {
            byte[] b = new byte[80];
            for (int i = 0; i < b.length; i++) {
                b[i] = fill[random.nextInt(fill.length)];
            }
            for (int zero = -1; zero < b.length; zero++) {
                byte[] c = b.clone();
                if (zero >= 0) {
                    c[zero] = 0;
                }
                for (int from = 0; from < 10; from++) {
                    for (int to = from; to <= c.length; to++) {
                        boolean naive = zero >= from && zero < to;
                        assertThat(ByteLineScanner.hasZeroByte(c, from, to)).as(zero + " in [" + from + ", " + to + ")")
                                .isEqualTo(naive);
                    }
                }
            }
        }
    }

    @Test
    void shouldReadAFileOfTheListedSizeWithoutTheReadThatReturnsEndOfFile() throws IOException {
        byte[] content = ("x = 1\n" + SECRET_LINE).getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("a.txt"), content);
        try (CountingChannel channel = new CountingChannel(FileChannel.open(file), Integer.MAX_VALUE)) {
            assertThat(scan(channel, content.length).findings()).hasSize(1);
            assertThat(channel.reads).isEqualTo(1);
        }
    }

    @Test
    void shouldReadOnToTheEndWhenTheFileHoldsMoreThanListed() throws IOException {
        byte[] content = ("x".repeat(100) + "\n" + SECRET_LINE).getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("grew.txt"), content);
        try (CountingChannel channel = new CountingChannel(FileChannel.open(file), Integer.MAX_VALUE)) {
            assertThat(scan(channel, 50).findings()).as("the secret after the listed size").hasSize(1);
            assertThat(channel.reads).isEqualTo(2);
        }
        try (CountingChannel channel = new CountingChannel(FileChannel.open(file), 40)) { // short reads on the way
            assertThat(scan(channel, 101).findings()).as("short reads before the listed size").hasSize(1);
            assertThat(channel.reads).isEqualTo(content.length / 40 + 2);
        }
    }

    @Test
    void shouldTakeAShortReadAtTheListedSizeOfAFileChannelAsItsEnd() throws IOException {
        byte[] content = ("x".repeat(59) + "\n" + SECRET_LINE).getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("listed.txt"), content);
        try (CountingChannel channel = new CountingChannel(FileChannel.open(file), 60)) {
            assertThat(scan(channel, 60).findings()).as("the file as listed: 60 bytes").isEmpty();
            assertThat(channel.reads).isEqualTo(1);
        }
    }

    @Test
    void shouldReadOtherChannelsToTheirEnd() throws IOException {
        byte[] content = ("x = 1\n" + SECRET_LINE).getBytes(StandardCharsets.UTF_8);
        ReadableByteChannel stream = Channels.newChannel(new ByteArrayInputStream(content));
        assertThat(scan(stream, 6).findings()).hasSize(1);
        assertThat(stream.read(ByteBuffer.allocate(1))).isEqualTo(-1);
    }

    private static FileScan scan(ReadableByteChannel channel, long listedSize) throws IOException {
        SecretDetector detector = SecretDetector.of(SecretRules.defaults());
        FileScan scan = new FileScan("f.txt", detector, SecretAllowList.none());
        ByteLineScanner scanner = new ByteLineScanner(detector.keywords(), SecretScanOptions.DEFAULT_WINDOW_CHARS,
                SecretScanOptions.DEFAULT_MAX_FILE_SIZE, 8192);
        assertThat(scanner.scan(channel, listedSize, scan)).isTrue();
        return scan;
    }

    /** A file channel that counts its reads and returns at most {@code most} bytes from each. */
    private static final class CountingChannel extends FileChannel {
        private final FileChannel file;
        private final int most;
        int reads;

        CountingChannel(FileChannel file, int most) {
            this.file = file;
            this.most = most;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            reads++;
            if (dst.remaining() <= most) {
                return file.read(dst);
            }
            ByteBuffer part = dst.slice().limit(most);
            int r = file.read(part);
            if (r > 0) {
                dst.position(dst.position() + r);
            }
            return r;
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int write(ByteBuffer src) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long position() throws IOException {
            return file.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            file.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return file.size();
        }

        @Override
        public FileChannel truncate(long size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void force(boolean metaData) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(ByteBuffer dst, long position) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int write(ByteBuffer src, long position) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected void implCloseChannel() throws IOException {
            file.close();
        }
    }
}
