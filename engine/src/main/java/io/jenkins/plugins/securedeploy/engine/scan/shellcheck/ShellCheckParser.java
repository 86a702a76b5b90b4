package io.jenkins.plugins.securedeploy.engine.scan.shellcheck;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.FindingSink;
import io.jenkins.plugins.securedeploy.engine.scan.ReportEnd;
import io.jenkins.plugins.securedeploy.engine.scan.TreeReportParser;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * ShellCheck {@code -f json1}: {@code {"comments": [{file, line, column, level, code, message}]}}. Levels map
 * error → HIGH, warning → MEDIUM, info → LOW, style → INFO; others → UNKNOWN. The rule id is {@code SC<code>}.
 * Streams the document; each comment is read as a small tree.
 */
public final class ShellCheckParser extends TreeReportParser {
    static final String TOOL = "shellcheck";

    @Override
    protected String formatId() {
        return TOOL;
    }

    @Override
    protected String formatCode() {
        return "shellcheck.format";
    }

    @Override
    protected String formatHint() {
        return "not a ShellCheck json1 report: expected an object with a 'comments' array (run shellcheck -f json1)";
    }

    @Override
    protected ReportEnd read(JsonParser p, String displayName, FindingSink sink) throws IOException {
        ElementProblems problems = new ElementProblems();
        Map<String, Integer> occurrences = new HashMap<>();
        Set<String> seen = readObject(p, displayName, "", Map.of("comments", (comment, pointer, at) -> {
            Finding f = toFinding(comment, pointer, at, displayName, occurrences, problems);
            if (f != null) {
                sink.accept(f);
            }
        }), TreeReportParser::skip);
        if (!seen.contains("comments")) {
            throw notThisFormat(displayName, "/comments", null);
        }
        problems.throwIfAny(displayName);
        return new ReportEnd(TOOL, "");
    }

    private static Finding toFinding(JsonNode c, String pointer, JsonLocation at, String displayName,
            Map<String, Integer> occurrences, ElementProblems problems) {
        if (!c.isObject()) {
            problems.add(Problem.of("shellcheck.comment", "a comment must be an object", location(displayName,
                    pointer, at)));
            return null;
        }
        JsonNode file = c.get("file");
        JsonNode code = c.get("code");
        JsonNode line = c.get("line");
        long before = problems.count();
        if (file == null || !file.isTextual()) {
            problems.add(Problem.of("shellcheck.field", "missing or non-text 'file'",
                    location(displayName, pointer + "/file", at)));
        }
        if (code == null || !code.canConvertToInt()) {
            problems.add(Problem.of("shellcheck.field", "missing or non-integer 'code'",
                    location(displayName, pointer + "/code", at)));
        }
        if (line == null || !line.canConvertToInt() || line.intValue() < 0) {
            problems.add(Problem.of("shellcheck.field", "missing or invalid 'line'",
                    location(displayName, pointer + "/line", at)));
        }
        if (problems.count() > before) {
            return null;
        }
        String rule = "SC" + code.intValue();
        String message = text(c, "message");
        JsonNode column = c.get("column");
        int col = column != null && column.canConvertToInt() && column.intValue() > 0 ? column.intValue() : 0;
        String key = file.textValue() + '\n' + rule + '\n' + message;
        int occurrence = occurrences.merge(key, 1, Integer::sum);
        return Finding.builder(TOOL, rule)
                .title(message)
                .severity(severity(text(c, "level")))
                .category(Category.SAST)
                .id(rule)
                .location(Location.of(file.textValue(), line.intValue(), col))
                .fingerprintHint(message + "#" + occurrence)
                .build();
    }

    static Severity severity(String level) {
        return switch (level.toLowerCase(Locale.ROOT)) {
            case "error" -> Severity.HIGH;
            case "warning" -> Severity.MEDIUM;
            case "info" -> Severity.LOW;
            case "style" -> Severity.INFO;
            default -> Severity.UNKNOWN;
        };
    }
}
