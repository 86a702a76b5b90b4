package io.jenkins.plugins.securedeploy.engine.scan.sarif;

import static io.jenkins.plugins.securedeploy.engine.scan.JsonReportParser.elements;
import static io.jenkins.plugins.securedeploy.engine.scan.JsonReportParser.fields;
import static io.jenkins.plugins.securedeploy.engine.scan.JsonReportParser.missing;
import static io.jenkins.plugins.securedeploy.engine.scan.JsonReportParser.problem;
import static io.jenkins.plugins.securedeploy.engine.scan.JsonReportParser.string;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.DeferredRecords;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.FindingBuilder;
import io.jenkins.plugins.securedeploy.engine.scan.FindingSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One SARIF run: its tool (driver and extensions with their rules), invocations and results. Results become
 * findings as they are read once the run's {@code tool} has been seen (most producers write it first); results that
 * come before it are read as they come, kept as binary records ({@link DeferredRecords}, {@link SarifResultRecord})
 * and resolved against the rules at the end of the run (their warnings name the result's pointer, not its line).
 * Repeated warnings of one kind are listed {@link #LISTED_WARNINGS} times per run, then counted in one line.
 */
final class SarifRunReader {
    static final int LISTED_WARNINGS = 10;
    /** The location of a result without one (a record: shared). */
    private static final Location NOWHERE = Location.ofFile("");
    /** Rule ids whose lookup is remembered ({@link #ruleById}). */
    private static final int LOOKUPS = 8;
    private final JsonParser p;
    private final String displayName;
    private final String pointer;
    private final FindingSink sink;
    private final Map<String, SarifRuleReader.Rule> rulesById = new HashMap<>();
    private final List<SarifRuleReader.Rule> rulesByIndex = new ArrayList<>();
    private final Map<String, long[]> warned = new HashMap<>();
    private final SarifResultReader.Names names = new SarifResultReader.Names();
    private final String[] lookedUp = new String[LOOKUPS];
    private final SarifRuleReader.Rule[] found = new SarifRuleReader.Rule[LOOKUPS];
    private int nextLookup;
    private String tool = "";
    private String version = "";
    private Category category;
    private boolean sawTool;
    private boolean sawResults;

    SarifRunReader(JsonParser p, String displayName, String pointer, FindingSink sink) {
        this.p = p;
        this.displayName = displayName;
        this.pointer = pointer;
        this.sink = sink;
    }

    String toolName() {
        return tool.isEmpty() ? SarifParser.FORMAT : tool;
    }

    String toolVersion() {
        return version;
    }

    void read() throws IOException {
        SarifResultRecord records = new SarifResultRecord();
        try (DeferredRecords early = new DeferredRecords()) {
            fields(p, displayName, "a run", name -> {
                switch (name) {
                    case "tool" -> {
                        tool(p);
                        sawTool = true;
                    }
                    case "results" -> {
                        if (p.currentToken() == JsonToken.VALUE_NULL) {
                            throw problem(p, displayName, "report.tool-failed", "a run's results are null");
                        }
                        sawResults = true;
                        elements(p, displayName, "results", i -> {
                            SarifResultReader.Result r = SarifResultReader.result(p, displayName, i, names);
                            if (!r.isFinding()) {
                                return;
                            }
                            if (sawTool) {
                                sink.accept(finding(r));
                            } else {
                                records.write(early.add(), r); // read now, resolved at the run's end
                            }
                        });
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
                throw missing(p, displayName, SarifParser.FORMAT,
                        "a run has no results array (the tool did not complete)");
            }
            SarifResultRecord replayed = new SarifResultRecord();
            early.replay((in, n) -> sink.accept(finding(replayed.read(in))));
        }
        warned.forEach((code, n) -> {
            if (n[0] > LISTED_WARNINGS) {
                sink.warning(Problem.of(code, (n[0] - LISTED_WARNINGS) + " more results of this run with the same "
                        + "warning", Location.ofPointer(displayName, pointer, 0, 0)));
            }
        });
    }

    private void tool(JsonParser parser) throws IOException {
        fields(parser, displayName, "tool", f -> {
            if ("driver".equals(f)) {
                component(parser, true);
            } else if ("extensions".equals(f)) {
                elements(parser, displayName, "tool.extensions", i -> component(parser, false));
            } else {
                parser.skipChildren();
            }
        });
    }

    private void component(JsonParser parser, boolean driver) throws IOException {
        fields(parser, displayName, "a tool component", f -> {
            switch (f) {
                case "name" -> {
                    String n = string(parser, displayName, "tool.driver.name");
                    if (driver && n != null) {
                        tool = n;
                        category = null;
                    }
                }
                case "version", "semanticVersion" -> {
                    String v = string(parser, displayName, "tool.driver." + f);
                    if (driver && v != null && (version.isEmpty() || "semanticVersion".equals(f))) {
                        version = v;
                    }
                }
                case "rules" -> elements(parser, displayName, "rules", i -> {
                    SarifRuleReader.Rule r = SarifRuleReader.rule(parser, displayName);
                    if (driver) {
                        rulesByIndex.add(r);
                    }
                    if (r.id != null) {
                        rulesById.putIfAbsent(r.id, r);
                    }
                    forgetLookups();
                });
                default -> parser.skipChildren();
            }
        });
    }

    private Finding finding(SarifResultReader.Result r) {
        SarifRuleReader.Rule rule = r.ruleId != null ? ruleById(r.ruleId) : null;
        if (rule == null && r.ruleIndex >= 0 && r.ruleIndex < rulesByIndex.size()) {
            rule = rulesByIndex.get(r.ruleIndex);
        }
        // the rule's own id where it is the same: one string per rule, its hash computed once for the gate's lookups
        String ruleId = r.ruleId != null ? rule != null && r.ruleId.equals(rule.id) ? rule.id : r.ruleId
                : rule != null && rule.id != null ? rule.id : "unknown-rule";
        double score = r.props.securitySeverity;
        boolean unusable = r.props.unusableSecuritySeverity;
        if (Double.isNaN(score) && !unusable && rule != null) {
            score = rule.props.securitySeverity;
            unusable = rule.props.unusableSecuritySeverity;
        }
        if (unusable) {
            warn(r, "sarif.security-severity-ignored", "properties.security-severity of rule " + safe(ruleId)
                    + " is not a number from 0 to 10; its level decides the severity (as GitHub does)");
        }
        Severity severity = r.own.severity(!Double.isNaN(score) ? Severity.fromCvss(score)
                : SarifSeverity.ofLevel(SarifSeverity.level(r.level, r.kind, rule == null ? null : rule.level)));
        String title = r.message != null && !r.message.isBlank() ? r.message
                : rule != null && rule.shortDescription != null ? rule.shortDescription : ruleId;
        FindingBuilder b = Finding.builder(toolName(), ruleId).title(title).severity(severity).score(score)
                .category(category()).location(r.location == null ? NOWHERE : r.location);
        if (r.unusableFingerprint) {
            warn(r, "sarif.fingerprint-ignored", "a fingerprint of a result of rule " + safe(ruleId)
                    + " is not a string (SARIF §3.27.16/17); it is left out of the finding's fingerprint");
        }
        if (r.fingerprints != null) {
            b.toolFingerprint(fingerprint(r.fingerprints));
        } else if (r.location != null) {
            b.fingerprintHint(Integer.toString(r.location.line()));
        }
        if (r.own.ids() != null) {
            r.own.ids().forEach(b::id);
        } else {
            List<String> tagged = SarifCategories.cwes(r.props.tags());
            if (tagged.isEmpty() && rule != null) {
                b.ids(rule.cwes()); // the rule's list, shared by its findings
            } else {
                tagged.forEach(b::id);
                if (rule != null) {
                    rule.cwes().forEach(b::id);
                }
            }
        }
        r.own.applyTo(b, r.location, r.fingerprints);
        return b.build();
    }

    /**
     * {@code rulesById.get(id)}, through the last {@link #LOOKUPS} ids looked up: a tool writes runs of results of a
     * few rules, and an id compared with {@code equals} costs less than hashing each result's new copy of it.
     */
    private SarifRuleReader.Rule ruleById(String id) {
        for (int i = 0; i < LOOKUPS; i++) {
            String k = lookedUp[i];
            if (k == null) {
                break; // filled in order
            }
            if (k.equals(id)) {
                return found[i];
            }
        }
        SarifRuleReader.Rule rule = rulesById.get(id);
        lookedUp[nextLookup] = id;
        found[nextLookup] = rule;
        nextLookup = (nextLookup + 1) % LOOKUPS;
        return rule;
    }

    /** The rules changed: what was looked up may resolve otherwise now. */
    private void forgetLookups() {
        java.util.Arrays.fill(lookedUp, null);
        java.util.Arrays.fill(found, null);
        nextLookup = 0;
    }

    /** What the tool name says about its findings, worked out once per run (the name is read before the findings). */
    private Category category() {
        if (category == null) {
            category = SarifCategories.of(tool);
        }
        return category;
    }

    private void warn(SarifResultReader.Result r, String code, String message) {
        long[] n = warned.computeIfAbsent(code, k -> new long[1]);
        if (++n[0] <= LISTED_WARNINGS) {
            sink.warning(Problem.of(code, message, r.at(displayName, pointer)));
        }
    }

    /** Rule ids are tool identifiers, not user data; still, keep them short and printable. */
    private static String safe(String ruleId) {
        String s = ruleId.replaceAll("[^A-Za-z0-9._/:-]", "?");
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
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
