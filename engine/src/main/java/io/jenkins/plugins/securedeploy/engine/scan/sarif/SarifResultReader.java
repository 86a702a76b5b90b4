package io.jenkins.plugins.securedeploy.engine.scan.sarif;

import static io.jenkins.plugins.securedeploy.engine.scan.JsonReportParser.elements;
import static io.jenkins.plugins.securedeploy.engine.scan.JsonReportParser.fields;
import static io.jenkins.plugins.securedeploy.engine.scan.JsonReportParser.number;
import static io.jenkins.plugins.securedeploy.engine.scan.JsonReportParser.string;

import com.fasterxml.jackson.core.JsonParser;
import io.jenkins.plugins.securedeploy.engine.scan.DeferredElementsReader;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/** One SARIF result as read, before it is resolved against its run's rules. */
final class SarifResultReader {
    private SarifResultReader() {}

    private static final DeferredElementsReader.Shape REGION = name -> "startLine".equals(name)
            || "startColumn".equals(name) ? DeferredElementsReader.Shape.ALL : null;
    private static final DeferredElementsReader.Shape ARTIFACT = name -> "uri".equals(name)
            ? DeferredElementsReader.Shape.ALL : null;
    private static final DeferredElementsReader.Shape PHYSICAL = name -> "artifactLocation".equals(name) ? ARTIFACT
            : "region".equals(name) ? REGION : null;
    private static final DeferredElementsReader.Shape LOCATION = name -> "physicalLocation".equals(name) ? PHYSICAL
            : null;

    /**
     * What {@link #result} reads of a result (and {@link SarifTextReader#location} of its locations): a result kept
     * for later (its run's rules come after it) is copied in this shape, without snippets, code flows and the like.
     */
    static final DeferredElementsReader.Shape SHAPE = name -> switch (name) {
        case "ruleId", "ruleIndex", "rule", "level", "kind", "baselineState", "message", "partialFingerprints",
                "fingerprints", "properties" -> DeferredElementsReader.Shape.ALL;
        case "locations" -> LOCATION;
        default -> null;
    };

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
        Location at;
        final SarifRuleReader.Props props = new SarifRuleReader.Props();
        /** The engine's exact values, when the log is one we wrote. */
        final SarifOwnPropertiesReader own = new SarifOwnPropertiesReader();

        /** Results of kind pass/notApplicable and baselineState "absent" are not findings. */
        boolean isFinding() {
            return !"pass".equals(kind) && !"notApplicable".equals(kind) && !"absent".equals(baselineState);
        }
    }

    static Result result(JsonParser p, String displayName, String pointer) throws IOException {
        Result r = new Result();
        int line = Math.max(0, p.currentTokenLocation().getLineNr());
        r.at = Location.ofPointer(displayName, pointer, line, 0);
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
