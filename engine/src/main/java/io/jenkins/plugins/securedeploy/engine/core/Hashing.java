package io.jenkins.plugins.securedeploy.engine.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Set;

/**
 * Streaming digests: content is read once through fixed, reused heap buffers and fed to every requested algorithm,
 * so heap use does not depend on content size. A file of more than {@value #PARALLEL_FROM} bytes hashed with several
 * algorithms has each algorithm on its own thread over that one read ({@link ParallelDigests}).
 */
public final class Hashing {
    /** Read buffer size; large enough for throughput, small enough to be irrelevant to heap. */
    static final int BUFFER_SIZE = 256 * 1024;
    /** Files at least this large are hashed with one thread per algorithm. */
    static final long PARALLEL_FROM = 4L * 1024 * 1024;
    /** Chunk size of the parallel read. */
    static final int CHUNK_SIZE = 1024 * 1024;

    private Hashing() {}

    /**
     * SHA-256 and SHA-512 of a file, read once to its end. A regular file whose size changes while it is hashed (being
     * written, truncated or replaced in place) fails: its digests would be of no version of it.
     */
    public static DigestSet file(Path file) {
        return file(file, Set.of(DigestAlgorithm.SHA256, DigestAlgorithm.SHA512));
    }

    /**
     * The digests of a file, read once to its end. A regular file whose size changes while it is hashed (being written,
     * truncated or replaced in place) fails: its digests would be of no version of it.
     */
    public static DigestSet file(Path file, Set<DigestAlgorithm> algorithms) {
        DigestWarmer.stop(); // real work from here: the warm-up (if any) must not compete with it for a core
        // heap buffers: MessageDigest.update(ByteBuffer) on a direct buffer copies through a small temp array
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            return file(file, in, algorithms);
        } catch (IOException e) {
            throw readFailure(file, e);
        }
    }

    /** {@link #file(Path, Set)} over a channel open on {@code file} (tests give it channels that misbehave). */
    static DigestSet file(Path file, FileChannel in, Set<DigestAlgorithm> algorithms) {
        EnumMap<DigestAlgorithm, MessageDigest> mds = newDigests(algorithms);
        try {
            long size = in.size();
            long read;
            if (mds.size() > 1 && size >= PARALLEL_FROM) {
                read = ParallelDigests.update(in, new ArrayList<>(mds.values()), CHUNK_SIZE);
            } else {
                read = update(Channels.newInputStream(in), mds);
            }
            long sizeAfter = in.size();
            // size 0: pipes, /proc and other files whose size the file system does not know; nothing to compare
            if (size > 0 && (read != size || sizeAfter != size)) {
                throw new EnvironmentException(file + " changed while it was hashed (" + size + " bytes when opened, "
                        + read + " read, " + sizeAfter + " at the end); hash it again when nothing writes to it");
            }
        } catch (IOException e) {
            throw readFailure(file, e);
        }
        return finish(mds);
    }

    private static EnvironmentException readFailure(Path file, IOException e) {
        return new EnvironmentException("cannot read " + file + " to hash it: " + IoReason.of(e), e);
    }

    /** Digests of a stream (read to its end, not closed). */
    public static DigestSet stream(InputStream in, Set<DigestAlgorithm> algorithms) throws IOException {
        EnumMap<DigestAlgorithm, MessageDigest> mds = newDigests(algorithms);
        update(in, mds);
        return finish(mds);
    }

    /** Feeds {@code in} to its end to every digest; returns the bytes read. */
    private static long update(InputStream in, EnumMap<DigestAlgorithm, MessageDigest> mds) throws IOException {
        byte[] buffer = new byte[BUFFER_SIZE];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            for (MessageDigest md : mds.values()) {
                md.update(buffer, 0, n);
            }
        }
        return total;
    }

    public static DigestSet bytes(byte[] content) {
        EnumMap<DigestAlgorithm, MessageDigest> mds =
                newDigests(Set.of(DigestAlgorithm.SHA256, DigestAlgorithm.SHA512));
        mds.values().forEach(md -> md.update(content));
        return finish(mds);
    }

    public static Digest sha256(byte[] content) {
        MessageDigest md = DigestAlgorithm.SHA256.newMessageDigest();
        return Digest.of(DigestAlgorithm.SHA256, md.digest(content));
    }

    /** SHA-256 of {@code length} bytes of {@code content} from {@code offset} (no copy). */
    public static Digest sha256(byte[] content, int offset, int length) {
        MessageDigest md = DigestAlgorithm.SHA256.newMessageDigest();
        md.update(content, offset, length);
        return Digest.of(DigestAlgorithm.SHA256, md.digest());
    }

    /** A reusable SHA-256 for many small inputs in a row (one per thread; not thread-safe). */
    public static Sha256 sha256Hasher() {
        return new Sha256();
    }

    /** SHA-256 over byte ranges without a new {@link MessageDigest} each time. */
    public static final class Sha256 {
        private final MessageDigest md = DigestAlgorithm.SHA256.newMessageDigest();

        private Sha256() {}

        /** The raw 32-byte digest of {@code length} bytes of {@code content} from {@code offset}. */
        public byte[] digest(byte[] content, int offset, int length) {
            md.update(content, offset, length);
            return md.digest();
        }
    }

    private static EnumMap<DigestAlgorithm, MessageDigest> newDigests(Set<DigestAlgorithm> algorithms) {
        if (algorithms.isEmpty()) {
            throw new IllegalArgumentException("at least one digest algorithm is needed");
        }
        EnumMap<DigestAlgorithm, MessageDigest> mds = new EnumMap<>(DigestAlgorithm.class);
        algorithms.forEach(a -> mds.put(a, a.newMessageDigest()));
        return mds;
    }

    private static DigestSet finish(EnumMap<DigestAlgorithm, MessageDigest> mds) {
        EnumMap<DigestAlgorithm, Digest> out = new EnumMap<>(DigestAlgorithm.class);
        mds.forEach((a, md) -> out.put(a, Digest.of(a, md.digest())));
        return new DigestSet(out);
    }
}
