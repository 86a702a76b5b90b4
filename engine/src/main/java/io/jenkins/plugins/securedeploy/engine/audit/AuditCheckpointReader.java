package io.jenkins.plugins.securedeploy.engine.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Reads the checkpoint file (JSON Lines written by {@link AuditCheckpointWriter}). Any line that is not a complete,
 * well-formed checkpoint is a located {@link InvalidInputException} (file and line).
 */
public final class AuditCheckpointReader {
    private static final Set<String> FIELDS = Set.of("entries", "interval", "head", "at", "keyId", "algorithm",
            "signature");

    /** The interval the header names and the checkpoints after it, in file order. */
    public record Checkpoints(int interval, List<AuditCheckpoint> checkpoints) {}

    public Checkpoints read(Path file, String displayName) throws IOException {
        List<AuditCheckpoint> out = new ArrayList<>();
        int[] interval = {0};
        try (InputStream in = Files.newInputStream(file)) {
            LineScanner.scan(in, (buf, off, len, lineNo, torn) -> {
                Location where = Location.of(displayName, (int) Math.min(lineNo, Integer.MAX_VALUE), 0);
                if (torn) {
                    throw new InvalidInputException(Problem.of("audit.checkpoint-torn",
                            "the last checkpoint line is incomplete (no newline)", where));
                }
                if (lineNo == 1) {
                    interval[0] = header(buf, off, len, where);
                } else {
                    out.add(parse(buf, off, len, where));
                }
                return true;
            });
        }
        if (interval[0] == 0) {
            throw new InvalidInputException(Problem.of("audit.checkpoint-header", "the checkpoint file is empty "
                    + "(its header line is missing)", Location.ofFile(displayName)));
        }
        return new Checkpoints(interval[0], out);
    }

    /** The header line's interval; a located error when the line is not the header. */
    public int header(byte[] buf, int off, int len, Location where) {
        JsonNode n = Json.strict().readTree(new ByteArrayInputStream(buf, off, len), where.describe());
        if (!n.isObject() || n.size() != 3 || !AuditCheckpointWriter.FORMAT.equals(n.path("format").asText())
                || n.path("version").asInt() != 1 || !n.path("interval").isInt() || n.path("interval").intValue() < 1) {
            throw new InvalidInputException(Problem.of("audit.checkpoint-header", "the first line must be the header "
                    + "{\"format\":\"" + AuditCheckpointWriter.FORMAT + "\",\"version\":1,\"interval\":N}", where));
        }
        return n.get("interval").intValue();
    }

    /** Whether a line is the header rather than a checkpoint. */
    static boolean isHeader(byte[] line) {
        return new String(line, java.nio.charset.StandardCharsets.UTF_8).startsWith("{\"format\":");
    }

    /** One checkpoint line (without its newline). */
    public AuditCheckpoint parse(byte[] buf, int off, int len, Location where) {
        JsonNode n = Json.strict().readTree(new ByteArrayInputStream(buf, off, len), where.describe());
        try {
            if (!n.isObject() || n.size() != FIELDS.size()) {
                throw new IllegalArgumentException("a checkpoint has exactly the fields " + FIELDS);
            }
            n.fieldNames().forEachRemaining(f -> {
                if (!FIELDS.contains(f)) {
                    throw new IllegalArgumentException("unknown checkpoint field");
                }
            });
            if (!n.get("entries").canConvertToLong() || !n.get("entries").isIntegralNumber()
                    || !n.get("interval").isInt()) {
                throw new IllegalArgumentException("'entries' and 'interval' must be integers");
            }
            return new AuditCheckpoint(n.get("entries").longValue(), n.get("interval").intValue(),
                    Digest.parse(text(n, "head")), instant(text(n, "at")), text(n, "keyId"),
                    text(n, "algorithm"), base64(text(n, "signature")));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(Problem.of("audit.checkpoint-malformed", "not a well-formed checkpoint: "
                    + e.getMessage(), where), e);
        }
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'at' is not an RFC 3339 UTC time", e);
        }
    }

    private static byte[] base64(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'signature' is not base64", e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' must be a string");
        }
        return v.asText();
    }
}
