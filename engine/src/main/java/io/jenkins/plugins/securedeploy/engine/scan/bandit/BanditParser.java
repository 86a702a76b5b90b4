package io.jenkins.plugins.securedeploy.engine.scan.bandit;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.FindingBuilder;
import io.jenkins.plugins.securedeploy.engine.scan.FindingSink;
import io.jenkins.plugins.securedeploy.engine.scan.ReportEnd;
import io.jenkins.plugins.securedeploy.engine.scan.TreeReportParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Bandit {@code -f json}: {@code results[]} with test_id, test_name, issue_severity (LOW/MEDIUM/HIGH; UNDEFINED →
 * UNKNOWN), issue_confidence, issue_text, filename, line_number, col_offset (0-based), issue_cwe.id; {@code errors[]}
 * (files Bandit could not scan) make the result ERROR — a partial scan is not a clean one — while keeping the
 * findings. The {@code code} snippet is never copied into a finding (it may hold the hard-coded secret Bandit
 * found); only its hash feeds the fingerprint. Nor is the issue text of the hard-coded password tests (B105-B107),
 * which quotes the password.
 */
public final class BanditParser extends TreeReportParser {
    static final String TOOL = "bandit";

    @Override
    protected String formatId() {
        return TOOL;
    }

    @Override
    protected String formatCode() {
        return "bandit.format";
    }

    @Override
    protected String formatHint() {
        return "not a Bandit JSON report: expected an object with 'generated_at' and a 'results' array (run bandit "
                + "-f json)";
    }

    @Override
    protected ReportEnd read(JsonParser p, String displayName, FindingSink sink) throws IOException {
        ElementProblems problems = new ElementProblems();
        Map<String, Integer> occurrences = new HashMap<>();
        boolean[] sawGeneratedAt = {false};
        Set<String> seen = readObject(p, displayName, "", Map.of(
                "results", (node, pointer, at) -> {
                    Finding f = toFinding(node, pointer, at, displayName, occurrences, problems);
                    if (f != null) {
                        sink.accept(f);
                    }
                },
                "errors", (node, pointer, at) -> sink.problem(toolError(node, pointer, at, displayName))),
                (field, value) -> sawGeneratedAt[0] |= "generated_at".equals(field));
        if (!seen.contains("results") || !sawGeneratedAt[0]) {
            throw notThisFormat(displayName, seen.contains("results") ? "/generated_at" : "/results", null);
        }
        problems.throwIfAny(displayName);
        return new ReportEnd(TOOL, "");
    }

    private static Finding toFinding(JsonNode r, String pointer, JsonLocation at, String displayName,
            Map<String, Integer> occurrences, ElementProblems problems) {
        if (!r.isObject()) {
            problems.add(Problem.of("bandit.result", "a result must be an object", location(displayName, pointer, at)));
            return null;
        }
        long before = problems.count();
        for (String field : new String[] {"test_id", "filename", "issue_severity"}) {
            JsonNode v = r.get(field);
            if (v == null || !v.isTextual() || v.textValue().isBlank()) {
                problems.add(Problem.of("bandit.field", "missing or non-text '" + field + "'",
                        location(displayName, pointer + "/" + field, at)));
            }
        }
        JsonNode line = r.get("line_number");
        if (line == null || !line.canConvertToInt() || line.intValue() < 0) {
            problems.add(Problem.of("bandit.field", "missing or invalid 'line_number'",
                    location(displayName, pointer + "/line_number", at)));
        }
        if (problems.count() > before) {
            return null;
        }
        String rule = r.get("test_id").textValue();
        String file = r.get("filename").textValue();
        String text = text(r, "issue_text");
        JsonNode colOffset = r.get("col_offset");
        int column = colOffset != null && colOffset.canConvertToInt() && colOffset.intValue() >= 0
                ? colOffset.intValue() + 1 : 0;
        String snippetHash = Hashing.sha256(text(r, "code").replaceAll("(?m)^\\d+\\s?", "").strip()
                .getBytes(StandardCharsets.UTF_8)).hex();
        int occurrence = occurrences.merge(file + '\n' + rule + '\n' + snippetHash, 1, Integer::sum);
        if (testName(r).startsWith("hardcoded_password") || rule.matches("B10[5-7]")) {
            // "Possible hardcoded password: '<the password>'": Bandit quotes the secret it found
            text = "Possible hardcoded password (value withheld)";
        }
        FindingBuilder b = Finding.builder(TOOL, rule)
                .title(testName(r) + text)
                .severity(severity(text(r, "issue_severity")))
                .category(Category.SAST)
                .id(rule)
                .location(Location.of(file, line.intValue(), column))
                .fingerprintHint(snippetHash + "#" + occurrence);
        JsonNode cwe = r.path("issue_cwe").path("id");
        if (cwe.canConvertToInt() && cwe.intValue() > 0) {
            b.id("CWE-" + cwe.intValue());
        }
        return b.build();
    }

    private static String testName(JsonNode r) {
        String name = text(r, "test_name");
        return name.isEmpty() ? "" : name + ": ";
    }

    /** Bandit's LOW/MEDIUM/HIGH as written; UNDEFINED or anything else is UNKNOWN. */
    static Severity severity(String value) {
        return switch (value) {
            case "HIGH" -> Severity.HIGH;
            case "MEDIUM" -> Severity.MEDIUM;
            case "LOW" -> Severity.LOW;
            default -> Severity.parseOrUnknown(value);
        };
    }

    private static Problem toolError(JsonNode e, String pointer, JsonLocation at, String displayName) {
        String file = text(e, "filename");
        String reason = text(e, "reason");
        if (reason.length() > 200) {
            reason = reason.substring(0, 200) + "...";
        }
        return Problem.of("bandit.file-not-scanned", "Bandit could not scan " + (file.isEmpty() ? "a file" : file)
                + (reason.isEmpty() ? "" : ": " + reason) + "; the scan is incomplete", location(displayName,
                        pointer, at));
    }
}
