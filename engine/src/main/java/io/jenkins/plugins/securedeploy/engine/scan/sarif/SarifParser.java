package io.jenkins.plugins.securedeploy.engine.scan.sarif;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.FindingBuilder;
import io.jenkins.plugins.securedeploy.engine.scan.JsonReportParser;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Streams a SARIF 2.1.0 log: every run, every result. A run's rules may come after its results, so results are kept
 * as small pending records and resolved against the rules at the end of their run. Severity per result, first that
 * is given: {@code properties.security-severity} of the result, then of its rule (a CVSS-like number); the result's
 * {@code level}; the rule's {@code defaultConfiguration.level}; else "warning" (SARIF §3.27.10). Levels: error → HIGH,
 * warning → MEDIUM, note → LOW, none → INFO. Results of kind pass/notApplicable and baselineState "absent" are not
 * findings. A log whose {@code runs} or a run's {@code results} is missing or null, or whose invocation reports
 * {@code executionSuccessful: false}, is an error (the tool did not complete). Region snippets are never read.
 */
public final class SarifParser extends JsonReportParser {
    static final String FORMAT = "sarif";

    @Override
    protected ScanResult read(JsonParser p, String displayName) throws IOException {
        List<Finding> findings = new ArrayList<>();
        String[] version = {null};
        boolean[] sawRuns = {false};
        List<String> tools = new ArrayList<>();
        List<String> toolVersions = new ArrayList<>();
        fields(p, displayName, "the SARIF log", name -> {
            switch (name) {
                case "version" -> version[0] = string(p, displayName, "version");
                case "runs" -> {
                    if (p.currentToken() == JsonToken.VALUE_NULL) {
                        throw problem(p, displayName, "report.tool-failed", "runs is null: the tool failed");
                    }
                    sawRuns[0] = true;
                    elements(p, displayName, "runs", i -> {
                        SarifRun run = new SarifRun(p, displayName);
                        run.read();
                        findings.addAll(run.findings());
                        tools.add(run.toolName());
                        toolVersions.add(run.toolVersion());
                    });
                }
                default -> p.skipChildren();
            }
        });
        if (version[0] == null || !sawRuns[0]) {
            throw missing(p, displayName, FORMAT, "a SARIF log needs version and runs");
        }
        if (!"2.1.0".equals(version[0])) {
            throw problem(p, displayName, "report.unsupported-version", "only SARIF version 2.1.0 is supported");
        }
        boolean oneTool = !tools.isEmpty() && tools.stream().distinct().count() == 1;
        return ScanResult.ok(oneTool ? tools.get(0) : FORMAT, oneTool ? toolVersions.get(0) : "", displayName,
                findings);
    }

    /** One run: rules and pending results, resolved at its end. */
    private static final class SarifRun {
        private final JsonParser p;
        private final String displayName;
        private final Map<String, Rule> rulesById = new HashMap<>();
        private final List<Rule> rulesByIndex = new ArrayList<>();
        private final List<Pending> pending = new ArrayList<>();
        private String tool = "";
        private String version = "";
        private boolean sawResults;

        SarifRun(JsonParser p, String displayName) {
            this.p = p;
            this.displayName = displayName;
        }

        String toolName() {
            return tool.isEmpty() ? FORMAT : tool;
        }

        String toolVersion() {
            return version;
        }

        void read() throws IOException {
            fields(p, displayName, "a run", name -> {
                switch (name) {
                    case "tool" -> fields(p, displayName, "tool", f -> {
                        if ("driver".equals(f)) {
                            component(true);
                        } else if ("extensions".equals(f)) {
                            elements(p, displayName, "tool.extensions", i -> component(false));
                        } else {
                            p.skipChildren();
                        }
                    });
                    case "results" -> {
                        if (p.currentToken() == JsonToken.VALUE_NULL) {
                            throw problem(p, displayName, "report.tool-failed", "a run's results are null");
                        }
                        sawResults = true;
                        elements(p, displayName, "results", i -> result());
                    }
                    case "invocations" -> elements(p, displayName, "invocations", i ->
                            fields(p, displayName, "an invocation", f -> {
                                if ("executionSuccessful".equals(f) && p.currentToken() == JsonToken.VALUE_FALSE) {
                                    throw problem(p, displayName, "report.tool-failed",
                                            "the tool reports executionSuccessful: false");
                                }
                            }));
                    default -> p.skipChildren();
                }
            });
            if (!sawResults) {
                throw missing(p, displayName, FORMAT, "a run has no results array (the tool did not complete)");
            }
        }

        private void component(boolean driver) throws IOException {
            fields(p, displayName, "a tool component", f -> {
                switch (f) {
                    case "name" -> {
                        String n = string(p, displayName, "tool.driver.name");
                        if (driver && n != null) {
                            tool = n;
                        }
                    }
                    case "version", "semanticVersion" -> {
                        String v = string(p, displayName, "tool.driver." + f);
                        if (driver && v != null && (version.isEmpty() || "semanticVersion".equals(f))) {
                            version = v;
                        }
                    }
                    case "rules" -> elements(p, displayName, "rules", i -> {
                        Rule r = rule();
                        if (driver) {
                            rulesByIndex.add(r);
                        }
                        if (r.id != null) {
                            rulesById.putIfAbsent(r.id, r);
                        }
                    });
                    default -> p.skipChildren();
                }
            });
        }

        private Rule rule() throws IOException {
            Rule r = new Rule();
            fields(p, displayName, "a rule", f -> {
                switch (f) {
                    case "id" -> r.id = string(p, displayName, "rule.id");
                    case "name" -> r.name = string(p, displayName, "rule.name");
                    case "shortDescription" -> r.shortDescription = text(p, displayName);
                    case "defaultConfiguration" -> fields(p, displayName, "defaultConfiguration", k -> {
                        if ("level".equals(k)) {
                            r.level = string(p, displayName, "defaultConfiguration.level");
                        }
                    });
                    case "properties" -> properties(r.props);
                    default -> p.skipChildren();
                }
            });
            return r;
        }

        private void result() throws IOException {
            Pending r = new Pending();
            fields(p, displayName, "a result", f -> {
                switch (f) {
                    case "ruleId" -> r.ruleId = string(p, displayName, "ruleId");
                    case "ruleIndex" -> r.ruleIndex = (int) number(p, displayName, "ruleIndex");
                    case "rule" -> fields(p, displayName, "rule", k -> {
                        if ("id".equals(k)) {
                            r.ruleId = r.ruleId == null ? string(p, displayName, "rule.id") : r.ruleId;
                        } else if ("index".equals(k)) {
                            r.ruleIndex = (int) number(p, displayName, "rule.index");
                        } else {
                            p.skipChildren();
                        }
                    });
                    case "level" -> r.level = string(p, displayName, "level");
                    case "kind" -> r.kind = string(p, displayName, "kind");
                    case "baselineState" -> r.baselineState = string(p, displayName, "baselineState");
                    case "message" -> r.message = text(p, displayName);
                    case "locations" -> elements(p, displayName, "locations", i -> {
                        if (i == 0) {
                            r.location = location(p, displayName);
                        }
                    });
                    case "partialFingerprints", "fingerprints" -> {
                        Map<String, String> fp = new TreeMap<>();
                        fields(p, displayName, f, k -> fp.put(k, string(p, displayName, f + " value")));
                        if (r.fingerprints == null || "fingerprints".equals(f)) {
                            r.fingerprints = fp.isEmpty() ? r.fingerprints : fp;
                        }
                    }
                    case "properties" -> properties(r.props);
                    default -> p.skipChildren();
                }
            });
            if ("pass".equals(r.kind) || "notApplicable".equals(r.kind) || "absent".equals(r.baselineState)) {
                return;
            }
            pending.add(r);
        }

        private void properties(Props props) throws IOException {
            fields(p, displayName, "properties", k -> {
                if ("security-severity".equals(k)) {
                    props.securitySeverity = number(p, displayName, "properties.security-severity");
                } else if ("tags".equals(k)) {
                    strings(p, displayName, "properties.tags", props.tags::add);
                } else {
                    p.skipChildren();
                }
            });
        }

        List<Finding> findings() {
            Category category = SarifCategories.of(tool);
            List<Finding> out = new ArrayList<>(pending.size());
            for (Pending r : pending) {
                Rule rule = r.ruleId != null ? rulesById.get(r.ruleId) : null;
                if (rule == null && r.ruleIndex >= 0 && r.ruleIndex < rulesByIndex.size()) {
                    rule = rulesByIndex.get(r.ruleIndex);
                }
                String ruleId = r.ruleId != null ? r.ruleId : rule != null && rule.id != null ? rule.id : "unknown-rule";
                double score = !Double.isNaN(r.props.securitySeverity) ? r.props.securitySeverity
                        : rule != null ? rule.props.securitySeverity : Double.NaN;
                Severity severity = !Double.isNaN(score) ? Severity.fromCvss(score) : level(r, rule);
                String title = r.message != null && !r.message.isBlank() ? r.message
                        : rule != null && rule.shortDescription != null ? rule.shortDescription : ruleId;
                FindingBuilder b = Finding.builder(toolName(), ruleId).title(title).severity(severity).score(score)
                        .category(category).location(r.location == null ? Location.ofFile("") : r.location);
                if (r.fingerprints != null) {
                    b.toolFingerprint(fingerprint(r.fingerprints));
                } else if (r.location != null) {
                    b.fingerprintHint(Integer.toString(r.location.line()));
                }
                SarifCategories.cwes(r.props.tags).forEach(b::id);
                if (rule != null) {
                    rule.cwes().forEach(b::id);
                }
                out.add(b.build());
            }
            return out;
        }

        private static Severity level(Pending r, Rule rule) {
            String level = r.level != null ? r.level : rule != null && rule.level != null ? rule.level : "warning";
            return switch (level) {
                case "error" -> Severity.HIGH;
                case "warning" -> Severity.MEDIUM;
                case "note" -> Severity.LOW;
                case "none" -> Severity.INFO;
                default -> Severity.UNKNOWN;
            };
        }

        private static String fingerprint(Map<String, String> fp) {
            String primary = fp.get("primaryLocationLineHash");
            if (primary != null) {
                return primary;
            }
            StringBuilder sb = new StringBuilder();
            fp.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
            return Hashing.sha256(sb.toString().getBytes(StandardCharsets.UTF_8)).hex().substring(0, 32);
        }
    }

    /** {@code {"text": ...}} (message, shortDescription); markdown and message ids are not used. */
    static String text(JsonParser p, String displayName) throws IOException {
        String[] text = {null};
        fields(p, displayName, "a message", k -> {
            if ("text".equals(k)) {
                text[0] = string(p, displayName, "text");
            } else {
                p.skipChildren();
            }
        });
        return text[0];
    }

    /** A SARIF {@code location}: artifact URI and region start; snippets and logical locations are skipped. */
    static Location location(JsonParser p, String displayName) throws IOException {
        String[] uri = {""};
        int[] region = {0, 0};
        fields(p, displayName, "a location", f -> {
            if (!"physicalLocation".equals(f)) {
                p.skipChildren();
                return;
            }
            fields(p, displayName, "physicalLocation", k -> {
                switch (k) {
                    case "artifactLocation" -> fields(p, displayName, "artifactLocation", a -> {
                        if ("uri".equals(a)) {
                            String u = string(p, displayName, "artifactLocation.uri");
                            uri[0] = u == null ? "" : u;
                        } else {
                            p.skipChildren();
                        }
                    });
                    case "region" -> fields(p, displayName, "region", r -> {
                        if ("startLine".equals(r)) {
                            region[0] = position(p, displayName, "region.startLine");
                        } else if ("startColumn".equals(r)) {
                            region[1] = position(p, displayName, "region.startColumn");
                        } else {
                            p.skipChildren(); // snippet text may be the secret a tool found
                        }
                    });
                    default -> p.skipChildren();
                }
            });
        });
        return Location.of(uri[0], region[0], region[1]);
    }

    private static final class Props {
        double securitySeverity = Double.NaN;
        final List<String> tags = new ArrayList<>();
    }

    private static final class Rule {
        String id;
        String name;
        String shortDescription;
        String level;
        final Props props = new Props();
        private List<String> cwes;

        /** CWE ids from the rule's tags, computed once per rule. */
        List<String> cwes() {
            if (cwes == null) {
                cwes = SarifCategories.cwes(props.tags);
            }
            return cwes;
        }
    }

    private static final class Pending {
        String ruleId;
        int ruleIndex = -1;
        String level;
        String kind;
        String baselineState;
        String message;
        Location location;
        Map<String, String> fingerprints;
        final Props props = new Props();
    }
}
