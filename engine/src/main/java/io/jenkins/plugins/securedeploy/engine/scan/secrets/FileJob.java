package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.SecureDeployException;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.util.List;

/**
 * One file to read, in walk order, and — once a worker has scanned it — what it gave. The worker publishes the outcome
 * before the scan's end hands it to the result (the join of the worker threads orders the two).
 */
final class FileJob {
    /** What one file gave; {@code readFailure} names the exception's class when it could not be read. */
    record Outcome(List<Finding> findings, List<Problem> problems, boolean scanned, int allowedInline,
            int allowedByFingerprint, String readFailure) {
        /** A file read to its end that gave nothing: shared by most files (nothing per file kept until the end). */
        static final Outcome CLEAN = new Outcome(List.of(), List.of(), true, 0, 0, null);
    }

    final String path;
    final long size;
    private final TreeSource.Opener opener;
    private Outcome outcome;

    FileJob(String path, long size, TreeSource.Opener opener) {
        this.path = path;
        this.size = size;
        this.opener = opener;
    }

    Outcome outcome() {
        return outcome;
    }

    /** Frees what the job holds without reading it (the scan is failing anyway). */
    void skip() {
        try {
            opener.release();
        } catch (IOException e) {
            // the scan already failed; the failure it reports is the first one
        }
    }

    /** Reads and scans the file with this worker's scanner (one per thread). */
    void run(ByteLineScanner scanner, SecretDetector detector, SecretAllowList allow) {
        FileScan scan = new FileScan(path, detector, allow);
        try {
            try (ReadableByteChannel channel = opener.open()) {
                if (!scanner.scan(channel, size, scan)) {
                    outcome = new Outcome(List.of(), List.of(Problem.of(SecretScanner.SKIPPED_BINARY,
                            "not scanned for secrets (info): binary file (NUL byte in the first 8 KiB)",
                            Location.ofFile(path))), false, 0, 0, null);
                    return;
                }
                outcome = scan.findings().isEmpty() && scan.allowedInline() == 0 && scan.allowedByFingerprint() == 0
                        ? Outcome.CLEAN
                        : new Outcome(scan.findings(), List.of(), true, scan.allowedInline(),
                                scan.allowedByFingerprint(), null);
            } catch (ByteLineScanner.TooLargeException e) {
                outcome = new Outcome(scan.findings(), List.of(SecretScanner.tooLarge(path,
                        "the file grew while being read and is now", scanner.maxFileSize())), true,
                        scan.allowedInline(), scan.allowedByFingerprint(), null);
            } finally {
                opener.release();
            }
        } catch (IOException | SecureDeployException e) {
            outcome = new Outcome(List.of(), List.of(SecretScanner.readFailed(path, e)), false, 0, 0,
                    e.getClass().getSimpleName());
        }
    }
}
