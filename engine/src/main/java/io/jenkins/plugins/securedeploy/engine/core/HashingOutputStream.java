package io.jenkins.plugins.securedeploy.engine.core;

import io.jenkins.plugins.securedeploy.engine.core.ParallelDigests.Chunk;
import io.jenkins.plugins.securedeploy.engine.core.ParallelDigests.Feed;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Writes content to a stream and digests it on the way (with the algorithms it is given: evidence is recorded by
 * SHA-256), so that evidence written once need not be read back to be hashed. What is written is gathered in chunks of
 * {@value #CHUNK} bytes; a full chunk is written to the target by the writing thread and, at the same time, hashed by
 * one thread per algorithm (as {@link ParallelDigests} hashes a file it reads), so the writer never hashes and the
 * digests of a large report cost the time of the slowest one, beside the writing. Memory is {@value #CHUNKS} chunks
 * whatever the size; content that fits in one chunk is hashed by the writing thread when closed, without threads.
 * Closing writes the rest, waits for the digests and closes the target; then {@link #digests()} and {@link #size()}
 * say what was written. Not thread-safe (one writer).
 */
public final class HashingOutputStream extends OutputStream {
    /** Bytes per chunk. */
    static final int CHUNK = 256 * 1024;
    /** Chunks at most: the one being filled, the ones being written or hashed. */
    static final int CHUNKS = 4;

    private final OutputStream target;
    private final EnumMap<DigestAlgorithm, MessageDigest> digesters = new EnumMap<>(DigestAlgorithm.class);
    private final int chunkSize;
    private Chunk current;
    private BlockingQueue<Chunk> free;
    private List<BlockingQueue<Chunk>> queues;
    private List<Thread> threads;
    private final Throwable[] failure = new Throwable[1];
    private long size;
    private boolean closed;
    private boolean broken;
    private DigestSet digests;

    /** Digests what is written to {@code target} with each of {@code algorithms} (at least one). */
    public HashingOutputStream(OutputStream target, Set<DigestAlgorithm> algorithms) {
        this(target, algorithms, CHUNK);
    }

    /** With chunks of {@code chunkSize} bytes (tests make them small). */
    HashingOutputStream(OutputStream target, Set<DigestAlgorithm> algorithms, int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("a chunk holds at least one byte, got " + chunkSize);
        }
        if (algorithms.isEmpty()) {
            throw new IllegalArgumentException("a hashing stream needs at least one algorithm");
        }
        this.target = Objects.requireNonNull(target, "target");
        this.chunkSize = chunkSize;
        DigestWarmer.stop(); // real work from here, as in Hashing.file
        for (DigestAlgorithm a : algorithms) {
            digesters.put(a, a.newMessageDigest());
        }
        current = new Chunk(chunkSize);
    }

    @Override
    public void write(int b) throws IOException {
        open();
        if (current.length == current.data.length) {
            dispatch(true);
        }
        current.data[current.length++] = (byte) b;
        size++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        open();
        while (len > 0) {
            if (current.length == current.data.length) {
                dispatch(true);
            }
            int n = Math.min(len, current.data.length - current.length);
            System.arraycopy(b, off, current.data, current.length, n);
            current.length += n;
            size += n;
            off += n;
            len -= n;
        }
    }

    /** Passes what is gathered on (written and hashed) and flushes the target. */
    @Override
    public void flush() throws IOException {
        open();
        if (current.length > 0) {
            dispatch(true);
        }
        target.flush();
    }

    private void open() throws IOException {
        if (closed) {
            throw new IOException("the stream is closed");
        }
        if (broken) {
            throw new IOException("an earlier write to the stream failed");
        }
    }

    /**
     * Writes the current chunk to the target while the digest threads (started with the first chunk) hash it; with
     * {@code next}, waits for a free chunk to fill next.
     */
    private void dispatch(boolean next) throws IOException {
        Chunk c = current;
        current = null;
        broken = true; // until the chunk is handed on and written
        if (threads == null) {
            start();
        }
        c.pending.set(queues.size() + 1);
        for (BlockingQueue<Chunk> q : queues) {
            q.add(c); // each queue holds every chunk and the end: never full
        }
        target.write(c.data, 0, c.length);
        ParallelDigests.release(c, free);
        if (next) {
            try {
                current = free.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while hashing evidence");
            }
            current.length = 0;
        }
        broken = false;
    }

    private void start() {
        free = new ArrayBlockingQueue<>(CHUNKS);
        for (int i = 1; i < CHUNKS; i++) {
            free.add(new Chunk(chunkSize));
        }
        queues = new ArrayList<>();
        threads = new ArrayList<>();
        for (MessageDigest md : digesters.values()) {
            BlockingQueue<Chunk> q = new ArrayBlockingQueue<>(CHUNKS + 1);
            queues.add(q);
            threads.add(Feed.start(q, md, free, failure));
        }
    }

    /**
     * Writes the rest, waits for the digests and closes the target. After a failed write only ends the digest
     * threads and closes the target: there are no digests then.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        DigestSet done = null;
        try (OutputStream out = target) {
            if (broken) {
                end();
            } else {
                done = finish(out);
            }
        } catch (IOException | RuntimeException e) {
            broken = true;
            end();
            throw e;
        }
        digests = done; // only once the target is closed too
    }

    /** Writes the rest to {@code out} and waits for the digests. */
    private DigestSet finish(OutputStream out) throws IOException {
        if (threads == null) { // all of it in one chunk: hashed here
            out.write(current.data, 0, current.length);
            for (MessageDigest md : digesters.values()) {
                md.update(current.data, 0, current.length);
            }
        } else {
            if (current.length > 0) {
                dispatch(false);
            }
            end();
            if (failure[0] != null) {
                throw new IOException("a digest thread failed: " + failure[0], failure[0]);
            }
        }
        current = null;
        EnumMap<DigestAlgorithm, Digest> done = new EnumMap<>(DigestAlgorithm.class);
        digesters.forEach((a, md) -> done.put(a, Digest.of(a, md.digest())));
        return new DigestSet(done);
    }

    /** Ends the digest threads (if any) once they have hashed what they were given. */
    private void end() throws IOException {
        if (threads == null) {
            return;
        }
        for (BlockingQueue<Chunk> q : queues) {
            q.add(ParallelDigests.END);
        }
        boolean interrupted = ParallelDigests.join(threads);
        threads = null;
        queues = null;
        free = null;
        if (interrupted) {
            throw new InterruptedIOException("interrupted while hashing evidence");
        }
    }

    /** The bytes written so far. */
    public long size() {
        return size;
    }

    /**
     * The digests of everything written, one per algorithm given.
     *
     * @throws IllegalStateException before a successful {@link #close}
     */
    public DigestSet digests() {
        if (digests == null) {
            throw new IllegalStateException(closed ? "writing the stream failed: it has no digests"
                    : "the digests are known once the stream is closed");
        }
        return digests;
    }
}
