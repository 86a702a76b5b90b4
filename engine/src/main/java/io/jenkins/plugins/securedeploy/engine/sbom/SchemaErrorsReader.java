package io.jenkins.plugins.securedeploy.engine.sbom;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.utils.JsonNodes;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import java.util.List;

/**
 * Runs a JSON schema (networknt) over a location-aware tree and turns each error into a located {@link Problem}:
 * JSON pointer (prefixed with where the subtree sits in the document) and the line the offending node starts on.
 */
final class SchemaErrorsReader {
    private SchemaErrorsReader() {}

    static void validate(Schema schema, JsonNode node, String file, String pointerPrefix, List<Problem> out) {
        for (Error e : schema.validate(node)) {
            String pointer = pointerPrefix + (e.getInstanceLocation() == null ? "" : e.getInstanceLocation().toString());
            int line = 0;
            int column = 0;
            JsonNode at = e.getInstanceNode();
            JsonLocation loc = at == null ? null : JsonNodes.tokenStreamLocationOf(at);
            if (loc != null && loc.getLineNr() > 0) {
                line = loc.getLineNr();
                column = Math.max(0, loc.getColumnNr());
            }
            String keyword = e.getKeyword() == null ? "invalid" : e.getKeyword();
            out.add(Problem.of("schema." + keyword, message(e), Location.ofPointer(file, pointer, line, column)));
        }
    }

    private static String message(Error e) {
        String m = e.getMessage() == null ? "does not match the schema" : e.getMessage();
        m = m.lines().findFirst().orElse(m);
        return m.length() > 300 ? m.substring(0, 300) + "..." : m;
    }
}
