package io.jenkins.plugins.securedeploy.engine.scan.sarif;

import static io.jenkins.plugins.securedeploy.engine.scan.JsonReportParser.expect;
import static io.jenkins.plugins.securedeploy.engine.scan.JsonReportParser.fields;
import static io.jenkins.plugins.securedeploy.engine.scan.JsonReportParser.number;
import static io.jenkins.plugins.securedeploy.engine.scan.JsonReportParser.problem;
import static io.jenkins.plugins.securedeploy.engine.scan.JsonReportParser.string;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.scan.FieldNameReader;
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

    /**
     * The member-name readers of the objects every result carries ({@link FieldNameReader}), one set per run: a
     * tool writes its results alike, so their names are matched by their bytes.
     */
    static final class Names {
        final FieldNameReader result = new FieldNameReader();
        final FieldNameReader message = new FieldNameReader();
        final FieldNameReader location = new FieldNameReader();
        final FieldNameReader physical = new FieldNameReader();
        final FieldNameReader artifact = new FieldNameReader();
        final FieldNameReader region = new FieldNameReader();
        final FieldNameReader snippet = new FieldNameReader();
        final FieldNameReader partialFingerprints = new FieldNameReader();
        final FieldNameReader fingerprints = new FieldNameReader();
    }

    /** The result the parser is on, the {@code index}-th of its run (read as {@code fields} reads an object). */
    static Result result(JsonParser p, String displayName, long index, Names names) throws IOException {
        Result r = new Result();
        r.index = index;
        r.line = Math.max(0, p.currentTokenLocation().getLineNr());
        SarifTextReader.start(p, displayName, "a result", names.result);
        for (String f; (f = names.result.next(p)) != null; ) {
            JsonToken value = p.nextToken();
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
                case "message" -> r.message = SarifTextReader.text(p, displayName, names.message);
                case "locations" -> locations(p, displayName, r, names);
                case "partialFingerprints" -> fingerprints(p, displayName, f, r, names.partialFingerprints);
                case "fingerprints" -> fingerprints(p, displayName, f, r, names.fingerprints);
                case "properties" -> SarifRuleReader.properties(p, displayName, r.props, r.own);
                default -> { }
            }
            SarifTextReader.done(p, value);
        }
        expect(p, JsonToken.END_OBJECT, displayName, "end of a result");
        return r;
    }

    /** As {@code elements}: null is empty; the first location is the result's. */
    private static void locations(JsonParser p, String displayName, Result r, Names names) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            expect(p, JsonToken.START_ARRAY, displayName, "locations (an array)");
        }
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() == null) {
                throw problem(p, displayName, "json.truncated", "report ends inside locations");
            }
            JsonToken value = p.currentToken();
            if (index++ == 0) {
                r.location = SarifTextReader.location(p, displayName, names);
            }
            SarifTextReader.done(p, value);
        }
    }

    private static void fingerprints(JsonParser p, String displayName, String f, Result r, FieldNameReader order)
            throws IOException {
        Map<String, String> fp = new TreeMap<>();
        SarifTextReader.start(p, displayName, f, order);
        for (String k; (k = order.next(p)) != null; ) {
            JsonToken value = p.nextToken();
            if (value == JsonToken.VALUE_STRING) {
                fp.put(k, p.getText());
            } else if (value != JsonToken.VALUE_NULL) {
                r.unusableFingerprint = true;
            }
            SarifTextReader.done(p, value);
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
            expect(p, JsonToken.END_OBJECT, displayName, "end of " + f);
        }
        if (r.fingerprints == null || "fingerprints".equals(f)) {
            r.fingerprints = fp.isEmpty() ? r.fingerprints : fp;
        }
    }
}
