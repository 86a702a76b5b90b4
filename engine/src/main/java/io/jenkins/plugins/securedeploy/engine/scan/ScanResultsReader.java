package io.jenkins.plugins.securedeploy.engine.scan;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what {@link ScanResultsWriter} wrote, strictly: a wrong format or version, a missing field or an unknown
 * severity, category or status is an {@link InvalidInputException} naming the JSON pointer — never a silently
 * shorter list, so a host cannot turn a corrupted transfer into "0 findings".
 */
public final class ScanResultsReader {
    public List<ScanResult> read(byte[] json, String displayName) {
        JsonNode root = Json.strict().readTree(new ByteArrayInputStream(json), displayName);
        if (!ScanResultsWriter.FORMAT.equals(root.path("format").asText())
                || root.path("version").asInt(-1) != ScanResultsWriter.VERSION) {
            throw invalid(displayName, "/format", "not a " + ScanResultsWriter.FORMAT + " document, version "
                    + ScanResultsWriter.VERSION);
        }
        JsonNode list = root.path("results");
        if (!list.isArray()) {
            throw invalid(displayName, "/results", "'results' must be an array");
        }
        List<ScanResult> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String pointer = "/results/" + i;
            try {
                out.add(result(list.get(i), displayName, pointer));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw invalid(displayName, pointer, "invalid scan result: " + e.getMessage());
            }
        }
        return out;
    }

    private static ScanResult result(JsonNode n, String displayName, String pointer) {
        List<Finding> findings = new ArrayList<>();
        JsonNode fs = array(n, "findings", displayName, pointer);
        for (int i = 0; i < fs.size(); i++) {
            findings.add(finding(fs.get(i)));
        }
        List<Problem> problems = new ArrayList<>();
        JsonNode ps = array(n, "problems", displayName, pointer);
        for (JsonNode p : ps) {
            problems.add(new Problem(text(p, "code"), text(p, "message"), location(p.path("location"))));
        }
        return new ScanResult(text(n, "tool"), text(n, "toolVersion"), text(n, "source"),
                ScanResult.Status.valueOf(text(n, "status")), findings, problems);
    }

    private static Finding finding(JsonNode n) {
        JsonNode p = n.path("package");
        PackageRef pkg = p.isObject() ? new PackageRef(text(p, "name"), text(p, "version"), text(p, "fixedVersion"),
                text(p, "purl")) : null;
        List<String> ids = new ArrayList<>();
        n.path("ids").forEach(id -> ids.add(id.asText()));
        double score = n.path("score").isNumber() ? n.path("score").asDouble() : Double.NaN;
        return new Finding(text(n, "tool"), text(n, "ruleId"), text(n, "title"), Severity.valueOf(text(n, "severity")),
                score, Category.valueOf(text(n, "category")), ids, pkg, location(n.path("location")),
                text(n, "fingerprint"));
    }

    private static Location location(JsonNode l) {
        if (!l.isObject()) {
            throw new IllegalArgumentException("'location' is required");
        }
        return new Location(text(l, "file"), text(l, "pointer"), l.path("line").asInt(0), l.path("column").asInt(0));
    }

    private static JsonNode array(JsonNode n, String field, String displayName, String pointer) {
        JsonNode a = n.path(field);
        if (!a.isArray()) {
            throw invalid(displayName, pointer + "/" + field, "'" + field + "' must be an array");
        }
        return a;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' must be a string");
        }
        return v.asText();
    }

    private static InvalidInputException invalid(String displayName, String pointer, String message) {
        return new InvalidInputException(Problem.of("scan-results.invalid", message,
                Location.ofPointer(displayName, pointer, 0, 0)));
    }
}
