package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import io.jenkins.plugins.securedeploy.engine.core.EngineLog;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.SecureDeployException;
import io.jenkins.plugins.securedeploy.engine.host.Workspace;
import io.jenkins.plugins.securedeploy.engine.json.BoundedInputStream;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The built-in secret scanner: walks a workspace and reports credential-shaped strings as {@link Finding}s of
 * category SECRET. Findings carry the rule, location, a redacted preview ({@code AKIA…(20 chars)}) and a
 * fingerprint; the secret itself never leaves the scan (not in findings, problems, log lines or exceptions).
 *
 * <p>Files over the size limit and binary files (a NUL byte in the first 8 KiB) are skipped and each is listed as a
 * problem (informational: the status stays OK). A file that cannot be read makes the result ERROR (fail closed).
 * Stateless and thread-safe.
 */
public final class SecretScanner {
    /** Tool name of the results and findings. */
    public static final String TOOL = "secure-deploy-secrets";
    /** Problem code: a file over the size limit was not scanned. */
    public static final String SKIPPED_TOO_LARGE = "secrets.skipped-too-large";
    /** Problem code: a binary file was not scanned. */
    public static final String SKIPPED_BINARY = "secrets.skipped-binary";
    /** Problem code: a file could not be read (the result is ERROR). */
    public static final String READ_FAILED = "secrets.read-failed";

    static final int BINARY_PROBE = 8192;

    public ScanResult scan(Workspace workspace, SecretScanOptions options) {
        return scan(workspace, options, new EngineLog("[secrets] "));
    }

    /** Scans and records summary lines (counts only, never content) in {@code log}. */
    public ScanResult scan(Workspace workspace, SecretScanOptions options, EngineLog log) {
        Globs includes = Globs.compile("includes", options.includes());
        Globs excludes = Globs.compile("excludes", options.excludes());
        SecretAllowList allow = options.allowList();
        Globs allowedPaths = Globs.compile("allowList/pathGlobs", allow.pathGlobs());
        List<SecretRule> rules = options.rules().stream().filter(r -> !allow.allowsRule(r.id())).toList();
        SecretDetector detector = new SecretDetector(rules);

        List<String> files;
        try {
            files = workspace.list("**");
        } catch (IOException | SecureDeployException e) {
            log.error("cannot list the files of %s (%s)", workspace.describe(), e.getClass().getSimpleName());
            return ScanResult.error(TOOL, workspace.describe(), List.of(Problem.of(READ_FAILED,
                    "cannot list the workspace's files (" + e.getClass().getSimpleName() + ")",
                    Location.ofFile(""))));
        }
        List<Finding> findings = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        boolean failed = false;
        int scanned = 0;
        int excluded = 0;
        int allowedFiles = 0;
        long bytes = 0;
        int allowedInline = 0;
        int allowedByFingerprint = 0;
        for (String file : files) {
            if (!includes.matches(file) || excludes.matches(file)) {
                excluded++;
                continue;
            }
            if (allowedPaths.matches(file)) {
                allowedFiles++;
                continue;
            }
            try {
                long size = workspace.size(file);
                if (size > options.maxFileSize()) {
                    problems.add(tooLarge(file, size + " bytes is", options.maxFileSize()));
                    continue;
                }
                try (InputStream raw = workspace.open(file);
                        BufferedInputStream in = new BufferedInputStream(
                                new BoundedInputStream(raw, options.maxFileSize()), 64 * 1024)) {
                    FileScan scan = new FileScan(file, detector, allow);
                    try {
                        if (looksBinary(in)) {
                            problems.add(Problem.of(SKIPPED_BINARY,
                                    "not scanned for secrets (info): binary file (NUL byte in the first 8 KiB)",
                                    Location.ofFile(file)));
                            continue;
                        }
                        scan.run(in, options.windowChars());
                    } catch (BoundedInputStream.LimitExceededException e) {
                        problems.add(tooLarge(file, "the file grew while being read and is now",
                                options.maxFileSize()));
                    }
                    findings.addAll(scan.findings());
                    allowedInline += scan.allowedInline();
                    allowedByFingerprint += scan.allowedByFingerprint();
                }
                scanned++;
                bytes += size;
            } catch (IOException | SecureDeployException e) {
                failed = true;
                log.error("cannot read %s (%s)", file, e.getClass().getSimpleName());
                problems.add(Problem.of(READ_FAILED, "cannot read the file to scan it for secrets ("
                        + e.getClass().getSimpleName() + ")", Location.ofFile(file)));
            }
        }
        log.info("scanned %d files (%d bytes) with %d rules; %d excluded, %d allow-listed by path, %d skipped",
                scanned, bytes, rules.size(), excluded, allowedFiles,
                problems.stream().filter(p -> !p.code().equals(READ_FAILED)).count());
        log.info("%d secrets found; %d allow-listed inline, %d by fingerprint", findings.size(), allowedInline,
                allowedByFingerprint);
        return new ScanResult(TOOL, SecretRules.VERSION, workspace.describe(),
                failed ? ScanResult.Status.ERROR : ScanResult.Status.OK, findings, problems);
    }

    private static Problem tooLarge(String file, String what, long limit) {
        return Problem.of(SKIPPED_TOO_LARGE, String.format(Locale.ROOT,
                "not scanned for secrets (info): %s over the %d-byte limit", what, limit), Location.ofFile(file));
    }

    /** Whether the first {@value #BINARY_PROBE} bytes contain a NUL; leaves the stream where it was. */
    static boolean looksBinary(BufferedInputStream in) throws IOException {
        in.mark(BINARY_PROBE);
        byte[] head = in.readNBytes(BINARY_PROBE);
        in.reset();
        for (byte b : head) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }
}
