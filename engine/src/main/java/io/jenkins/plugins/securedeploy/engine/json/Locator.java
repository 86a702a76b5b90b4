package io.jenkins.plugins.securedeploy.engine.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import java.io.ByteArrayInputStream;

/**
 * A strictly parsed JSON document whose line/column locations are computed only when a problem is reported (a
 * second pass, as {@link LocatedTree} does), so valid documents — the common case on hot paths such as verifying
 * thousands of envelopes — are parsed once.
 */
public final class Locator {
    private final byte[] content;
    private final String file;
    private final JsonNode root;
    private LocatedTree located;

    private Locator(byte[] content, String file, JsonNode root) {
        this.content = content;
        this.file = file;
        this.root = root;
    }

    /** Parses strictly (malformed, truncated, duplicate keys: a located InvalidInputException). */
    public static Locator read(byte[] content, String displayName) {
        return new Locator(content, displayName, Json.strict().readTree(new ByteArrayInputStream(content), displayName));
    }

    public JsonNode root() {
        return root;
    }

    public String file() {
        return file;
    }

    /** A problem at {@code pointer}, with the line and column where it starts. */
    public Problem problem(String code, String message, String pointer) {
        if (located == null) {
            located = LocatedTree.read(content, file, false);
        }
        return located.problem(code, message, pointer);
    }
}
