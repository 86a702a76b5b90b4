package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.regex.Pattern;

/**
 * Scans one file's text, segment by segment (lines, or windows of long lines, from {@link LineWindows}): through the
 * detector; inline allow markers; PEM private key blocks collected
 * from header to END line so the fingerprint covers the key material; each detection turned into a redacted
 * {@link Finding} right away, so secrets do not outlive the line they were found on.
 */
final class FileScan {
    private static final int MAX_KEY_LINES = 400;
    private static final int MAX_KEY_CHARS = 64 * 1024;
    private static final Pattern PEM_BODY = Pattern.compile("[A-Za-z0-9+/=]*|[A-Za-z-]+:.*");

    private final String path;
    private final SecretDetector detector;
    private final SecretAllowList allowList;
    /** Made at the first finding: most files have none. */
    private List<Finding> findings;
    private int allowedInline;
    private int allowedByFingerprint;
    private IntUnaryOperator lineNumbers = IntUnaryOperator.identity();

    private StringBuilder keyBlock;
    private SecretRule keyRule;
    private int keyLine;
    private int keyColumn;
    private int keyLines;

    FileScan(String path, SecretDetector detector, SecretAllowList allowList) {
        this.path = path;
        this.detector = detector;
        this.allowList = allowList;
    }

    /**
     * How the {@code line} of a segment becomes a line number (identity unless the reader says otherwise): the reader
     * may hand out positions and count lines only for the findings that need one.
     */
    void lineNumbers(IntUnaryOperator resolve) {
        this.lineNumbers = resolve;
    }

    /** Whether a PEM block is open: the following lines must be fed whether or not they hold a keyword. */
    boolean inKeyBlock() {
        return keyBlock != null;
    }

    /** End of the file: reports an unfinished PEM block. */
    void finish() {
        finishKey();
    }

    List<Finding> findings() {
        return findings == null ? List.of() : findings;
    }

    int allowedInline() {
        return allowedInline;
    }

    int allowedByFingerprint() {
        return allowedByFingerprint;
    }

    /** One line, or window of a long line (a {@link LineWindows.SegmentSink}). */
    void segment(String text, int line, int columnOffset, int seen) {
        if (keyBlock != null) {
            if (seen == 0 && continuesKey(text)) {
                return;
            }
            finishKey();
        }
        List<Detection> detections = detector.detect(text);
        for (Detection d : detections) {
            if (d.end() <= seen) {
                continue; // already reported from the previous window of this line
            }
            if (SecretAllowList.allowsInline(text, d.rule().id())) {
                allowedInline++;
                continue;
            }
            int column = columnOffset + d.start() + 1;
            if (d.rule().id().equals(SecretRules.PRIVATE_KEY)) {
                startKey(d, text, line, column);
            } else {
                report(d.rule(), d.secret(), lineNumbers.applyAsInt(line), column);
            }
        }
    }

    private void startKey(Detection header, String text, int line, int column) {
        int end = text.indexOf("-----END", header.end());
        if (end >= 0) {
            int close = text.indexOf("-----", end + 8);
            String block = text.substring(header.start(), close < 0 ? text.length() : close + 5);
            report(header.rule(), block, lineNumbers.applyAsInt(line), column);
            return;
        }
        finishKey();
        keyBlock = new StringBuilder(text.substring(header.start()));
        keyRule = header.rule();
        keyLine = lineNumbers.applyAsInt(line);
        keyColumn = column;
        keyLines = 0;
    }

    private boolean continuesKey(String text) {
        String t = text.strip();
        boolean end = t.startsWith("-----END");
        if (!end && !PEM_BODY.matcher(t).matches()) {
            return false;
        }
        keyBlock.append('\n').append(t);
        keyLines++;
        if (end || keyLines >= MAX_KEY_LINES || keyBlock.length() >= MAX_KEY_CHARS) {
            finishKey();
        }
        return true;
    }

    private void finishKey() {
        if (keyBlock != null) {
            String block = keyBlock.toString();
            keyBlock = null;
            report(keyRule, block, keyLine, keyColumn);
        }
    }

    private void report(SecretRule rule, String secret, int line, int column) {
        String fingerprint = Redaction.fingerprint(rule.id(), path, secret);
        if (allowList.allowsFingerprint(fingerprint)) {
            allowedByFingerprint++;
            return;
        }
        if (findings == null) {
            findings = new ArrayList<>(2);
        }
        findings.add(Finding.builder(SecretScanner.TOOL, rule.id())
                .title(rule.description() + " " + Redaction.preview(secret))
                .severity(rule.severity())
                .category(Category.SECRET)
                .location(Location.of(path, line, column))
                .toolFingerprint(fingerprint)
                .build());
    }
}
