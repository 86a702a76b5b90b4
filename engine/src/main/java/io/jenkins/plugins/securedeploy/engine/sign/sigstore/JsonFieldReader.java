package io.jenkins.plugins.securedeploy.engine.sign.sigstore;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.json.LocatedTree;
import java.util.Base64;
import java.util.Iterator;
import java.util.Set;

/**
 * Reads protobuf-JSON fields of a located tree for the sigstore readers: required and optional strings, base64 bytes
 * (standard or URL alphabet, as protobuf JSON allows), int64 as string or number, and the unknown-field check. Every
 * failure is an {@link InvalidInputException} located at the field's JSON pointer; values are never echoed.
 */
final class JsonFieldReader {
    private final LocatedTree tree;
    private final boolean rejectUnknown;

    JsonFieldReader(LocatedTree tree, boolean rejectUnknown) {
        this.tree = tree;
        this.rejectUnknown = rejectUnknown;
    }

    LocatedTree tree() {
        return tree;
    }

    InvalidInputException malformed(String pointer, String message) {
        return new InvalidInputException(tree.problem("sigstore.malformed", message, pointer));
    }

    com.fasterxml.jackson.databind.JsonNode node(String pointer) {
        return tree.root().at(pointer.isEmpty() ? "" : pointer);
    }

    boolean has(String pointer) {
        com.fasterxml.jackson.databind.JsonNode n = node(pointer);
        return !n.isMissingNode() && !n.isNull();
    }

    com.fasterxml.jackson.databind.JsonNode object(String pointer, Set<String> known) {
        com.fasterxml.jackson.databind.JsonNode n = node(pointer);
        if (!n.isObject()) {
            throw malformed(pointer, n.isMissingNode() ? "required object is missing" : "must be a JSON object");
        }
        if (rejectUnknown) {
            for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
                String name = it.next();
                if (!known.contains(name)) {
                    throw new InvalidInputException(tree.problem("sigstore.unknown-field",
                            "field is not part of the sigstore specification (strict: unknown fields are refused)",
                            pointer + "/" + name));
                }
            }
        }
        return n;
    }

    int arraySize(String pointer, boolean required) {
        com.fasterxml.jackson.databind.JsonNode n = node(pointer);
        if (n.isMissingNode() || n.isNull()) {
            if (required) {
                throw malformed(pointer, "required array is missing");
            }
            return 0;
        }
        if (!n.isArray()) {
            throw malformed(pointer, "must be a JSON array");
        }
        return n.size();
    }

    String string(String pointer) {
        com.fasterxml.jackson.databind.JsonNode n = node(pointer);
        if (!n.isTextual()) {
            throw malformed(pointer, n.isMissingNode() ? "required field is missing" : "must be a string");
        }
        return n.textValue();
    }

    String optionalString(String pointer) {
        return has(pointer) ? string(pointer) : null;
    }

    byte[] bytes(String pointer) {
        String text = string(pointer);
        try {
            return text.indexOf('-') >= 0 || text.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(text)
                    : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(tree.problem("sigstore.malformed", "is not valid base64", pointer), e);
        }
    }

    /** protobuf int64: a decimal string or a JSON integer; absent means 0. */
    long int64(String pointer, boolean required) {
        com.fasterxml.jackson.databind.JsonNode n = node(pointer);
        if (n.isMissingNode() || n.isNull()) {
            if (required) {
                throw malformed(pointer, "required field is missing");
            }
            return 0;
        }
        if (n.isIntegralNumber() && n.canConvertToLong()) {
            return n.longValue();
        }
        if (n.isTextual() && n.textValue().matches("-?[0-9]{1,19}")) {
            try {
                return Long.parseLong(n.textValue());
            } catch (NumberFormatException e) {
                throw new InvalidInputException(tree.problem("sigstore.malformed", "integer out of range", pointer), e);
            }
        }
        throw malformed(pointer, "must be an integer");
    }
}
