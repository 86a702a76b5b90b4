package io.jenkins.plugins.securedeploy.engine.scan.shellcheck;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.JsonReportParser;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ShellCheck {@code -f json1}: {@code {"comments": [{file, line, column, level, code, message}]}}. Levels map
 * error → HIGH, warning → MEDIUM, info → LOW, style → INFO; others → UNKNOWN. The rule id is {@code SC<code>}.
 * Streams the document; each comment is read as a small tree.
 */
public final class ShellCheckParser extends JsonReportParser {
    static final String TOOL = "shellcheck";
    /** Reads one element as a small tree mid-stream (the strict mapper would reject the rest of the document). */
    private static final ObjectReader TREE =
            Json.strict().mapper().reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Override
    protected ScanResult read(JsonParser p, String displayName) throws IOException {
        List<Finding> findings = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> occurrences = new HashMap<>();
        boolean sawComments = false;
        JsonToken first = p.currentToken();
        if (first != JsonToken.START_OBJECT) {
            throw notShellCheck(displayName, p.currentTokenLocation(), "");
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if ("comments".equals(field)) {
                if (value != JsonToken.START_ARRAY) {
                    throw notShellCheck(displayName, p.currentTokenLocation(), "/comments");
                }
                sawComments = true;
                int index = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    JsonLocation at = p.currentTokenLocation();
                    JsonNode comment = TREE.readTree(p);
                    Finding f = toFinding(comment, "/comments/" + index, at, displayName, occurrences, problems);
                    if (f != null) {
                        findings.add(f);
                    }
                    index++;
                }
            } else {
                p.skipChildren();
            }
        }
        if (!sawComments) {
            throw notShellCheck(displayName, null, "/comments");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return ScanResult.ok(TOOL, "", displayName, findings);
    }

    private static Finding toFinding(JsonNode c, String pointer, JsonLocation at, String displayName,
            Map<String, Integer> occurrences, List<Problem> problems) {
        if (!c.isObject()) {
            problems.add(Problem.of("shellcheck.comment", "a comment must be an object", location(displayName,
                    pointer, at)));
            return null;
        }
        JsonNode file = c.get("file");
        JsonNode code = c.get("code");
        JsonNode line = c.get("line");
        int before = problems.size();
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
        if (problems.size() > before) {
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

    private static InvalidInputException notShellCheck(String displayName, JsonLocation at, String pointer) {
        return new InvalidInputException(Problem.of("shellcheck.format",
                "not a ShellCheck json1 report: expected an object with a 'comments' array (run shellcheck -f json1)",
                location(displayName, pointer.isEmpty() ? "/" : pointer, at)));
    }
}
