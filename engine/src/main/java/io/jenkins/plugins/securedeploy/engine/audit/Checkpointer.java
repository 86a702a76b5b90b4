package io.jenkins.plugins.securedeploy.engine.audit;

import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.core.EnvironmentException;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.sign.Signer;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The checkpoint file beside a log: on open, checks in O(1) that its last checkpoint fits the log (not ahead of it,
 * not missing one) and writes the one a crash between append and checkpoint left out; afterwards signs the chain
 * head every {@code interval} entries through the {@link Signer} port and forces it to disk.
 */
final class Checkpointer implements Closeable {
    private final Path file;
    private final FileChannel channel;
    private final Signer signer;
    private final int interval;
    private final Clock clock;
    private final AuditCheckpointWriter writer = new AuditCheckpointWriter();
    private long last;

    private Checkpointer(Path file, FileChannel channel, Signer signer, int interval, Clock clock) {
        this.file = file;
        this.channel = channel;
        this.signer = signer;
        this.interval = interval;
        this.clock = clock;
    }

    /** The checkpoint file of {@code log}: {@code <log>.checkpoints}. */
    static Path fileOf(Path log) {
        return log.resolveSibling(log.getFileName() + ".checkpoints");
    }

    /** Opens (or creates) the checkpoint file for a log of {@code entries} entries whose head is {@code head}. */
    static Checkpointer open(Path log, Signer signer, int interval, Clock clock, long entries, Digest head,
            boolean created) throws IOException {
        Path file = fileOf(log);
        String name = file.getFileName().toString();
        if (!created && entries > 0 && !java.nio.file.Files.isRegularFile(file)) {
            throw new InvalidInputException(Problem.of("audit.checkpoints-missing", "the checkpoint file of a "
                    + "non-empty log is missing (deleted?); restore it before appending", Location.ofFile(name)));
        }
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        Checkpointer c = new Checkpointer(file, ch, signer, interval, clock);
        try {
            c.reconcile(entries, head, name);
        } catch (RuntimeException | IOException e) {
            ch.close();
            throw e;
        }
        return c;
    }

    private void reconcile(long entries, Digest head, String name) throws IOException {
        LogTail.Tail tail = LogTail.read(channel);
        if (tail.size() == 0) {
            if (entries > 0) {
                throw new InvalidInputException(Problem.of("audit.checkpoint-header", "the checkpoint file of a "
                        + "non-empty log is empty (cut?); restore it before appending", Location.ofFile(name)));
            }
            LogTail.writeFully(channel, ByteBuffer.wrap(writer.header(interval)), 0);
            channel.force(false);
            return;
        }
        if (tail.torn()) {
            throw new InvalidInputException(Problem.of("audit.checkpoint-torn", "the last checkpoint line is "
                    + "incomplete (no newline)", Location.ofFile(name)));
        }
        if (AuditCheckpointReader.isHeader(tail.lastLine())) {
            int headerInterval = new AuditCheckpointReader().header(tail.lastLine(), 0, tail.lastLine().length,
                    Location.of(name, 1, 0));
            if (headerInterval != interval) {
                throw new InvalidInputException(Problem.of("audit.checkpoint-interval", "the log is checkpointed "
                        + "every " + headerInterval + " entries; open it with the same interval, not " + interval,
                        Location.of(name, 1, 0)));
            }
        } else {
            AuditCheckpoint cp = new AuditCheckpointReader().parse(tail.lastLine(), 0, tail.lastLine().length,
                    Location.ofFile(name));
            if (cp.interval() != interval) {
                throw new InvalidInputException(Problem.of("audit.checkpoint-interval", "the log was checkpointed "
                        + "every " + cp.interval() + " entries; open it with the same interval, not " + interval,
                        Location.ofFile(name)));
            }
            if (cp.entries() > entries) {
                throw new InvalidInputException(Problem.of("audit.truncated", "the last checkpoint covers "
                        + cp.entries() + " entries but the log has " + entries + ": the log was truncated",
                        Location.ofFile(name)));
            }
            last = cp.entries();
        }
        long expected = entries / interval * interval;
        if (last == expected) {
            return;
        }
        if (entries == expected && last == expected - interval) {
            sign(entries, head);
            return;
        }
        throw new InvalidInputException(Problem.of("audit.checkpoint-missing", "the last checkpoint covers " + last
                + " entries but the log has " + entries + " (one every " + interval + " expected): a checkpoint "
                + "is missing", Location.ofFile(name)));
    }

    /** Whether a log of {@code entries} entries is due a checkpoint. */
    boolean isDue(long entries) {
        return entries % interval == 0;
    }

    /** Signs the head of a log of {@code entries} entries and forces the checkpoint to disk. */
    void sign(long entries, Digest head) throws IOException {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        byte[] signature;
        try {
            signature = signer.sign(AuditCheckpoint.signedBytes(entries, interval, head, at));
        } catch (RuntimeException e) {
            throw new EnvironmentException("cannot sign audit checkpoint at entry " + entries + " with key "
                    + signer.keyId() + ": " + e.getClass().getSimpleName(), e);
        }
        AuditCheckpoint cp = new AuditCheckpoint(entries, interval, head, at, signer.keyId(), signer.algorithm(),
                signature);
        LogTail.writeFully(channel, ByteBuffer.wrap(writer.encode(cp)), channel.size());
        channel.force(false);
        last = entries;
    }

    long lastCheckpoint() {
        return last;
    }

    Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
