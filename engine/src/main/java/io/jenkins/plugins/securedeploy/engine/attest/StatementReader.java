package io.jenkins.plugins.securedeploy.engine.attest;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.engine.core.DigestAlgorithm;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.json.Locator;
import io.jenkins.plugins.securedeploy.engine.json.PlainJson;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an in-toto Statement strictly: malformed or truncated JSON and duplicate keys (via the strict parser), an
 * unknown {@code _type}, a missing or empty {@code subject}, a subject without name or digest, a malformed sha256 /
 * sha512 value, and a missing {@code predicateType} are all located problems (file, JSON pointer, line). Fields
 * outside the Statement layer are problems when {@code rejectUnknownFields}. Values are never quoted in messages.
 */
public final class StatementReader {
    private static final Set<String> FIELDS = Set.of("_type", "subject", "predicateType", "predicate");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

    public Statement read(byte[] content, String displayName, boolean rejectUnknownFields) {
        if (content.length == 0) {
            throw new InvalidInputException(Problem.of("statement.empty", "the statement is empty",
                    Location.ofFile(displayName)));
        }
        Locator tree = Locator.read(content, displayName);
        JsonNode root = tree.root();
        if (!root.isObject()) {
            throw new InvalidInputException(tree.problem("statement.not-object", "an in-toto statement is a JSON "
                    + "object", ""));
        }
        List<Problem> problems = new ArrayList<>();
        JsonNode type = root.get("_type");
        if (type == null) {
            problems.add(tree.problem("statement.missing", "field /_type is missing", "/_type"));
        } else if (!type.isTextual() || !(Statement.TYPE_V1.equals(type.textValue())
                || Statement.TYPE_V01.equals(type.textValue()))) {
            problems.add(tree.problem("statement.unknown-type", "field /_type is not an in-toto Statement type "
                    + "(expected " + Statement.TYPE_V1 + ")", "/_type"));
        }
        if (rejectUnknownFields) {
            Iterator<String> names = root.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                if (!FIELDS.contains(n)) {
                    problems.add(tree.problem("statement.unknown-field", "field /" + n + " is not part of an in-toto "
                            + "Statement (strict policy refuses unknown fields)", "/" + n));
                }
            }
        }
        List<Subject> subjects = subjects(tree, root.get("subject"), problems);
        JsonNode predicateType = root.get("predicateType");
        if (predicateType == null || !predicateType.isTextual() || predicateType.textValue().isBlank()) {
            problems.add(tree.problem(predicateType == null ? "statement.missing" : "statement.type",
                    "field /predicateType " + (predicateType == null ? "is missing" : "must be a non-empty string"),
                    "/predicateType"));
        }
        JsonNode predicate = root.get("predicate");
        if (predicate != null && !predicate.isObject() && !predicate.isNull()) {
            problems.add(tree.problem("statement.type", "field /predicate must be an object", "/predicate"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Statement(type.textValue(), subjects, predicateType.textValue(), PlainJson.object(predicate));
    }

    private static List<Subject> subjects(Locator tree, JsonNode node, List<Problem> problems) {
        List<Subject> out = new ArrayList<>();
        if (node == null) {
            problems.add(tree.problem("statement.missing-subject", "field /subject is missing", "/subject"));
            return out;
        }
        if (!node.isArray() || node.isEmpty()) {
            problems.add(tree.problem("statement.missing-subject", "field /subject must be a non-empty array",
                    "/subject"));
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            String at = "/subject/" + i;
            JsonNode s = node.get(i);
            JsonNode name = s.get("name");
            JsonNode digest = s.get("digest");
            if (!s.isObject()) {
                problems.add(tree.problem("statement.type", "field " + at + " must be an object", at));
                continue;
            }
            if (name != null && !name.isTextual()) {
                problems.add(tree.problem("statement.type", "field " + at + "/name must be a string", at + "/name"));
                continue;
            }
            if (digest == null || !digest.isObject() || digest.isEmpty()) {
                problems.add(tree.problem("statement.subject-digest", "field " + at + "/digest must be a non-empty "
                        + "object of algorithm to hex", at + "/digest"));
                continue;
            }
            Map<String, String> map = new LinkedHashMap<>();
            boolean ok = true;
            Iterator<Map.Entry<String, JsonNode>> fields = digest.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                String pointer = at + "/digest/" + e.getKey();
                String value = e.getValue().isTextual() ? e.getValue().textValue() : null;
                DigestAlgorithm known = DigestAlgorithm.parse(e.getKey()).filter(a -> a.id().equals(e.getKey()))
                        .orElse(null);
                if (value == null || (known != null && (value.length() != known.hexLength()
                        || !HEX.matcher(value).matches()))) {
                    problems.add(tree.problem("statement.subject-digest", "field " + pointer + " is not a "
                            + (known == null ? "string" : "lower-case " + known.id() + " hex digest"), pointer));
                    ok = false;
                } else {
                    map.put(e.getKey(), value);
                }
            }
            if (ok) {
                out.add(new Subject(name == null ? "" : name.textValue(), map));
            }
        }
        return out;
    }
}
