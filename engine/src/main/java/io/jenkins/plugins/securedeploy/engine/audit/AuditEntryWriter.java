package io.jenkins.plugins.securedeploy.engine.audit;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.core.DigestAlgorithm;
import io.jenkins.plugins.securedeploy.engine.core.EnvironmentException;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Encodes one audit entry as one JSON line, fields in a fixed order:
 * {@code {"seq":N,"at":"…","actor":"…","action":"…","refs":[{"kind":"value"}…],"note":"…","prev":"sha256:…","hash":"sha256:…"}}
 * where {@code hash} is the SHA-256 of every byte before {@code ,"hash":} — so the hash covers the exact bytes on
 * disk, including {@code prev}, which chains the entry to the one before.
 */
public final class AuditEntryWriter {
    /** What follows the hashed prefix: {@value} + 64 hex digits + {@code "}}. */
    static final String HASH_FIELD = ",\"hash\":\"sha256:";

    /** Bytes after the hashed prefix, newline excluded. */
    static final int SUFFIX_LENGTH = HASH_FIELD.length() + 64 + 2;

    /** The {@code prev} of entry 1. */
    public static final Digest GENESIS = new Digest(DigestAlgorithm.SHA256, "0".repeat(64));

    /** An encoded line (with its newline) and the entry it records. */
    public record Encoded(byte[] line, AuditEntry entry) {}

    public Encoded encode(long seq, Instant at, AuditEvent event, Digest prev) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try {
            JsonGenerator g = Json.strict().factory().createGenerator(out, JsonEncoding.UTF8);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
            g.writeStartObject();
            g.writeNumberField("seq", seq);
            g.writeStringField("at", at.toString());
            g.writeStringField("actor", event.actor());
            g.writeStringField("action", event.action().id());
            g.writeArrayFieldStart("refs");
            for (AuditRef r : event.refs()) {
                g.writeStartObject();
                g.writeStringField(r.kind(), r.value());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("note", event.note());
            g.writeStringField("prev", prev.toString());
            g.close();
        } catch (IOException e) {
            throw new EnvironmentException("cannot encode audit entry " + seq + ": " + e.getClass().getSimpleName(),
                    e);
        }
        byte[] prefix = out.toByteArray();
        Digest hash = Hashing.sha256(prefix);
        byte[] suffix = (HASH_FIELD + hash.hex() + "\"}\n").getBytes(StandardCharsets.US_ASCII);
        byte[] line = new byte[prefix.length + suffix.length];
        System.arraycopy(prefix, 0, line, 0, prefix.length);
        System.arraycopy(suffix, 0, line, prefix.length, suffix.length);
        return new Encoded(line, new AuditEntry(seq, at, event.actor(), event.action().id(), event.refs(),
                event.note(), prev, hash));
    }
}
