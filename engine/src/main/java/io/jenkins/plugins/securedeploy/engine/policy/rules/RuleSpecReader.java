package io.jenkins.plugins.securedeploy.engine.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.json.LocatedTree;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the {@code rules} array of a schema-validated policy (or rule) file into {@link RuleSpec}s, each part located
 * where its text starts in the file (line and column of the value, not of the key), so a compile error can point
 * at the character CEL complains about.
 */
public final class RuleSpecReader {
    private static final String[] PARTS = {"when", "require", "message", "scope"};

    /** The rules under {@code pointer} (usually {@code /rules}) of {@code tree}, whose bytes are {@code content}. */
    public List<RuleSpec> read(LocatedTree tree, byte[] content, String pointer, RuleSpec.Origin origin) {
        JsonNode array = tree.root().at(pointer);
        String[] lines = new String(content, StandardCharsets.UTF_8).split("\n", -1);
        List<RuleSpec> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode r = array.get(i);
            String base = pointer + "/" + i;
            Map<String, Location> at = new LinkedHashMap<>();
            at.put("rule", tree.locate(base));
            for (String part : PARTS) {
                if (r.has(part)) {
                    at.put(part, valueStart(tree.locate(base + "/" + part), part, lines));
                }
            }
            String severity = r.path("severity").asText("");
            out.add(new RuleSpec(r.path("id").asText(), r.path("scope").asText(PolicyRules.DEPLOY),
                    r.path("when").asText(""), r.path("require").asText(), r.path("message").asText(""),
                    severity.isEmpty() ? null : Severity.valueOf(severity.toUpperCase(Locale.ROOT)),
                    r.has("category") ? Category.valueOf(r.get("category").asText()) : null,
                    r.path("waivable").asBoolean(true), r.path("description").asText(""), r.path("fix").asText(""),
                    origin, at));
        }
        return out;
    }

    /** Moves a key's location to where its value's text starts: after {@code key:}, a quote, or a block marker. */
    static Location valueStart(Location key, String name, String[] lines) {
        if (key.line() < 1 || key.line() > lines.length) {
            return key;
        }
        String line = lines[key.line() - 1];
        int k = line.indexOf(name, Math.max(0, key.column() - 1));
        if (k < 0) {
            return key;
        }
        int colon = line.indexOf(':', k + name.length());
        if (colon < 0) {
            return key;
        }
        int v = colon + 1;
        while (v < line.length() && line.charAt(v) == ' ') {
            v++;
        }
        if (v < line.length() && (line.charAt(v) == '|' || line.charAt(v) == '>')) {
            if (key.line() < lines.length) {
                String next = lines[key.line()];
                int indent = 0;
                while (indent < next.length() && next.charAt(indent) == ' ') {
                    indent++;
                }
                return new Location(key.file(), key.pointer(), key.line() + 1, indent + 1);
            }
            return key;
        }
        if (v < line.length() && (line.charAt(v) == '"' || line.charAt(v) == '\'')) {
            v++;
        }
        return new Location(key.file(), key.pointer(), key.line(), v + 1);
    }
}
