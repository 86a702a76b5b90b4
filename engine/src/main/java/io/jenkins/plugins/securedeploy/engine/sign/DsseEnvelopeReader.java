package io.jenkins.plugins.securedeploy.engine.sign;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.json.Locator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a DSSE envelope ({@code {"payloadType", "payload", "signatures": [{"keyid", "sig"}]}}) strictly: malformed
 * or truncated JSON, duplicate keys, a missing or mistyped field and bad base64 are located problems naming the
 * file, the JSON pointer and the line; field values are never quoted. Base64 may be standard or URL-safe, with or
 * without padding (the DSSE spec requires verifiers to accept both alphabets). Fields outside the spec are problems
 * when {@code rejectUnknownFields}.
 */
public final class DsseEnvelopeReader {
    static final Set<String> ENVELOPE_FIELDS = Set.of("payloadType", "payload", "signatures");
    static final Set<String> SIGNATURE_FIELDS = Set.of("keyid", "sig");

    /** Cheap sniff for auto-detection: a JSON object whose top level has {@code payloadType} and {@code signatures}. */
    public static boolean looksLikeEnvelope(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 64 * 1024), StandardCharsets.UTF_8).stripLeading();
        return head.startsWith("{") && head.contains("\"payloadType\"") && head.contains("\"signatures\"")
                && !head.contains("\"mediaType\"") && !head.contains("\"dsseEnvelope\"");
    }

    public DsseEnvelope read(byte[] content, String displayName, boolean rejectUnknownFields) {
        if (content.length == 0) {
            throw new InvalidInputException(Problem.of("dsse.empty", "the envelope file is empty",
                    io.jenkins.plugins.securedeploy.engine.core.Location.ofFile(displayName)));
        }
        Locator tree = Locator.read(content, displayName);
        JsonNode root = tree.root();
        List<Problem> problems = new ArrayList<>();
        if (!root.isObject()) {
            throw new InvalidInputException(tree.problem("dsse.not-object", "a DSSE envelope is a JSON object", ""));
        }
        if (rejectUnknownFields) {
            unknown(tree, root, "", ENVELOPE_FIELDS, problems);
        }
        String payloadType = text(tree, root, "payloadType", "", problems);
        byte[] payload = base64(tree, root, "payload", "", problems, true);
        List<DsseEnvelope.Signature> signatures = new ArrayList<>();
        JsonNode sigs = root.get("signatures");
        if (sigs == null) {
            problems.add(tree.problem("dsse.missing", "field /signatures is missing", "/signatures"));
        } else if (!sigs.isArray()) {
            problems.add(tree.problem("dsse.type", "field /signatures must be an array", "/signatures"));
        } else {
            for (int i = 0; i < sigs.size(); i++) {
                String at = "/signatures/" + i;
                JsonNode s = sigs.get(i);
                if (!s.isObject()) {
                    problems.add(tree.problem("dsse.type", "field " + at + " must be an object", at));
                    continue;
                }
                if (rejectUnknownFields) {
                    unknown(tree, s, at, SIGNATURE_FIELDS, problems);
                }
                String keyId = "";
                JsonNode k = s.get("keyid");
                if (k != null && !k.isTextual()) {
                    problems.add(tree.problem("dsse.type", "field " + at + "/keyid must be a string", at + "/keyid"));
                } else if (k != null) {
                    keyId = k.textValue();
                }
                byte[] sig = base64(tree, s, "sig", at, problems, false);
                if (sig != null) {
                    signatures.add(new DsseEnvelope.Signature(keyId, sig));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new DsseEnvelope(payloadType, payload, signatures);
    }

    private static void unknown(Locator tree, JsonNode node, String at, Set<String> allowed,
            List<Problem> problems) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!allowed.contains(n)) {
                problems.add(tree.problem("dsse.unknown-field", "field " + at + "/" + n
                        + " is not part of a DSSE envelope (strict policy refuses unknown fields)", at + "/" + n));
            }
        }
    }

    private static String text(Locator tree, JsonNode node, String field, String at, List<Problem> problems) {
        JsonNode v = node.get(field);
        String pointer = at + "/" + field;
        if (v == null) {
            problems.add(tree.problem("dsse.missing", "field " + pointer + " is missing", pointer));
            return null;
        }
        if (!v.isTextual() || v.textValue().isEmpty()) {
            problems.add(tree.problem("dsse.type", "field " + pointer + " must be a non-empty string", pointer));
            return null;
        }
        return v.textValue();
    }

    private static byte[] base64(Locator tree, JsonNode node, String field, String at, List<Problem> problems,
            boolean emptyAllowed) {
        JsonNode v = node.get(field);
        String pointer = at + "/" + field;
        if (v == null) {
            problems.add(tree.problem("dsse.missing", "field " + pointer + " is missing", pointer));
            return null;
        }
        if (!v.isTextual()) {
            problems.add(tree.problem("dsse.type", "field " + pointer + " must be a base64 string", pointer));
            return null;
        }
        byte[] decoded = Base64s.decode(v.textValue());
        if (decoded == null) {
            problems.add(tree.problem("dsse.base64", "field " + pointer + " is not valid base64", pointer));
            return null;
        }
        if (decoded.length == 0 && !emptyAllowed) {
            problems.add(tree.problem("dsse.empty-signature", "field " + pointer + " is empty", pointer));
            return null;
        }
        return decoded;
    }
}
