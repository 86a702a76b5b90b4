package io.jenkins.plugins.securedeploy.engine.scan.sarif;

import static io.jenkins.plugins.securedeploy.engine.scan.JsonReportParser.fields;
import static io.jenkins.plugins.securedeploy.engine.scan.JsonReportParser.position;
import static io.jenkins.plugins.securedeploy.engine.scan.JsonReportParser.string;

import com.fasterxml.jackson.core.JsonParser;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import java.io.IOException;

/** The two small SARIF objects every result carries: a message's text and a physical location. */
final class SarifTextReader {
    private SarifTextReader() {}

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
}
