package io.jenkins.plugins.securedeploy.engine.approval;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.core.DigestAlgorithm;
import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.json.LocatedTree;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Strict field access over a located JSON/YAML tree for the approval readers: every wrong type, missing required
 * field or unknown field becomes a {@link Problem} at {@code file:line at /pointer}. Values are never quoted in
 * messages. Missing optional values return the given default; a problem returns it too, so reading goes on and all
 * problems are reported at once.
 */
final class FieldReader {
    private final LocatedTree tree;
    private final String codePrefix;
    private final List<Problem> problems = new ArrayList<>();

    FieldReader(LocatedTree tree, String codePrefix) {
        this.tree = tree;
        this.codePrefix = codePrefix;
    }

    List<Problem> problems() {
        return problems;
    }

    void problem(String code, String message, String pointer) {
        problems.add(tree.problem(codePrefix + "." + code, message, pointer));
    }

    /** Checks {@code node} is an object with only {@code known} fields. */
    boolean object(JsonNode node, String pointer, Set<String> known) {
        if (node == null || !node.isObject()) {
            problem("type", "must be an object", pointer);
            return false;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                problem("unknown-field", "unknown field (known: " + String.join(", ", known.stream().sorted()
                        .toList()) + ")", pointer + "/" + f);
            }
        }
        return true;
    }

    String text(JsonNode parent, String field, String pointer, String dflt, boolean required) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                problem("missing", "required field is missing", pointer + "/" + field);
            }
            return dflt;
        }
        if (!n.isTextual()) {
            problem("type", "must be a string", pointer + "/" + field);
            return dflt;
        }
        return n.asText();
    }

    boolean bool(JsonNode parent, String field, String pointer, boolean dflt, boolean required) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                problem("missing", "required field is missing", pointer + "/" + field);
            }
            return dflt;
        }
        if (!n.isBoolean()) {
            problem("type", "must be true or false", pointer + "/" + field);
            return dflt;
        }
        return n.booleanValue();
    }

    int integer(JsonNode parent, String field, String pointer, int dflt, boolean required) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                problem("missing", "required field is missing", pointer + "/" + field);
            }
            return dflt;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            problem("type", "must be an integer", pointer + "/" + field);
            return dflt;
        }
        return n.intValue();
    }

    List<String> strings(JsonNode parent, String field, String pointer, boolean required) {
        JsonNode n = parent.get(field);
        String p = pointer + "/" + field;
        if (n == null || n.isNull()) {
            if (required) {
                problem("missing", "required field is missing", p);
            }
            return List.of();
        }
        if (!n.isArray()) {
            problem("type", "must be a list of strings", p);
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            if (!n.get(i).isTextual()) {
                problem("type", "must be a string", p + "/" + i);
            } else {
                out.add(n.get(i).asText());
            }
        }
        return out;
    }

    Instant instant(JsonNode parent, String field, String pointer, boolean required) {
        String t = text(parent, field, pointer, null, required);
        if (t == null) {
            return null;
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeException e) {
            problem("time", "must be an RFC 3339 UTC time such as 2026-01-15T10:00:00Z", pointer + "/" + field);
            return null;
        }
    }

    Duration duration(JsonNode parent, String field, String pointer, Duration dflt) {
        String t = text(parent, field, pointer, null, false);
        if (t == null) {
            return dflt;
        }
        try {
            return Duration.parse(t);
        } catch (DateTimeException e) {
            problem("duration", "must be an ISO-8601 duration such as PT24H or P2D", pointer + "/" + field);
            return dflt;
        }
    }

    Digest digest(JsonNode parent, String field, String pointer) {
        String t = text(parent, field, pointer, null, true);
        if (t == null) {
            return null;
        }
        try {
            return Digest.parse(t);
        } catch (IllegalArgumentException e) {
            problem("digest", "must be a digest such as sha256:<64 hex>: " + e.getMessage(), pointer + "/" + field);
            return null;
        }
    }

    /** An in-toto digest map {@code {"sha256": "<hex>"}}; null when absent and optional, or wrong. */
    DigestSet digestSet(JsonNode parent, String field, String pointer, boolean required) {
        JsonNode n = parent.get(field);
        String p = pointer + "/" + field;
        if (n == null || n.isNull()) {
            if (required) {
                problem("missing", "required field is missing", p);
            }
            return null;
        }
        if (!n.isObject() || n.isEmpty()) {
            problem("type", "must be a digest map such as {\"sha256\": \"<64 hex>\"}", p);
            return null;
        }
        Map<DigestAlgorithm, Digest> digests = new EnumMap<>(DigestAlgorithm.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            DigestAlgorithm a = DigestAlgorithm.parse(e.getKey()).orElse(null);
            if (a == null || !e.getValue().isTextual()) {
                problem("digest", "only sha256 and sha512 hex digests are accepted", p + "/" + e.getKey());
                continue;
            }
            try {
                digests.put(a, new Digest(a, e.getValue().asText()));
            } catch (IllegalArgumentException ex) {
                problem("digest", ex.getMessage(), p + "/" + e.getKey());
            }
        }
        return digests.isEmpty() ? null : new DigestSet(digests);
    }
}
