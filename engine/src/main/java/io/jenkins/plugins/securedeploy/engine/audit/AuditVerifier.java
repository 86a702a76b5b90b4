package io.jenkins.plugins.securedeploy.engine.audit;

import io.jenkins.plugins.securedeploy.engine.audit.AuditVerification.Status;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.sign.SignatureCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Verifies an audit log by streaming it once (constant memory): every line a well-formed entry, numbered 1, 2, 3…
 * in order, its hash over its own bytes, its {@code prev} the hash of the entry before; then the checkpoint file —
 * each checkpoint signed by a trusted key, at its interval, its head equal to the chain head at that entry, and none
 * beyond the end of the log. Any edit, deletion, insertion, reordering or truncation is TAMPERED, naming the first
 * bad entry by number. Without trusted keys only {@link #chainOnly()} verifies, and says so.
 */
public final class AuditVerifier {
    private final List<SignatureCheck> trusted;

    /** Checks checkpoints with these keys (any one may have signed each checkpoint). */
    public AuditVerifier(List<SignatureCheck> trusted) {
        if (trusted == null || trusted.isEmpty()) {
            throw new IllegalArgumentException("checkpoint verification needs at least one trusted key; use "
                    + "AuditVerifier.chainOnly() to check the chain alone");
        }
        this.trusted = List.copyOf(trusted);
    }

    private AuditVerifier() {
        this.trusted = List.of();
    }

    /** Relaxation: the hash chain only; checkpoints are not read, so truncation at the end goes unnoticed. */
    public static AuditVerifier chainOnly() {
        return new AuditVerifier();
    }

    /** Verifies {@code log} against its checkpoint file {@code <log>.checkpoints}. */
    public AuditVerification verify(Path log) {
        return verify(log, Checkpointer.fileOf(log));
    }

    public AuditVerification verify(Path log, Path checkpointFile) {
        String logName = log.getFileName().toString();
        List<AuditCheckpoint> checkpoints = List.of();
        int interval = 0;
        if (!trusted.isEmpty()) {
            String cpName = checkpointFile.getFileName().toString();
            try {
                AuditCheckpointReader.Checkpoints file = new AuditCheckpointReader().read(checkpointFile, cpName);
                checkpoints = file.checkpoints();
                interval = file.interval();
            } catch (NoSuchFileException e) {
                return error(Problem.of("audit.checkpoints-missing", "the checkpoint file does not exist",
                        Location.ofFile(cpName)));
            } catch (IOException e) {
                return error(Problem.of("file.unreadable", "cannot read: " + e.getClass().getSimpleName(),
                        Location.ofFile(cpName)));
            } catch (InvalidInputException e) {
                return tampered(0, 0, e.problems().get(0));
            }
            Problem bad = checkSignatures(checkpoints, interval, cpName);
            if (bad != null) {
                return tampered(0, 0, bad);
            }
        }
        Walk walk = new Walk(logName, checkpoints, interval);
        try (InputStream in = Files.newInputStream(log)) {
            LineScanner.scan(in, walk::line);
        } catch (NoSuchFileException e) {
            return error(Problem.of("file.missing", "the audit log does not exist", Location.ofFile(logName)));
        } catch (LineScanner.LineTooLongException e) {
            walk.fail(e.lineNo, "audit.malformed", "line longer than " + LineScanner.MAX_LINE + " bytes");
        } catch (IOException e) {
            return error(Problem.of("file.unreadable", "cannot read: " + e.getClass().getSimpleName(),
                    Location.ofFile(logName)));
        }
        return walk.finish(!trusted.isEmpty());
    }

    private Problem checkSignatures(List<AuditCheckpoint> checkpoints, int interval, String cpName) {
        for (int i = 0; i < checkpoints.size(); i++) {
            AuditCheckpoint c = checkpoints.get(i);
            Location where = Location.of(cpName, i + 2, 0);
            if (c.interval() != interval || c.entries() != (long) (i + 1) * interval) {
                return Problem.of("audit.checkpoint-order", "checkpoint " + (i + 1) + " covers " + c.entries()
                        + " entries; expected " + (long) (i + 1) * interval + " (a checkpoint was removed, "
                        + "inserted or reordered)", where);
            }
            SignatureCheck key = trusted.stream().filter(k -> k.keyId().equals(c.keyId())).findFirst().orElse(null);
            if (key == null) {
                return Problem.of("audit.checkpoint-key", "checkpoint " + (i + 1) + " is signed by key " + c.keyId()
                        + ", which is not trusted", where);
            }
            boolean ok;
            try {
                ok = key.verify(c.signedBytes(), c.signature());
            } catch (RuntimeException e) {
                ok = false;
            }
            if (!ok) {
                return Problem.of("audit.checkpoint-signature", "the signature of checkpoint " + (i + 1)
                        + " (entries " + c.entries() + ") does not verify with key " + c.keyId(), where);
            }
        }
        return null;
    }

    /** The streaming state: expected next number, previous hash, next checkpoint. */
    private static final class Walk {
        private final String logName;
        private final List<AuditCheckpoint> checkpoints;
        private final int interval;
        private final EntryScanner scanner = new EntryScanner();
        private final Hashing.Sha256 sha256 = Hashing.sha256Hasher();
        private final byte[] prevHex = AuditEntryWriter.GENESIS.hex().getBytes(StandardCharsets.US_ASCII);
        private final byte[] actualHex = new byte[64];
        private long entries;
        private int nextCheckpoint;
        private AuditVerification failure;

        Walk(String logName, List<AuditCheckpoint> checkpoints, int interval) {
            this.logName = logName;
            this.checkpoints = checkpoints;
            this.interval = interval;
        }

        /** One line: well-formed, its own hash, its number, its link to the previous one, its checkpoint. */
        boolean line(byte[] buf, int off, int len, long lineNo, boolean torn) {
            if (torn) {
                return fail(lineNo, "audit.torn", "the last line is incomplete (no newline): an interrupted write or "
                        + "a truncation");
            }
            long seq;
            try {
                seq = scanner.check(buf, off, len);
            } catch (AuditEntryReader.MalformedEntryException ex) {
                return fail(lineNo, "audit.malformed", "not a well-formed entry: " + ex.getMessage());
            }
            toHex(sha256.digest(buf, off, len - AuditEntryWriter.SUFFIX_LENGTH), actualHex);
            if (!equal(buf, scanner.hashHexOffset, actualHex)) {
                return fail(lineNo, "audit.edited", "entry " + lineNo + " was changed: its hash does not match its "
                        + "content");
            }
            if (seq > lineNo) {
                return fail(lineNo, "audit.missing", "entry " + lineNo + " is missing: line " + lineNo + " holds entry "
                        + seq + " (deleted or reordered)");
            }
            if (seq < lineNo) {
                return fail(lineNo, "audit.out-of-order", "line " + lineNo + " holds entry " + seq
                        + " again (inserted, duplicated or reordered)");
            }
            if (!equal(buf, scanner.prevHexOffset, prevHex)) {
                return fail(lineNo, "audit.chain", "entry " + lineNo + " does not follow entry " + (lineNo - 1)
                        + " (its prev hash differs): an entry before it was replaced");
            }
            System.arraycopy(actualHex, 0, prevHex, 0, 64);
            entries = lineNo;
            if (nextCheckpoint < checkpoints.size() && checkpoints.get(nextCheckpoint).entries() == lineNo) {
                byte[] head = checkpoints.get(nextCheckpoint).head().hex().getBytes(StandardCharsets.US_ASCII);
                if (!equal(head, 0, actualHex)) {
                    long from = nextCheckpoint == 0 ? 1 : checkpoints.get(nextCheckpoint - 1).entries() + 1;
                    return fail(from, "audit.rewritten", "entries " + from + ".." + lineNo + " were rewritten: the "
                            + "chain head at entry " + lineNo + " differs from signed checkpoint "
                            + (nextCheckpoint + 1));
                }
                nextCheckpoint++;
            }
            return true;
        }

        private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

        private static void toHex(byte[] raw, byte[] out) {
            for (int i = 0; i < raw.length; i++) {
                out[2 * i] = HEX[(raw[i] >> 4) & 0xf];
                out[2 * i + 1] = HEX[raw[i] & 0xf];
            }
        }

        private static boolean equal(byte[] buf, int off, byte[] hex) {
            for (int i = 0; i < hex.length; i++) {
                if (buf[off + i] != hex[i]) {
                    return false;
                }
            }
            return true;
        }

        boolean fail(long entry, String code, String message) {
            if (failure == null) {
                failure = tampered(entry, entries, Problem.of(code, message,
                        Location.of(logName, (int) Math.min(entry, Integer.MAX_VALUE), 0)));
            }
            return false;
        }

        AuditVerification finish(boolean checked) {
            if (failure != null) {
                return failure;
            }
            if (nextCheckpoint < checkpoints.size()) {
                AuditCheckpoint c = checkpoints.get(nextCheckpoint);
                fail(entries + 1, "audit.truncated", "the log ends after entry " + entries + " but checkpoint "
                        + (nextCheckpoint + 1) + " covers " + c.entries() + " entries: entries " + (entries + 1) + ".."
                        + c.entries() + " were removed");
                return failure;
            }
            long last = checkpoints.isEmpty() ? 0 : checkpoints.get(checkpoints.size() - 1).entries();
            if (checked) {
                if (entries - last >= interval) {
                    fail(last + interval, "audit.checkpoint-missing", "no signed checkpoint for entry "
                            + (last + interval) + " (one every " + interval + " entries): the checkpoint file was "
                            + "cut");
                    return failure;
                }
            }
            return new AuditVerification(Status.INTACT, entries, 0, checked, checkpoints.size(), last,
                    entries - last, List.of());
        }
    }

    private static AuditVerification tampered(long entry, long entries, Problem p) {
        return new AuditVerification(Status.TAMPERED, entries, entry, true, 0, 0, 0, List.of(p));
    }

    private static AuditVerification error(Problem p) {
        return new AuditVerification(Status.ERROR, 0, 0, false, 0, 0, 0, List.of(p));
    }
}
