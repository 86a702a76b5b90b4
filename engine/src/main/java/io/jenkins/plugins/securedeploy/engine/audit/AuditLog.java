package io.jenkins.plugins.securedeploy.engine.audit;

import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.core.EnvironmentException;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.mask.SecretMasker;
import io.jenkins.plugins.securedeploy.engine.sign.Signer;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The append-only audit log: JSON Lines, each entry numbered and hash-chained to the one before
 * ({@link AuditEntryWriter}), every append forced to disk before it returns, and the chain head signed every
 * {@code interval} entries into {@code <log>.checkpoints}. Opening reads only the end of the file, so appends cost
 * the same at entry 10 as at entry 10 million. A torn last line (an interrupted write) stops the open with its line
 * number, or — when asked explicitly — is moved aside and recorded as a {@code log.recovered} entry; it is never
 * silently dropped. One writer at a time (an exclusive file lock); thread-safe within it.
 */
public final class AuditLog implements Closeable {
    /** How the log stamps, masks and signs. */
    public record Options(Clock clock, SecretMasker masker, Signer signer, int checkpointInterval,
            boolean recoverTornTail) {
        public static final int DEFAULT_INTERVAL = 1000;

        public Options {
            Objects.requireNonNull(clock, "clock");
            masker = masker == null ? SecretMasker.none() : masker;
            if (signer != null && checkpointInterval < 1) {
                throw new IllegalArgumentException("the checkpoint interval is at least 1 entry");
            }
        }

        /** Signed checkpoints every {@value #DEFAULT_INTERVAL} entries; a torn last line stops the open. */
        public static Options signed(Signer signer, Clock clock, SecretMasker masker) {
            return new Options(clock, masker, Objects.requireNonNull(signer, "signer"), DEFAULT_INTERVAL, false);
        }

        /** Relaxation: no checkpoints, so truncation at the end of the log cannot be detected. */
        public static Options unsigned(Clock clock, SecretMasker masker) {
            return new Options(clock, masker, null, 0, false);
        }

        public Options withInterval(int interval) {
            return new Options(clock, masker, signer, interval, recoverTornTail);
        }

        /** Move a torn last line aside (to {@code <log>.torn-<line>}) and record that, instead of refusing to open. */
        public Options recoveringTornTail() {
            return new Options(clock, masker, signer, checkpointInterval, true);
        }
    }

    /** A torn last line found at open and moved aside. */
    public record Recovery(long line, int bytes, Digest digest, Path movedTo) {}

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final Options options;
    private final Checkpointer checkpointer;
    private final AuditEntryWriter writer = new AuditEntryWriter();
    private final Recovery recovery;
    private long entries;
    private Digest head;
    private boolean broken;
    private boolean closed;

    private AuditLog(Path file, FileChannel channel, FileLock lock, Options options, Checkpointer checkpointer,
            long entries, Digest head, Recovery recovery) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.options = options;
        this.checkpointer = checkpointer;
        this.entries = entries;
        this.head = head;
        this.recovery = recovery;
    }

    /** Opens {@code file} for appending, creating it (and its checkpoint file) when it does not exist. */
    public static AuditLog open(Path file, Options options) {
        String name = file.getFileName().toString();
        boolean created = !Files.exists(file);
        FileChannel ch = null;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = LogOpening.lock(ch, name);
            LogTail.Tail tail = LogTail.read(ch);
            long entries = 0;
            Digest head = AuditEntryWriter.GENESIS;
            if (tail.lastLine() != null) {
                AuditEntry last = LogOpening.lastEntry(tail, name);
                entries = last.seq();
                head = last.hash();
            }
            Recovery recovery = null;
            if (tail.torn()) {
                recovery = LogOpening.recoverOrRefuse(file, ch, tail, entries, options.recoverTornTail());
            }
            Checkpointer cp = null;
            if (options.signer() != null) {
                cp = Checkpointer.open(file, options.signer(), options.checkpointInterval(), options.clock(),
                        entries, head, created);
            } else if (Files.exists(Checkpointer.fileOf(file)) && Files.size(Checkpointer.fileOf(file)) > 0) {
                throw new InvalidInputException(Problem.of("audit.unsigned", "the log has signed checkpoints; open "
                        + "it with a signer so they continue", Location.ofFile(name)));
            }
            AuditLog log = new AuditLog(file, ch, lock, options, cp, entries, head, recovery);
            if (recovery != null) {
                log.append(AuditEvent.of(AuditAction.LOG_RECOVERED, AuditEvent.SYSTEM, "line " + recovery.line()
                        + " was incomplete (" + recovery.bytes() + " bytes, an interrupted write); moved to "
                        + recovery.movedTo().getFileName(), AuditRef.of(AuditRef.Kind.FRAGMENT, recovery.digest())));
            }
            return log;
        } catch (IOException e) {
            closeQuietly(ch);
            throw new EnvironmentException("cannot open audit log " + name + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(ch);
            throw e;
        }
    }

    /** Appends one event: masked, numbered, chained, written and forced to disk; signs a checkpoint when due. */
    public AuditEntry append(AuditEvent event) {
        return appendAll(List.of(event)).get(0);
    }

    /**
     * Appends events in order as one durable group: every line is written, the log is forced to disk once, then
     * the checkpoints that fell due inside the group are signed and forced. Returns when all of it is on disk.
     */
    public synchronized List<AuditEntry> appendAll(List<AuditEvent> events) {
        if (closed || broken) {
            throw new EnvironmentException("audit log " + file.getFileName() + " is " + (closed ? "closed"
                    : "broken by an earlier write failure; reopen it") + "; entry not written");
        }
        List<AuditEntry> written = new ArrayList<>(events.size());
        List<AuditEntry> due = new ArrayList<>();
        long n = entries;
        Digest h = head;
        try {
            long position = channel.size();
            ByteBuffer batch = ByteBuffer.allocate(64 * 1024);
            for (AuditEvent event : events) {
                Instant at = options.clock().instant().truncatedTo(ChronoUnit.MILLIS);
                AuditEntryWriter.Encoded enc = writer.encode(n + 1, at, masked(event), h);
                if (batch.remaining() < enc.line().length) {
                    position = flush(batch, position);
                    if (batch.capacity() < enc.line().length) {
                        batch = ByteBuffer.allocate(enc.line().length);
                    }
                }
                batch.put(enc.line());
                n++;
                h = enc.entry().hash();
                written.add(enc.entry());
                if (checkpointer != null && checkpointer.isDue(n)) {
                    due.add(enc.entry());
                }
            }
            flush(batch, position);
            channel.force(false);
        } catch (IOException | RuntimeException e) {
            broken = true;
            throw new EnvironmentException("cannot append to audit log " + file.getFileName() + " (entry "
                    + (entries + 1) + "): " + e.getClass().getSimpleName(), e);
        }
        entries = n;
        head = h;
        for (AuditEntry e : due) {
            try {
                checkpointer.sign(e.seq(), e.hash());
            } catch (IOException | RuntimeException ex) {
                broken = true;
                throw new EnvironmentException("entry " + e.seq() + " of audit log " + file.getFileName() + " is "
                        + "written but its checkpoint could not be signed (reopening the log signs it): "
                        + ex.getMessage(), ex);
            }
        }
        return written;
    }

    private long flush(ByteBuffer batch, long position) throws IOException {
        batch.flip();
        int length = batch.remaining();
        LogTail.writeFully(channel, batch, position);
        batch.clear();
        return position + length;
    }

    public synchronized long size() {
        return entries;
    }

    /** The hash of the last entry (the genesis value for an empty log). */
    public synchronized Digest head() {
        return head;
    }

    /** Entries covered by the last signed checkpoint (0 without checkpoints). */
    public synchronized long lastCheckpoint() {
        return checkpointer == null ? 0 : checkpointer.lastCheckpoint();
    }

    public Path file() {
        return file;
    }

    public Path checkpointFile() {
        return Checkpointer.fileOf(file);
    }

    /** The torn line moved aside when this log was opened, if there was one. */
    public Optional<Recovery> recovery() {
        return Optional.ofNullable(recovery);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (checkpointer != null) {
                checkpointer.close();
            }
            lock.release();
        } catch (IOException e) {
            throw new EnvironmentException("cannot close audit log " + file.getFileName() + ": "
                    + e.getClass().getSimpleName(), e);
        } finally {
            closeQuietly(channel);
        }
    }

    private AuditEvent masked(AuditEvent event) {
        SecretMasker m = options.masker();
        if (m.isEmpty()) {
            return event;
        }
        List<AuditRef> refs = new ArrayList<>(event.refs().size());
        for (AuditRef r : event.refs()) {
            String v = m.mask(r.value());
            refs.add(v.equals(r.value()) ? r : new AuditRef("redacted", SecretMasker.MASK));
        }
        String actor = m.mask(event.actor());
        return new AuditEvent(event.action(), actor.equals(event.actor()) ? actor : SecretMasker.MASK, refs,
                m.mask(event.note()));
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // closing after a failure; the failure is what is reported
            }
        }
    }
}
