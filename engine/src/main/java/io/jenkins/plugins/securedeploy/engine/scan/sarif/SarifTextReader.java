package io.jenkins.plugins.securedeploy.engine.scan.sarif;

import static io.jenkins.plugins.securedeploy.engine.scan.JsonReportParser.expect;
import static io.jenkins.plugins.securedeploy.engine.scan.JsonReportParser.position;
import static io.jenkins.plugins.securedeploy.engine.scan.JsonReportParser.string;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.scan.FieldNameReader;
import java.io.IOException;

/**
 * The two small SARIF objects every result carries: a message's text and a physical location. Read as
 * {@code JsonReportParser.fields} reads an object (the same checks and errors, values left unread skipped), in plain
 * loops with the member names of each kind of object expected in the order of the last one ({@link FieldNameReader},
 * {@link SarifResultReader.Names}; null orders read names as usual).
 */
final class SarifTextReader {
    private SarifTextReader() {}

    /** {@code {"text": ...}} (message, shortDescription); markdown and message ids are not used. */
    static String text(JsonParser p, String displayName) throws IOException {
        return text(p, displayName, null);
    }

    static String text(JsonParser p, String displayName, FieldNameReader order) throws IOException {
        String text = null;
        start(p, displayName, "a message", order);
        for (String k; (k = FieldNameReader.next(order, p)) != null; ) {
            JsonToken value = p.nextToken();
            if ("text".equals(k)) {
                text = string(p, displayName, "text");
            }
            done(p, value);
        }
        expect(p, JsonToken.END_OBJECT, displayName, "end of a message");
        return text;
    }

    /** A SARIF {@code location}: artifact URI and region start; snippets and logical locations are skipped. */
    static Location location(JsonParser p, String displayName) throws IOException {
        return location(p, displayName, null);
    }

    static Location location(JsonParser p, String displayName, SarifResultReader.Names names) throws IOException {
        Location at = Location.of("", 0, 0);
        start(p, displayName, "a location", names == null ? null : names.location);
        for (String f; (f = FieldNameReader.next(names == null ? null : names.location, p)) != null; ) {
            JsonToken value = p.nextToken();
            if ("physicalLocation".equals(f)) {
                at = physical(p, displayName, names);
            }
            done(p, value);
        }
        expect(p, JsonToken.END_OBJECT, displayName, "end of a location");
        return at;
    }

    private static Location physical(JsonParser p, String displayName, SarifResultReader.Names names)
            throws IOException {
        FieldNameReader order = names == null ? null : names.physical;
        String uri = "";
        int line = 0;
        int column = 0;
        start(p, displayName, "physicalLocation", order);
        for (String k; (k = FieldNameReader.next(order, p)) != null; ) {
            JsonToken value = p.nextToken();
            if ("artifactLocation".equals(k)) {
                uri = uri(p, displayName, names == null ? null : names.artifact, uri);
            } else if ("region".equals(k)) {
                FieldNameReader region = names == null ? null : names.region;
                start(p, displayName, "region", region);
                for (String r; (r = FieldNameReader.next(region, p)) != null; ) {
                    JsonToken v = p.nextToken();
                    if ("startLine".equals(r)) {
                        line = position(p, displayName, "region.startLine");
                    } else if ("startColumn".equals(r)) {
                        column = position(p, displayName, "region.startColumn");
                    } else if ("snippet".equals(r) && names != null) {
                        names.snippet.skip(p); // snippet text may be the secret a tool found: never read
                    }
                    done(p, v);
                }
                expect(p, JsonToken.END_OBJECT, displayName, "end of region");
            }
            done(p, value);
        }
        expect(p, JsonToken.END_OBJECT, displayName, "end of physicalLocation");
        return Location.of(uri, line, column);
    }

    private static String uri(JsonParser p, String displayName, FieldNameReader order, String uri) throws IOException {
        String read = uri;
        start(p, displayName, "artifactLocation", order);
        for (String a; (a = FieldNameReader.next(order, p)) != null; ) {
            JsonToken value = p.nextToken();
            if ("uri".equals(a)) {
                String u = string(p, displayName, "artifactLocation.uri");
                read = u == null ? "" : u;
            }
            done(p, value);
        }
        expect(p, JsonToken.END_OBJECT, displayName, "end of artifactLocation");
        return read;
    }

    /** An object starts ({@code what} names it in the error when it does not). */
    static void start(JsonParser p, String displayName, String what, FieldNameReader order) {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            expect(p, JsonToken.START_OBJECT, displayName, what + " (an object)");
        }
        if (order != null) {
            order.start();
        }
    }

    /** After a member's value was handled: skips it if it is an object or array left unread. */
    static void done(JsonParser p, JsonToken value) throws IOException {
        if (p.currentToken() == value && value != null && value.isStructStart()) {
            p.skipChildren();
        }
    }
}
