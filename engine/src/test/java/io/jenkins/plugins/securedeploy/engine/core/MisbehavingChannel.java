package io.jenkins.plugins.securedeploy.engine.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A real {@link FileChannel} whose reads can be made short, fail, or do something to the file (append, truncate)
 * after a number of bytes: what a disk, a network file system or another process does to a file being hashed.
 */
final class MisbehavingChannel extends FileChannel {
    /** What to do once {@code afterBytes} have been read. */
    interface Event {
        void happen() throws IOException;
    }

    private final FileChannel real;
    private final int maxRead;
    private final long afterBytes;
    private final Event event;
    private long read;
    private boolean happened;

    private MisbehavingChannel(FileChannel real, int maxRead, long afterBytes, Event event) {
        this.real = real;
        this.maxRead = maxRead;
        this.afterBytes = afterBytes;
        this.event = event;
    }

    /** Reads of at most {@code maxRead} bytes; nothing else changes. */
    static MisbehavingChannel shortReads(FileChannel real, int maxRead) {
        return new MisbehavingChannel(real, maxRead, Long.MAX_VALUE, () -> { });
    }

    /** {@code event} happens (once) at the first read after {@code afterBytes} bytes. */
    static MisbehavingChannel after(FileChannel real, long afterBytes, Event event) {
        return new MisbehavingChannel(real, Integer.MAX_VALUE, afterBytes, event);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (read >= afterBytes && !happened) {
            happened = true;
            event.happen();
        }
        int limit = dst.limit();
        if (dst.remaining() > maxRead) {
            dst.limit(dst.position() + maxRead);
        }
        try {
            int n = real.read(dst);
            if (n > 0) {
                read += n;
            }
            return n;
        } finally {
            dst.limit(limit);
        }
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) {
        throw new UnsupportedOperationException("not used by Hashing");
    }

    @Override
    public int write(ByteBuffer src) {
        throw new UnsupportedOperationException("read only");
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) {
        throw new UnsupportedOperationException("read only");
    }

    @Override
    public long position() throws IOException {
        return real.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        real.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return real.size();
    }

    @Override
    public FileChannel truncate(long size) {
        throw new UnsupportedOperationException("read only");
    }

    @Override
    public void force(boolean metaData) throws IOException {
        real.force(metaData);
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) {
        throw new UnsupportedOperationException("not used by Hashing");
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) {
        throw new UnsupportedOperationException("read only");
    }

    @Override
    public int read(ByteBuffer dst, long position) {
        throw new UnsupportedOperationException("not used by Hashing");
    }

    @Override
    public int write(ByteBuffer src, long position) {
        throw new UnsupportedOperationException("read only");
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) {
        throw new UnsupportedOperationException("not used by Hashing");
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) {
        throw new UnsupportedOperationException("not used by Hashing");
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) {
        throw new UnsupportedOperationException("not used by Hashing");
    }

    @Override
    protected void implCloseChannel() throws IOException {
        real.close();
    }
}
