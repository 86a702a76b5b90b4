package io.jenkins.plugins.securedeploy.engine.audit;

import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.core.EnvironmentException;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What opening a log checks before the first append: one writer (an exclusive lock), a sound last entry (its hash
 * matches its bytes), and a torn last line refused with its number — or, when asked, moved aside to
 * {@code <log>.torn-<line>}.
 */
final class LogOpening {
    private LogOpening() {}

    static FileLock lock(FileChannel ch, String name) throws IOException {
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new EnvironmentException("audit log " + name + " is already open for writing (one writer at a "
                    + "time)");
        }
        return lock;
    }

    static AuditEntry lastEntry(LogTail.Tail tail, String name) {
        byte[] line = tail.lastLine();
        try {
            AuditEntry last = new AuditEntryReader().parse(line, 0, line.length);
            Digest actual = Hashing.sha256(line, 0, line.length - AuditEntryWriter.SUFFIX_LENGTH);
            if (!actual.matches(last.hash())) {
                throw new AuditEntryReader.MalformedEntryException("its hash does not match its content");
            }
            return last;
        } catch (AuditEntryReader.MalformedEntryException e) {
            throw new InvalidInputException(Problem.of("audit.damaged", "the last entry is damaged (" + e.getMessage()
                    + "); run 'secure-deploy audit verify' before appending", Location.ofFile(name)));
        }
    }

    static AuditLog.Recovery recoverOrRefuse(Path file, FileChannel ch, LogTail.Tail tail, long entries,
            boolean recover) throws IOException {
        long line = entries + 1;
        int bytes = (int) (tail.size() - tail.fragmentStart());
        Location where = Location.of(file.getFileName().toString(), (int) Math.min(line, Integer.MAX_VALUE), 0);
        if (!recover) {
            throw new InvalidInputException(Problem.of("audit.torn", "the last line (" + bytes + " bytes) is "
                    + "incomplete: a write was interrupted. Open the log with recovery to move it aside and record "
                    + "that", where));
        }
        ByteBuffer fragment = ByteBuffer.allocate(bytes);
        LogTail.readFully(ch, fragment, tail.fragmentStart());
        Path moved = file.resolveSibling(file.getFileName() + ".torn-" + line);
        try (FileChannel out = FileChannel.open(moved, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            LogTail.writeFully(out, ByteBuffer.wrap(fragment.array()), 0);
            out.force(true);
        }
        ch.truncate(tail.fragmentStart());
        ch.force(true);
        return new AuditLog.Recovery(line, bytes, Hashing.sha256(fragment.array()), moved);
    }

}
