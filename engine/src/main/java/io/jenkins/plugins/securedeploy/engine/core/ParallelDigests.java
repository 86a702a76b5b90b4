package io.jenkins.plugins.securedeploy.engine.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Several digests of one read of a stream, each on its own thread: the calling thread reads chunks into a small ring of
 * reused heap buffers and feeds the first digest; one helper thread per further digest feeds it the same chunks and
 * never reads. A buffer goes back to the ring when every digest has consumed it, so memory is {@value #CHUNKS} chunks
 * whatever the size, and the time is that of the slowest digest rather than the sum.
 *
 * <p>Every digest is fed a chunk in {@link #SLICE} pieces: the same bytes in the same order (so the same digest), but
 * JDK 17's multi-block loop ({@code DigestBase.implCompressMultiBlock0}), which reaches the SHA intrinsics only once C2
 * has compiled it, then returns often enough for its profile to be complete when C2 compiles it. Fed whole 1 MiB
 * chunks, C2 first compiled it on-stack in the middle of the first call and the compiled loop trapped back to the
 * interpreter at its first exit, several times, before the code that stays.
 */
final class ParallelDigests {
    static final int CHUNKS = 4;
    /** Bytes per {@link MessageDigest#update} call: 128 SHA-512 or 256 SHA-256 blocks. */
    static final int SLICE = 16 * 1024;

    /** Put on a feed's queue after the last chunk: the feed ends. */
    static final Chunk END = new Chunk(0);

    /** A reused buffer of bytes to digest, back to its ring once every digest it was handed to has consumed it. */
    static final class Chunk {
        final byte[] data;
        int length;
        final AtomicInteger pending = new AtomicInteger();

        Chunk(int size) {
            data = new byte[size];
        }
    }

    private ParallelDigests() {}

    /**
     * Feeds everything {@code in} holds to every digest; {@code digests} has at least two. Returns the number of bytes
     * read.
     */
    static long update(ReadableByteChannel in, List<MessageDigest> digests, int chunkSize) throws IOException {
        BlockingQueue<Chunk> free = new ArrayBlockingQueue<>(CHUNKS);
        for (int i = 0; i < CHUNKS; i++) {
            free.add(new Chunk(chunkSize));
        }
        List<BlockingQueue<Chunk>> queues = new ArrayList<>();
        List<Thread> helpers = new ArrayList<>();
        Throwable[] failure = new Throwable[1];
        for (MessageDigest md : digests.subList(1, digests.size())) {
            BlockingQueue<Chunk> q = new ArrayBlockingQueue<>(CHUNKS + 1);
            queues.add(q);
            helpers.add(Feed.start(q, md, free, failure));
        }
        MessageDigest first = digests.get(0);
        long total = 0;
        try {
            while (true) {
                Chunk c = free.take();
                int n = read(in, c.data);
                if (n <= 0) {
                    break;
                }
                total += n;
                c.length = n;
                c.pending.set(digests.size());
                for (BlockingQueue<Chunk> q : queues) {
                    q.put(c);
                }
                updateInSlices(first, c.data, n);
                release(c, free);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while hashing", e);
        } finally {
            for (BlockingQueue<Chunk> q : queues) {
                q.add(END); // each queue has a spare slot for it: at most CHUNKS chunks are ever out
            }
            if (join(helpers)) {
                throw new IOException("interrupted while hashing");
            }
        }
        if (failure[0] != null) {
            throw new IOException("a digest thread failed: " + failure[0], failure[0]);
        }
        return total;
    }

    /** {@code md.update} over {@code length} bytes of {@code data}, {@link #SLICE} bytes at a time. */
    static void updateInSlices(MessageDigest md, byte[] data, int length) {
        for (int off = 0; off < length; off += SLICE) {
            md.update(data, off, Math.min(SLICE, length - off));
        }
    }

    /**
     * Hashes the chunks of one queue until {@link #END} on a daemon thread of its own (a named class: no lambda for
     * start-up archives to spin). A failure is kept in {@code failure[0]}, read by the caller after {@link #join}.
     */
    static final class Feed implements Runnable {
        private final BlockingQueue<Chunk> queue;
        private final MessageDigest md;
        private final BlockingQueue<Chunk> free;
        private final Throwable[] failure;

        private Feed(BlockingQueue<Chunk> queue, MessageDigest md, BlockingQueue<Chunk> free, Throwable[] failure) {
            this.queue = queue;
            this.md = md;
            this.free = free;
            this.failure = failure;
        }

        /** Starts a feed of {@code md} from {@code queue}, releasing each chunk to {@code free}; returns its thread. */
        static Thread start(BlockingQueue<Chunk> queue, MessageDigest md, BlockingQueue<Chunk> free,
                Throwable[] failure) {
            Thread t = new Thread(new Feed(queue, md, free, failure), "secure-deploy-digest-" + md.getAlgorithm());
            t.setDaemon(true);
            t.start();
            return t;
        }

        @Override
        public void run() {
            boolean failed = false;
            try {
                for (Chunk c = queue.take(); c != END; c = queue.take()) {
                    if (!failed) {
                        try {
                            updateInSlices(md, c.data, c.length);
                        } catch (RuntimeException | Error e) {
                            failure[0] = e; // read by the caller after join
                            failed = true;
                        }
                    }
                    release(c, free); // also after a failure, or the one handing out chunks would wait forever
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One digest done with {@code c}: the last one puts it back on {@code free}. */
    static void release(Chunk c, BlockingQueue<Chunk> free) {
        if (c.pending.decrementAndGet() == 0) {
            free.add(c);
        }
    }

    /** Fills {@code buf} (or to the end of the stream); returns the bytes read, 0 at the end. */
    private static int read(ReadableByteChannel in, byte[] buf) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(buf);
        while (b.hasRemaining()) {
            if (in.read(b) < 0) {
                break;
            }
        }
        return b.position();
    }

    /**
     * Waits for every thread to end, also when interrupted; returns whether it was (the interrupt is set again then).
     */
    static boolean join(List<Thread> threads) {
        boolean interrupted = false;
        for (Thread t : threads) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return interrupted;
    }
}
