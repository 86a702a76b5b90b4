package io.jenkins.plugins.securedeploy.engine.scan.checkov;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
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
import java.util.Map;

/**
 * Checkov {@code -o json}: one check_type object, or an array of them (several frameworks), each with
 * {@code results.failed_checks[]} (check_id, check_name, severity — often null without a platform key, then
 * UNKNOWN — file_path, file_line_range, resource). {@code results.parsing_errors[]} (files Checkov could not parse)
 * make the result ERROR. When nothing was scanned Checkov prints only a summary object
 * ({@code {"passed":0,"failed":0,...,"checkov_version":...}}), which is an empty result. Streams down to each
 * failed check.
 */
public final class CheckovParser extends TreeReportParser {
    static final String TOOL = "checkov";

    /** State of one parse. */
    private static final class Run {
        final String displayName;
        final FindingSink sink;
        final ElementProblems problems = new ElementProblems();
        final Map<String, Integer> occurrences = new HashMap<>();
        String version = "";
        boolean sawReport;

        Run(String displayName, FindingSink sink) {
            this.displayName = displayName;
            this.sink = sink;
        }
    }

    /** What one top-level object said. */
    private static final class Report {
        String checkType = "";
        boolean results;
        boolean version;
        boolean counts;
        long failed = -1;
        long parsingErrors;
    }

    @Override
    protected String formatId() {
        return TOOL;
    }

    @Override
    protected String formatCode() {
        return "checkov.format";
    }

    @Override
    protected String formatHint() {
        return "not a Checkov JSON report: expected a check_type object with 'results', or an array of them (run "
                + "checkov -o json)";
    }

    @Override
    protected ReportEnd read(JsonParser p, String displayName, FindingSink sink) throws IOException {
        Run run = new Run(displayName, sink);
        JsonToken first = p.currentToken();
        if (first == JsonToken.START_ARRAY) {
            int index = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (!p.hasToken(JsonToken.START_OBJECT)) {
                    throw notThisFormat(displayName, "/" + index, p.currentTokenLocation());
                }
                readReport(p, "/" + index++, run);
            }
        } else {
            readReport(p, "", run);
        }
        if (!run.sawReport) {
            throw notThisFormat(displayName, "/", null);
        }
        run.problems.throwIfAny(displayName);
        return new ReportEnd(TOOL, run.version);
    }

    /**
     * One check_type object, or the summary-only object Checkov prints when it found nothing to scan — keys
     * {@code parsing_errors}/{@code resource_count} (Checkov 2.2+) or {@code parsingerrors}/{@code resourcecount}
     * (Checkov 2.1); the parser is on its START_OBJECT.
     */
    private void readReport(JsonParser p, String base, Run run) throws IOException {
        JsonLocation start = p.currentTokenLocation();
        Report report = new Report();
        readObject(p, run.displayName, base, Map.of(), (field, value) -> {
            switch (field) {
                case "check_type" -> report.checkType = value == JsonToken.VALUE_STRING ? p.getText() : "";
                case "results" -> {
                    if (value != JsonToken.START_OBJECT) {
                        throw notThisFormat(run.displayName, base + "/results", p.currentTokenLocation());
                    }
                    report.results = true;
                    readResults(p, base + "/results", report.checkType, run);
                }
                case "summary" -> {
                    String version = TREE.<JsonNode>readTree(p).path("checkov_version").asText("");
                    run.version = version.isEmpty() ? run.version : version;
                }
                case "checkov_version" -> {
                    report.version = true;
                    run.version = value == JsonToken.VALUE_STRING ? p.getText() : run.version;
                }
                case "failed" -> report.failed = value == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : -1;
                case "parsing_errors", "parsingerrors" -> {
                    report.counts = true;
                    report.parsingErrors = value == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : 0;
                }
                case "resource_count", "resourcecount" -> report.counts = true;
                default -> { }
            }
        });
        if (report.results) {
            run.sawReport = true;
        } else if (report.version || report.counts) {
            if (report.failed != 0) {
                throw new InvalidInputException(Problem.of("checkov.summary", "a summary-only Checkov report must "
                        + "say failed: 0 (it lists no failed checks)", rootedLocation(run.displayName, base + "/failed",
                                start)));
            }
            if (report.parsingErrors > 0) {
                run.sink.problem(Problem.of("checkov.parsing-error", "Checkov could not parse " + report.parsingErrors
                        + " file(s); the scan is incomplete", rootedLocation(run.displayName, base + "/parsing_errors",
                                start)));
            }
            run.sawReport = true;
        } else {
            throw notThisFormat(run.displayName, base + "/results", start);
        }
    }

    private void readResults(JsonParser p, String base, String checkType, Run run) throws IOException {
        readObject(p, run.displayName, base, Map.of(
                "failed_checks", (node, pointer, at) -> {
                    Finding f = toFinding(node, pointer, at, checkType, run);
                    if (f != null) {
                        run.sink.accept(f);
                    }
                },
                "parsing_errors", (node, pointer, at) -> {
                    String file = node.isTextual() ? node.textValue() : "a file";
                    run.sink.problem(Problem.of("checkov.parsing-error", "Checkov could not parse " + file
                            + "; the scan is incomplete", rootedLocation(run.displayName, pointer, at)));
                }), TreeReportParser::skip);
    }

    private static Finding toFinding(JsonNode c, String pointer, JsonLocation at, String checkType, Run run) {
        if (!c.isObject()) {
            run.problems.add(Problem.of("checkov.check", "a failed check must be an object",
                    rootedLocation(run.displayName, pointer, at)));
            return null;
        }
        long before = run.problems.count();
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
        if (run.problems.count() > before) {
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
}
