package io.jenkins.plugins.securedeploy.engine.scan.sarif;

import static io.jenkins.plugins.securedeploy.engine.scan.JsonReportParser.elements;
import static io.jenkins.plugins.securedeploy.engine.scan.JsonReportParser.fields;
import static io.jenkins.plugins.securedeploy.engine.scan.JsonReportParser.number;
import static io.jenkins.plugins.securedeploy.engine.scan.JsonReportParser.string;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/** One SARIF result as read, before it is resolved against its run's rules. */
final class SarifResultReader {
    private SarifResultReader() {}

    /** The fields of a result the finding is made from. */
    static final class Result {
        String ruleId;
        int ruleIndex = -1;
        String level;
        String kind;
        String baselineState;
        String message;
        Location location;
        Map<String, String> fingerprints;
        /** A fingerprint value was not a string (Black Duck writes objects); it was left out. */
        boolean unusableFingerprint;
        /** Its index in the run's results and its line in the report (0: not known, a deferred result). */
        long index;
        int line;
        final SarifRuleReader.Props props = new SarifRuleReader.Props();
        /** The engine's exact values, when the log is one we wrote. */
        final SarifOwnPropertiesReader own = new SarifOwnPropertiesReader();

        /** Results of kind pass/notApplicable and baselineState "absent" are not findings. */
        boolean isFinding() {
            return !"pass".equals(kind) && !"notApplicable".equals(kind) && !"absent".equals(baselineState);
        }

        /** Where the result is, for a warning about it ({@code run} is the run's JSON pointer). */
        Location at(String displayName, String run) {
            return Location.ofPointer(displayName, run + "/results/" + index, line, 0);
        }
    }

    /** The result the parser is on, the {@code index}-th of its run. */
    static Result result(JsonParser p, String displayName, long index) throws IOException {
        Result r = new Result();
        r.index = index;
        r.line = Math.max(0, p.currentTokenLocation().getLineNr());
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
                case "message" -> r.message = SarifTextReader.text(p, displayName);
                case "locations" -> elements(p, displayName, "locations", i -> {
                    if (i == 0) {
                        r.location = SarifTextReader.location(p, displayName);
                    }
                });
                case "partialFingerprints", "fingerprints" -> {
                    Map<String, String> fp = new TreeMap<>();
                    fields(p, displayName, f, k -> {
                        if (p.currentToken() == JsonToken.VALUE_STRING) {
                            fp.put(k, p.getText());
                        } else if (p.currentToken() != JsonToken.VALUE_NULL) {
                            r.unusableFingerprint = true;
                        }
                    });
                    if (r.fingerprints == null || "fingerprints".equals(f)) {
                        r.fingerprints = fp.isEmpty() ? r.fingerprints : fp;
                    }
                }
                case "properties" -> SarifRuleReader.properties(p, displayName, r.props, r.own);
                default -> p.skipChildren();
            }
        });
        return r;
    }
}
