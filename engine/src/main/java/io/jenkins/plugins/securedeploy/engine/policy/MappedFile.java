package io.jenkins.plugins.securedeploy.engine.policy;

import java.io.Closeable;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A temporary file of {@code bytes} zero bytes mapped into memory in chunks of 1 GiB (outside the Java heap; the
 * operating system pages it), read and written as bytes or as longs at 8-byte-aligned indices. Not thread-safe.
 */
final class MappedFile implements Closeable {
    private static final int SHIFT = 30;
    private static final long MASK = (1L << SHIFT) - 1;

    private final FileChannel channel;
    private final MappedByteBuffer[] chunks;
    private final long bytes;

    MappedFile(Path file, long bytes) throws IOException {
        this.bytes = bytes;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            int n = (int) ((bytes + MASK) >>> SHIFT);
            chunks = new MappedByteBuffer[Math.max(n, 1)];
            for (int i = 0; i < chunks.length; i++) {
                long from = (long) i << SHIFT;
                chunks[i] = channel.map(FileChannel.MapMode.READ_WRITE, from, Math.min(MASK + 1, bytes - from));
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    long size() {
        return bytes;
    }

    byte get(long i) {
        return chunks[(int) (i >>> SHIFT)].get((int) (i & MASK));
    }

    void put(long i, byte value) {
        chunks[(int) (i >>> SHIFT)].put((int) (i & MASK), value);
    }

    /** The long at index {@code i} (byte offset {@code 8 i}; a chunk holds a whole number of longs). */
    long getLong(long i) {
        long at = i << 3;
        return chunks[(int) (at >>> SHIFT)].getLong((int) (at & MASK));
    }

    void putLong(long i, long value) {
        long at = i << 3;
        chunks[(int) (at >>> SHIFT)].putLong((int) (at & MASK), value);
    }

    @Override
    public void close() throws IOException {
        channel.close(); // the mapping ends when the buffers are collected; the file is deleted by its owner
    }
}
