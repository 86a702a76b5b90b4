package io.jenkins.plugins.securedeploy.engine.scan.semgrep;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Semgrep {@code --json}: {@code results[]} (check_id, path, start.line/col, extra.message, extra.severity
 * ERROR/WARNING/INFO or the newer CRITICAL/HIGH/MEDIUM/LOW, extra.metadata.cwe/owasp as ids) and {@code errors[]}.
 * An error of level "error" (or without a level) makes the result ERROR — Semgrep did not finish the scan — while
 * errors of level "warn" (e.g. partial parsing) are kept as problems of an OK result. Error messages are not copied
 * (they quote source code); type, path and level are.
 */
public final class SemgrepParser extends TreeReportParser {
    static final String TOOL = "semgrep";
    private static final Pattern CWE = Pattern.compile("CWE-(\\d+)");
    private static final Pattern OWASP = Pattern.compile("^(A\\d{1,2}:\\d{4})");

    @Override
    protected String formatId() {
        return TOOL;
    }

    @Override
    protected String formatCode() {
        return "semgrep.format";
    }

    @Override
    protected String formatHint() {
        return "not a Semgrep JSON report: expected an object with 'results' and 'errors' arrays (run semgrep --json)";
    }

    @Override
    protected ReportEnd read(JsonParser p, String displayName, FindingSink sink) throws IOException {
        ElementProblems problems = new ElementProblems();
        Map<String, Integer> occurrences = new HashMap<>();
        String[] version = {""};
        Set<String> seen = readObject(p, displayName, "", Map.of(
                "results", (node, pointer, at) -> {
                    Finding f = toFinding(node, pointer, at, displayName, occurrences, problems);
                    if (f != null) {
                        sink.accept(f);
                    }
                },
                "errors", (node, pointer, at) -> {
                    String level = text(node, "level");
                    boolean warn = "warn".equalsIgnoreCase(level) || "warning".equalsIgnoreCase(level);
                    Problem e = toolError(node, pointer, at, displayName, warn);
                    if (warn) {
                        sink.warning(e);
                    } else {
                        sink.problem(e);
                    }
                }), (field, value) -> {
                    if ("version".equals(field) && value == JsonToken.VALUE_STRING) {
                        version[0] = p.getText();
                    }
                });
        if (!seen.contains("results") || !seen.contains("errors")) {
            throw notThisFormat(displayName, seen.contains("results") ? "/errors" : "/results", null);
        }
        problems.throwIfAny(displayName);
        return new ReportEnd(TOOL, version[0]);
    }

    private static Finding toFinding(JsonNode r, String pointer, JsonLocation at, String displayName,
            Map<String, Integer> occurrences, ElementProblems problems) {
        if (!r.isObject()) {
            problems.add(Problem.of("semgrep.result", "a result must be an object", location(displayName, pointer,
                    at)));
            return null;
        }
        long before = problems.count();
        for (String field : new String[] {"check_id", "path"}) {
            JsonNode v = r.get(field);
            if (v == null || !v.isTextual() || v.textValue().isBlank()) {
                problems.add(Problem.of("semgrep.field", "missing or non-text '" + field + "'",
                        location(displayName, pointer + "/" + field, at)));
            }
        }
        JsonNode line = r.path("start").path("line");
        if (!line.canConvertToInt() || line.intValue() < 0) {
            problems.add(Problem.of("semgrep.field", "missing or invalid 'start.line'",
                    location(displayName, pointer + "/start/line", at)));
        }
        JsonNode extra = r.get("extra");
        if (extra == null || !extra.isObject()) {
            problems.add(Problem.of("semgrep.field", "missing 'extra' object", location(displayName,
                    pointer + "/extra", at)));
        }
        if (problems.count() > before) {
            return null;
        }
        String rule = r.get("check_id").textValue();
        String file = r.get("path").textValue();
        String message = text(extra, "message");
        JsonNode col = r.path("start").path("col");
        FindingBuilder b = Finding.builder(TOOL, rule)
                .title(message)
                .severity(severity(text(extra, "severity")))
                .category(Category.SAST)
                .id(rule)
                .location(Location.of(file, line.intValue(), col.canConvertToInt() && col.intValue() > 0
                        ? col.intValue() : 0));
        JsonNode metadata = extra.path("metadata");
        for (String cwe : strings(metadata.get("cwe"))) {
            Matcher m = CWE.matcher(cwe);
            if (m.find()) {
                b.id("CWE-" + m.group(1));
            }
        }
        for (String owasp : strings(metadata.get("owasp"))) {
            Matcher m = OWASP.matcher(owasp.strip());
            if (m.find()) {
                b.id("OWASP-" + m.group(1));
            }
        }
        String fingerprint = text(extra, "fingerprint");
        if (!fingerprint.isBlank() && !"requires login".equals(fingerprint)) {
            b.toolFingerprint(fingerprint);
        } else {
            int occurrence = occurrences.merge(file + '\n' + rule + '\n' + message, 1, Integer::sum);
            b.fingerprintHint(message + "#" + occurrence);
        }
        return b.build();
    }

    /**
     * ERROR → HIGH, WARNING → MEDIUM, INFO → LOW (Semgrep's documented mapping); the newer CRITICAL/HIGH/MEDIUM/LOW
     * as written; anything else (INVENTORY, EXPERIMENT, missing) → UNKNOWN.
     */
    static Severity severity(String value) {
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "CRITICAL" -> Severity.CRITICAL;
            case "ERROR", "HIGH" -> Severity.HIGH;
            case "WARNING", "MEDIUM" -> Severity.MEDIUM;
            case "INFO", "LOW" -> Severity.LOW;
            default -> Severity.UNKNOWN;
        };
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (node.isTextual()) {
            out.add(node.textValue());
        } else if (node.isArray()) {
            node.forEach(n -> {
                if (n.isTextual()) {
                    out.add(n.textValue());
                }
            });
        }
        return out;
    }

    private static Problem toolError(JsonNode e, String pointer, JsonLocation at, String displayName, boolean warn) {
        JsonNode typeNode = e.get("type");
        String type = typeNode == null ? "" : typeNode.isArray() ? text(typeNode.get(0)) : text(typeNode);
        String path = text(e, "path");
        String what = (type.isEmpty() ? "an error" : type) + (path.isEmpty() ? "" : " in " + path);
        return Problem.of(warn ? "semgrep.warning" : "semgrep.error", "Semgrep reported " + what
                + (warn ? " (level warn; the rest of the scan is kept)" : "; the scan is incomplete"),
                location(displayName, pointer, at));
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.textValue() : "";
    }
}
