package io.jenkins.plugins.securedeploy.engine.scan.secrets;

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
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The oracle: the secret scanner as it was before issue 21 — one thread, {@code workspace.list} then
 * {@code workspace.open} per file, the whole stream decoded as UTF-8 and every line handed to {@link FileScan}.
 * Kept verbatim (only the line splitting is inlined) so tests can prove the parallel byte-level scanner gives the
 * same findings and problems in the same order.
 */
final class SequentialSecretScanner {
    ScanResult scan(Workspace workspace, SecretScanOptions options) {
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
            return ScanResult.error(SecretScanner.TOOL, workspace.describe(), List.of(Problem.of(
                    SecretScanner.READ_FAILED, "cannot list the workspace's files (" + e.getClass().getSimpleName()
                            + ")", Location.ofFile(""))));
        }
        List<Finding> findings = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        boolean failed = false;
        for (String file : files) {
            if (!includes.matches(file) || excludes.matches(file) || allowedPaths.matches(file)) {
                continue;
            }
            try {
                long size = workspace.size(file);
                if (size > options.maxFileSize()) {
                    problems.add(SecretScanner.tooLarge(file, size + " bytes is", options.maxFileSize()));
                    continue;
                }
                try (InputStream raw = workspace.open(file);
                        BufferedInputStream in = new BufferedInputStream(
                                new BoundedInputStream(raw, options.maxFileSize()), 64 * 1024)) {
                    FileScan scan = new FileScan(file, detector, allow);
                    try {
                        if (looksBinary(in)) {
                            problems.add(Problem.of(SecretScanner.SKIPPED_BINARY,
                                    "not scanned for secrets (info): binary file (NUL byte in the first 8 KiB)",
                                    Location.ofFile(file)));
                            continue;
                        }
                        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                                .onMalformedInput(CodingErrorAction.REPLACE)
                                .onUnmappableCharacter(CodingErrorAction.REPLACE));
                        read(reader, options.windowChars(), options.windowChars() / 8, scan::segment);
                        scan.finish();
                    } catch (BoundedInputStream.LimitExceededException e) {
                        problems.add(SecretScanner.tooLarge(file, "the file grew while being read and is now",
                                options.maxFileSize()));
                    }
                    findings.addAll(scan.findings());
                }
            } catch (IOException | SecureDeployException e) {
                failed = true;
                problems.add(Problem.of(SecretScanner.READ_FAILED, "cannot read the file to scan it for secrets ("
                        + e.getClass().getSimpleName() + ")", Location.ofFile(file)));
            }
        }
        return new ScanResult(SecretScanner.TOOL, SecretRules.VERSION, workspace.describe(),
                failed ? ScanResult.Status.ERROR : ScanResult.Status.OK, findings, problems);
    }

    private static boolean looksBinary(BufferedInputStream in) throws IOException {
        in.mark(8192);
        byte[] head = in.readNBytes(8192);
        in.reset();
        for (byte b : head) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    /** The line splitting of the old {@code LineWindows.read}, verbatim. */
    static void read(Reader in, int window, int overlap, LineWindows.SegmentSink sink) throws IOException {
        char[] buf = new char[8192];
        StringBuilder sb = new StringBuilder(Math.min(window, 1024));
        int line = 1;
        int columnOffset = 0;
        int seen = 0;
        int n;
        while ((n = in.read(buf)) >= 0) {
            int i = 0;
            while (i < n) {
                int j = i;
                while (j < n && buf[j] != '\n') {
                    j++;
                }
                int pos = i;
                while (pos < j) {
                    if (sb.length() >= window) {
                        sink.segment(sb.toString(), line, columnOffset, seen);
                        String tail = sb.substring(sb.length() - overlap);
                        columnOffset += sb.length() - overlap;
                        seen = overlap;
                        sb.setLength(0);
                        sb.append(tail);
                    }
                    int take = Math.min(window - sb.length(), j - pos);
                    sb.append(buf, pos, take);
                    pos += take;
                }
                if (j < n) {
                    int len = sb.length();
                    if (len > 0 && sb.charAt(len - 1) == '\r') {
                        sb.setLength(len - 1);
                    }
                    sink.segment(sb.toString(), line, columnOffset, seen);
                    line++;
                    columnOffset = 0;
                    seen = 0;
                    sb.setLength(0);
                    i = j + 1;
                } else {
                    i = j;
                }
            }
        }
        if (sb.length() > seen) {
            sink.segment(sb.toString(), line, columnOffset, seen);
        }
    }
}
