package io.jenkins.plugins.securedeploy.engine.scan.checkov;

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
import java.util.Map;

/**
 * Checkov {@code -o json}: one check_type object, or an array of them (several frameworks), each with
 * {@code results.failed_checks[]} (check_id, check_name, severity — often null without a platform key, then
 * UNKNOWN — file_path, file_line_range, resource). {@code results.parsing_errors[]} (files Checkov could not parse)
 * make the result ERROR. When nothing was scanned Checkov prints only a summary object
 * ({@code {"passed":0,"failed":0,...,"checkov_version":...}}), which is an empty result. Streams down to each
 * failed check.
 */
public final class CheckovParser extends JsonReportParser {
    static final String TOOL = "checkov";
    /** Reads one element as a small tree mid-stream (the strict mapper would reject the rest of the document). */
    private static final ObjectReader TREE =
            Json.strict().mapper().reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** State of one parse. */
    private static final class Run {
        final String displayName;
        final List<Finding> findings = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();
        final List<Problem> toolErrors = new ArrayList<>();
        final Map<String, Integer> occurrences = new HashMap<>();
        String version = "";
        boolean sawReport;

        Run(String displayName) {
            this.displayName = displayName;
        }
    }

    @Override
    protected ScanResult read(JsonParser p, String displayName) throws IOException {
        Run run = new Run(displayName);
        JsonToken first = p.currentToken();
        if (first == JsonToken.START_ARRAY) {
            int index = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (!p.hasToken(JsonToken.START_OBJECT)) {
                    throw notCheckov(displayName, "/" + index, p.currentTokenLocation());
                }
                readReport(p, "/" + index++, run);
            }
        } else if (first == JsonToken.START_OBJECT) {
            readReport(p, "", run);
        } else {
            throw notCheckov(displayName, "/", p.currentTokenLocation());
        }
        if (!run.sawReport) {
            throw notCheckov(displayName, "/", null);
        }
        if (!run.problems.isEmpty()) {
            throw new InvalidInputException(run.problems);
        }
        ScanResult.Status status = run.toolErrors.isEmpty() ? ScanResult.Status.OK : ScanResult.Status.ERROR;
        return new ScanResult(TOOL, run.version, displayName, status, run.findings, run.toolErrors);
    }

    /** One check_type object (or a summary-only object); the parser is on its START_OBJECT. */
    private static void readReport(JsonParser p, String base, Run run) throws IOException {
        JsonLocation start = p.currentTokenLocation();
        String checkType = "";
        boolean results = false;
        boolean summaryOnly = false;
        long failedCount = -1;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "check_type" -> checkType = value == JsonToken.VALUE_STRING ? p.getText() : "";
                case "results" -> {
                    if (value != JsonToken.START_OBJECT) {
                        throw notCheckov(run.displayName, base + "/results", p.currentTokenLocation());
                    }
                    results = true;
                    readResults(p, base + "/results", checkType, run);
                }
                case "summary" -> {
                    JsonNode summary = TREE.readTree(p);
                    String version = summary.path("checkov_version").asText("");
                    if (!version.isEmpty()) {
                        run.version = version;
                    }
                }
                case "checkov_version" -> {
                    summaryOnly = true;
                    run.version = value == JsonToken.VALUE_STRING ? p.getText() : run.version;
                }
                case "failed" -> failedCount = value == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : -1;
                default -> p.skipChildren();
            }
        }
        if (results) {
            run.sawReport = true;
        } else if (summaryOnly) {
            if (failedCount != 0) {
                throw new InvalidInputException(Problem.of("checkov.summary", "a summary-only Checkov report must "
                        + "say failed: 0 (it lists no failed checks)", rootedLocation(run.displayName, base + "/failed",
                                start)));
            }
            run.sawReport = true;
        } else {
            throw notCheckov(run.displayName, base + "/results", start);
        }
    }

    private static void readResults(JsonParser p, String base, String checkType, Run run) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if ("failed_checks".equals(field) || "parsing_errors".equals(field)) {
                if (value != JsonToken.START_ARRAY) {
                    throw notCheckov(run.displayName, base + "/" + field, p.currentTokenLocation());
                }
                int index = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    JsonLocation at = p.currentTokenLocation();
                    JsonNode node = TREE.readTree(p);
                    String pointer = base + "/" + field + "/" + index++;
                    if ("failed_checks".equals(field)) {
                        Finding f = toFinding(node, pointer, at, checkType, run);
                        if (f != null) {
                            run.findings.add(f);
                        }
                    } else {
                        String file = node.isTextual() ? node.textValue() : "a file";
                        run.toolErrors.add(Problem.of("checkov.parsing-error", "Checkov could not parse " + file
                                + "; the scan is incomplete", rootedLocation(run.displayName, pointer, at)));
                    }
                }
            } else {
                p.skipChildren();
            }
        }
    }

    private static Finding toFinding(JsonNode c, String pointer, JsonLocation at, String checkType, Run run) {
        if (!c.isObject()) {
            run.problems.add(Problem.of("checkov.check", "a failed check must be an object",
                    rootedLocation(run.displayName, pointer, at)));
            return null;
        }
        int before = run.problems.size();
        for (String field : new String[] {"check_id", "file_path"}) {
            JsonNode v = c.get(field);
            if (v == null || !v.isTextual() || v.textValue().isBlank()) {
                run.problems.add(Problem.of("checkov.field", "missing or non-text '" + field + "'",
                        rootedLocation(run.displayName, pointer + "/" + field, at)));
            }
        }
        JsonNode severity = c.get("severity");
        if (severity != null && !severity.isNull() && !severity.isTextual()) {
            run.problems.add(Problem.of("checkov.field", "'severity' must be text or null",
                    rootedLocation(run.displayName, pointer + "/severity", at)));
        }
        if (run.problems.size() > before) {
            return null;
        }
        String rule = c.get("check_id").textValue();
        String file = c.get("file_path").textValue();
        JsonNode range = c.path("file_line_range").path(0);
        int line = range.canConvertToInt() && range.intValue() > 0 ? range.intValue() : 0;
        String resource = text(c, "resource");
        int occurrence = run.occurrences.merge(file + '\n' + rule + '\n' + resource, 1, Integer::sum);
        return Finding.builder(TOOL, rule)
                .title(text(c, "check_name"))
                .severity(severity == null || severity.isNull() ? Severity.UNKNOWN
                        : Severity.parseOrUnknown(severity.textValue()))
                .category(category(checkType))
                .id(rule)
                .id(text(c, "bc_check_id"))
                .location(Location.of(file, line, 0))
                .fingerprintHint(checkType + '\n' + resource + "#" + occurrence)
                .build();
    }

    static Category category(String checkType) {
        return switch (checkType) {
            case "sca_package", "sca_image" -> Category.SCA;
            case "secrets" -> Category.SECRET;
            default -> Category.IAC;
        };
    }

    /** Like {@link JsonReportParser#location}, naming the document root "/" rather than "". */
    private static Location rootedLocation(String displayName, String pointer, JsonLocation at) {
        return location(displayName, pointer.isEmpty() ? "/" : pointer, at);
    }

    private static InvalidInputException notCheckov(String displayName, String pointer, JsonLocation at) {
        return new InvalidInputException(Problem.of("checkov.format", "not a Checkov JSON report: expected a "
                + "check_type object with 'results', or an array of them (run checkov -o json)",
                rootedLocation(displayName, pointer, at)));
    }
}
