package io.jenkins.plugins.securedeploy.engine.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import io.jenkins.plugins.securedeploy.engine.policy.FindingOutcome;
import io.jenkins.plugins.securedeploy.engine.policy.Waiver;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes normalised findings as a SARIF 2.1.0 log for code-scanning dashboards (GitHub, GitLab, Azure DevOps):
 * one run per tool, each rule with {@code shortDescription}, {@code defaultConfiguration.level} and
 * {@code properties.security-severity} (what GitHub sorts and labels by: ≥ 9.0 critical, 7.0–8.9 high, 4.0–6.9
 * medium, 0.1–3.9 low), each result with level, message, physical location (or the package as a logical location),
 * {@code partialFingerprints} (our stable fingerprint, so alerts follow a finding across runs) and its own
 * {@code security-severity}. A finding's CVSS score is its security-severity when it agrees with its severity;
 * otherwise the severity's representative score is written ({@link #representativeScore}); UNKNOWN is written as
 * 10.0 (CRITICAL), because a severity that could not be read fails closed. A scan that could not be trusted is a
 * run whose invocation says {@code executionSuccessful: false} with its problems as notifications. From a gate run,
 * results also carry {@code baselineState} (when a baseline was given) and waived findings a {@code suppressions}
 * entry naming the waiver. The engine's exact values (severity, category, score, ids, package, the file where its
 * URI had to be encoded, a missing title) are kept in the result's property bag under {@code secure-deploy/...} and
 * the fingerprint in {@code partialFingerprints["secure-deploy/v1"]}, so that our SarifParser reads a log we wrote
 * back to exactly the findings it was written from (a gate's SARIF read by {@code ingest} included).
 */
public final class SarifWriter {
    public static final String SCHEMA_URI =
            "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json";
    private static final String PREFIX = "secure-deploy/";

    /** One finding and how a gate saw it (both null outside a gate). */
    private record Item(Finding finding, String baselineState, Waiver waiver) {}

    /** One SARIF run: a tool's findings, or the problems that made its scan untrustworthy. */
    private record Run(String tool, String version, boolean successful, List<String> notifications,
            List<Item> items) {}

    /** The findings of ingested scan results (ingest --sarif). */
    public byte[] write(List<ScanResult> results) {
        List<Run> runs = new ArrayList<>();
        for (ScanResult r : results) {
            List<String> problems = r.isError() ? r.problems().stream().map(p -> p.describe()).toList() : List.of();
            Map<String, List<Item>> byTool = new LinkedHashMap<>();
            byTool.put(r.tool(), new ArrayList<>());
            r.findings().forEach(f -> byTool.computeIfAbsent(f.tool(), t -> new ArrayList<>())
                    .add(new Item(f, null, null)));
            byTool.forEach((tool, items) -> {
                if (!items.isEmpty() || tool.equals(r.tool())) {
                    runs.add(new Run(tool, r.toolVersion(), !r.isError(), problems, items));
                }
            });
        }
        return bytes(runs);
    }

    /** The findings a gate decided on (gate --sarif): with baseline state and waivers as suppressions. */
    public byte[] write(GateReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(report, FindingOutcomes.of(report.findings()), out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write SARIF to memory", e);
        }
        return out.toByteArray();
    }

    /**
     * The same log for every finding of {@code all} (a gate's full list, read from disk as many times as there are
     * tools, plus once), streamed to {@code out}: only each tool's rules (with their worst finding) are held.
     */
    public void write(GateReport report, FindingOutcomes all, OutputStream out) throws IOException {
        Map<String, GateReport.ToolSummary> summaries = new LinkedHashMap<>();
        Map<String, Map<String, Finding>> rules = new LinkedHashMap<>();
        for (GateReport.ToolSummary t : report.tools()) {
            summaries.putIfAbsent(t.tool(), t);
            rules.computeIfAbsent(t.tool(), k -> new LinkedHashMap<>());
        }
        all.forEach(o -> worst(rules.computeIfAbsent(o.finding().tool(), k -> new LinkedHashMap<>()), o.finding()));
        try (JsonGenerator g = Json.strict().factory().createGenerator(out, JsonEncoding.UTF8)) {
            start(g);
            for (Map.Entry<String, Map<String, Finding>> tool : rules.entrySet()) {
                GateReport.ToolSummary s = summaries.get(tool.getKey());
                boolean ok = s == null || !ScanResult.Status.ERROR.name().equals(s.status());
                Map<String, Integer> index = runStart(g, tool.getKey(), s == null ? "" : s.version(), ok,
                        ok ? List.of() : s.problems(), tool.getValue());
                all.forEach(o -> {
                    if (o.finding().tool().equals(tool.getKey())) {
                        String state = report.baselinePresent() ? (o.isNew() ? "new" : "unchanged") : null;
                        result(g, new Item(o.finding(), state, o.waivedBy()), index.get(o.finding().ruleId()));
                    }
                });
                runEnd(g);
            }
            end(g);
        }
    }

    /** Keeps the finding with the highest security-severity per rule (the first on ties). */
    private static void worst(Map<String, Finding> byRule, Finding f) {
        Finding w = byRule.get(f.ruleId());
        if (w == null || securitySeverity(f) > securitySeverity(w)) {
            byRule.put(f.ruleId(), f);
        }
    }

    /** The security-severity written for a finding: its score where it agrees with its severity. */
    public static double securitySeverity(Finding f) {
        if (f.hasScore() && f.severity() != Severity.UNKNOWN && Severity.fromCvss(f.score()) == f.severity()) {
            return f.score();
        }
        return representativeScore(f.severity());
    }

    /** A CVSS-range score that reads back as {@code s} (UNKNOWN as CRITICAL: fail closed). */
    public static double representativeScore(Severity s) {
        return switch (s) {
            case UNKNOWN -> 10.0;
            case CRITICAL -> 9.5;
            case HIGH -> 8.0;
            case MEDIUM -> 5.5;
            case LOW -> 2.0;
            case INFO -> 0.0;
        };
    }

    /** SARIF level: error for CRITICAL/HIGH/UNKNOWN, warning for MEDIUM, note for LOW/INFO. */
    public static String level(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH, UNKNOWN -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    private static byte[] bytes(List<Run> runs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(runs, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write SARIF to memory", e);
        }
        return out.toByteArray();
    }

    private static void write(List<Run> runs, OutputStream out) throws IOException {
        try (JsonGenerator g = Json.strict().factory().createGenerator(out, JsonEncoding.UTF8)) {
            start(g);
            for (Run run : runs) {
                Map<String, Finding> rules = new LinkedHashMap<>();
                run.items().forEach(i -> worst(rules, i.finding()));
                Map<String, Integer> index = runStart(g, run.tool(), run.version(), run.successful(),
                        run.notifications(), rules);
                for (Item item : run.items()) {
                    result(g, item, index.get(item.finding().ruleId()));
                }
                runEnd(g);
            }
            end(g);
        }
    }

    private static void start(JsonGenerator g) throws IOException {
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeStringField("$schema", SCHEMA_URI);
        g.writeStringField("version", "2.1.0");
        g.writeArrayFieldStart("runs");
    }

    private static void end(JsonGenerator g) throws IOException {
        g.writeEndArray();
        g.writeEndObject();
    }

    /** A run up to its results array; returns each rule's index. */
    private static Map<String, Integer> runStart(JsonGenerator g, String tool, String version, boolean successful,
            List<String> notifications, Map<String, Finding> rules) throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("tool");
        g.writeObjectFieldStart("driver");
        g.writeStringField("name", tool);
        if (!version.isEmpty()) {
            g.writeStringField("version", version);
        }
        g.writeArrayFieldStart("rules");
        Map<String, Integer> index = new java.util.HashMap<>();
        for (Map.Entry<String, Finding> rule : rules.entrySet()) {
            index.put(rule.getKey(), index.size());
            rule(g, rule.getKey(), rule.getValue());
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
        g.writeArrayFieldStart("invocations");
        g.writeStartObject();
        g.writeBooleanField("executionSuccessful", successful);
        if (!notifications.isEmpty()) {
            g.writeArrayFieldStart("toolExecutionNotifications");
            for (String n : notifications) {
                g.writeStartObject();
                g.writeStringField("level", "error");
                message(g, n);
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeEndArray();
        g.writeArrayFieldStart("results");
        return index;
    }

    private static void runEnd(JsonGenerator g) throws IOException {
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void rule(JsonGenerator g, String id, Finding worst) throws IOException {
        double score = securitySeverity(worst);
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeObjectFieldStart("shortDescription");
        g.writeStringField("text", text(worst.title(), id));
        g.writeEndObject();
        g.writeObjectFieldStart("defaultConfiguration");
        g.writeStringField("level", level(worst.severity()));
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeStringField("security-severity", Double.toString(score));
        g.writeArrayFieldStart("tags");
        g.writeString("security");
        g.writeString(worst.category().name().toLowerCase(Locale.ROOT));
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void result(JsonGenerator g, Item item, int ruleIndex) throws IOException {
        Finding f = item.finding();
        g.writeStartObject();
        g.writeStringField("ruleId", f.ruleId());
        g.writeNumberField("ruleIndex", ruleIndex);
        g.writeStringField("level", level(f.severity()));
        message(g, text(f.title(), f.ruleId()));
        location(g, f);
        g.writeObjectFieldStart("partialFingerprints");
        String prefix = f.tool() + ":";
        g.writeStringField("primaryLocationLineHash",
                f.fingerprint().startsWith(prefix) ? f.fingerprint().substring(prefix.length()) : f.fingerprint());
        g.writeStringField(PREFIX + "v1", f.fingerprint());
        g.writeEndObject();
        if (item.baselineState() != null) {
            g.writeStringField("baselineState", item.baselineState());
        }
        if (item.waiver() != null) {
            Waiver w = item.waiver();
            g.writeArrayFieldStart("suppressions");
            g.writeStartObject();
            g.writeStringField("kind", "external");
            g.writeStringField("status", "accepted");
            g.writeStringField("justification", "waived: " + w.describe() + ": " + w.reason());
            g.writeEndObject();
            g.writeEndArray();
        }
        properties(g, f);
        g.writeEndObject();
    }

    private static void location(JsonGenerator g, Finding f) throws IOException {
        String file = f.location().file();
        if (file.isEmpty() && f.pkg() == null) {
            return;
        }
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        if (!file.isEmpty()) {
            g.writeObjectFieldStart("physicalLocation");
            g.writeObjectFieldStart("artifactLocation");
            g.writeStringField("uri", uri(file));
            g.writeEndObject();
            if (f.location().line() > 0) {
                g.writeObjectFieldStart("region");
                g.writeNumberField("startLine", f.location().line());
                if (f.location().column() > 0) {
                    g.writeNumberField("startColumn", f.location().column());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        } else {
            g.writeArrayFieldStart("logicalLocations");
            g.writeStartObject();
            g.writeStringField("fullyQualifiedName", f.pkg().purl().isEmpty()
                    ? f.pkg().name() + (f.pkg().version().isEmpty() ? "" : "@" + f.pkg().version()) : f.pkg().purl());
            g.writeStringField("kind", "package");
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeEndArray();
    }

    private static void properties(JsonGenerator g, Finding f) throws IOException {
        g.writeObjectFieldStart("properties");
        g.writeStringField("security-severity", Double.toString(securitySeverity(f)));
        java.util.Set<String> tags = new java.util.LinkedHashSet<>();
        tags.add("security");
        for (String id : f.ids()) {
            if (id.toUpperCase(Locale.ROOT).startsWith("CWE-")) {
                tags.add("external/cwe/" + id.toLowerCase(Locale.ROOT));
            }
        }
        g.writeArrayFieldStart("tags");
        for (String tag : tags) {
            g.writeString(tag);
        }
        g.writeEndArray();
        g.writeStringField(PREFIX + "severity", f.severity().name());
        g.writeStringField(PREFIX + "category", f.category().name());
        if (f.hasScore()) {
            g.writeNumberField(PREFIX + "score", f.score());
        }
        g.writeArrayFieldStart(PREFIX + "ids");
        for (String id : f.ids()) {
            g.writeString(id);
        }
        g.writeEndArray();
        if (!f.location().file().isEmpty() && !uri(f.location().file()).equals(f.location().file())) {
            g.writeStringField(PREFIX + "file", f.location().file());
        }
        if (f.title().isBlank()) {
            g.writeBooleanField(PREFIX + "untitled", true);
        }
        if (f.pkg() != null) {
            g.writeObjectFieldStart(PREFIX + "package");
            g.writeStringField("name", f.pkg().name());
            g.writeStringField("version", f.pkg().version());
            g.writeStringField("fixedVersion", f.pkg().fixedVersion());
            g.writeStringField("purl", f.pkg().purl());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void message(JsonGenerator g, String text) throws IOException {
        g.writeObjectFieldStart("message");
        g.writeStringField("text", text);
        g.writeEndObject();
    }

    private static String text(String title, String fallback) {
        return title == null || title.isBlank() ? fallback : title;
    }

    /** A workspace path as a relative URI reference: {@code /} separators, unsafe characters percent-encoded. */
    static String uri(String file) {
        String path = file.replace('\\', '/');
        StringBuilder sb = new StringBuilder(path.length());
        for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean safe = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "-._~/!$&'()*+,;=:@".indexOf(c) >= 0;
            if (safe) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return sb.toString();
    }
}
