package io.jenkins.plugins.securedeploy.engine.policy;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.stream.Stream;

/**
 * A baseline too large to hold, on disk in a temporary folder: the entries in the file's order (one record each),
 * a hashed index of their fingerprints (open addressing over a memory-mapped table of {@code 8 * 2^k >= 16 n}
 * bytes: a 24-bit tag of the fingerprint's hash and the record's offset per slot; a lookup reads one or two slots
 * and, when a tag matches, the record's fingerprint) and one byte of marks per entry (a duplicate of an earlier
 * fingerprint, seen by the gate, or seen by a pending {@link #generation() generation}). The hash is seeded at
 * random per index, so chosen fingerprints cannot make lookups collide. The heap it uses is a few buffers, whatever
 * the number of entries. Not thread-safe.
 */
final class BaselineIndex implements Closeable {
    static final byte DUPLICATE = BaselineMarks.DUPLICATE;
    static final byte SEEN = BaselineMarks.SEEN;
    static final int GENERATION = BaselineMarks.GENERATION;
    private static final long OFFSET = (1L << 40) - 1;
    private static final int HEADER = BaselineRecords.HEADER;

    private final Path dir;
    private final Path dataFile;
    private final FileChannel data;
    private final MappedFile table;
    private final BaselineMarks marks;
    private final long mask;
    private final long seed;
    private final long records;
    private final long distinct;
    private final ByteBuffer buffer = ByteBuffer.allocate(4096);
    private final Set<Closeable> readers = new HashSet<>();
    private boolean closed;

    private BaselineIndex(Path dir, Path dataFile, long records, long seed) throws IOException {
        this.dir = dir;
        this.dataFile = dataFile;
        this.records = records;
        this.seed = seed;
        long slots = Long.highestOneBit(Math.max(16, records * 2 - 1)) << 1;
        this.mask = slots - 1;
        this.data = FileChannel.open(dataFile, StandardOpenOption.READ);
        MappedFile t = null;
        BaselineMarks m = null;
        try {
            t = new MappedFile(dir.resolve("table.bin"), slots * 8);
            m = new BaselineMarks(dir.resolve("marks.bin"), records);
        } catch (IOException e) {
            closeQuietly(t);
            data.close();
            throw e;
        }
        this.table = t;
        this.marks = m;
        this.distinct = insertAll();
    }

    /** Starts an index in a new folder under {@code tempRoot} (null = the system's temporary folder). */
    static Builder builder(Path tempRoot) throws IOException {
        Path dir = tempRoot == null ? Files.createTempDirectory("secure-deploy-baseline-")
                : Files.createTempDirectory(tempRoot, "secure-deploy-baseline-");
        return new Builder(dir);
    }

    /** Writes entries in order; {@link #build()} indexes them. */
    static final class Builder implements Closeable {
        private final Path dir;
        private final Path file;
        private final BaselineRecords.Writer out;
        private boolean done;

        private Builder(Path dir) throws IOException {
            this.dir = dir;
            this.file = dir.resolve("entries.bin");
            this.out = new BaselineRecords.Writer(file);
        }

        void add(BaselineEntry e) throws IOException {
            out.add(e);
        }

        BaselineIndex build() throws IOException {
            out.close();
            done = true;
            try {
                return new BaselineIndex(dir, file, out.records(), new SecureRandom().nextLong());
            } catch (IOException | RuntimeException e) {
                delete(dir);
                throw e;
            }
        }

        /** Deletes what was written unless it was built. */
        @Override
        public void close() throws IOException {
            if (!done) {
                done = true;
                out.close();
                delete(dir);
            }
        }
    }

    /** Entries in the file, duplicates included. */
    long records() {
        return records;
    }

    /** Entries with a fingerprint of their own. */
    long distinct() {
        return distinct;
    }

    /** The ordinal of the first entry with {@code fingerprint}, or -1. */
    long lookup(String fingerprint) throws IOException {
        ensureOpen();
        return find(fingerprint.getBytes(StandardCharsets.UTF_8), false, 0);
    }

    byte mark(long ordinal) {
        return marks.get(ordinal);
    }

    void mark(long ordinal, byte value) {
        marks.put(ordinal, value);
    }

    /** A new generation of pending marks for a fork of the gate's tally ({@link BaselineMarks#generation()}). */
    int generation() {
        return marks.generation();
    }

    /** Turns the marks of generation {@code from} into {@code to} (0 = seen). */
    void promote(int from, int to) {
        marks.promote(from, to);
    }

    /** How many entries are neither duplicates nor seen. */
    long countUnseen() {
        return marks.countUnseen();
    }

    /**
     * The entries whose marks {@code select} accepts, in the file's order, read as they are iterated (the file is
     * closed at the end, or when the index is).
     */
    Iterator<BaselineEntry> iterator(LongPredicate select) throws IOException {
        ensureOpen();
        BaselineRecords.Reader in = new BaselineRecords.Reader(dataFile);
        readers.add(in);
        return new Iterator<>() {
            private long i;
            private BaselineEntry next;

            @Override
            public boolean hasNext() {
                try {
                    while (next == null && i < records) {
                        ensureOpen();
                        i++;
                        long ordinal = in.ordinal();
                        BaselineEntry entry = in.entry();
                        if (select.test(marks.get(ordinal))) {
                            next = entry;
                        }
                    }
                    if (next == null) {
                        readers.remove(in);
                        in.close();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the baseline's on-disk index", e);
                }
                return next != null;
            }

            @Override
            public BaselineEntry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("no more baseline entries");
                }
                BaselineEntry e = next;
                next = null;
                return e;
            }
        };
    }

    /** Inserts every record's fingerprint, marking repeats as duplicates; returns the distinct count. */
    private long insertAll() throws IOException {
        long n = 0;
        try (BaselineRecords.Reader in = new BaselineRecords.Reader(dataFile)) {
            long offset = 0;
            for (long i = 0; i < records; i++) {
                long ordinal = in.ordinal();
                byte[] fp = in.fingerprint();
                long at = offset;
                offset += HEADER + fp.length + in.skipRest();
                if (find(fp, true, at) < 0) {
                    n++;
                } else {
                    marks.put(ordinal, DUPLICATE);
                }
            }
        }
        return n;
    }

    /**
     * The ordinal of the record with fingerprint {@code fp}, or -1; with {@code insert}, a missing one is added at
     * {@code offset}.
     */
    private long find(byte[] fp, boolean insert, long offset) throws IOException {
        long h = hash(fp);
        long tag = h >>> 40;
        for (long i = h & mask; ; i = (i + 1) & mask) {
            long slot = table.getLong(i);
            if (slot == 0) {
                if (insert) {
                    table.putLong(i, tag << 40 | (offset + 1));
                }
                return -1;
            }
            if (slot >>> 40 == tag) {
                long ordinal = ordinalIfSame((slot & OFFSET) - 1, fp);
                if (ordinal >= 0) {
                    return ordinal;
                }
            }
        }
    }

    private long ordinalIfSame(long offset, byte[] fp) throws IOException {
        ByteBuffer b = buffer.capacity() >= HEADER + fp.length ? buffer : ByteBuffer.allocate(HEADER + fp.length);
        b.clear().limit(HEADER + fp.length);
        while (b.hasRemaining()) {
            if (data.read(b, offset + b.position()) < 0) {
                throw new EOFException("baseline index record at " + offset + " is cut");
            }
        }
        long ordinal = b.getLong(0);
        if (b.getInt(8) != fp.length) {
            return -1;
        }
        return Arrays.equals(b.array(), HEADER, HEADER + fp.length, fp, 0, fp.length) ? ordinal : -1;
    }

    private long hash(byte[] fp) {
        long h = seed ^ 0xcbf29ce484222325L;
        for (byte b : fp) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the baseline's on-disk index is closed (it lives while the gate runs;"
                    + " the full list of fixed entries is in gate-report.json)");
        }
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        for (Closeable in : readers) {
            closeQuietly(in);
        }
        readers.clear();
        closeQuietly(table);
        closeQuietly(marks);
        data.close();
        delete(dir);
    }

    private static void closeQuietly(Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // the folder is deleted next
            }
        }
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}
