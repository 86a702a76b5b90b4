package io.jenkins.plugins.securedeploy.engine.audit;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.jenkins.plugins.securedeploy.engine.core.EnvironmentException;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;

/**
 * The checkpoint file: a header line naming the interval, then one checkpoint per JSON line:
 * {@code {"entries":N,"interval":K,"head":"sha256:…","at":"…","keyId":"…","algorithm":"…","signature":"<base64>"}}.
 */
public final class AuditCheckpointWriter {
    /** The first line's {@code format}. */
    public static final String FORMAT = "secure-deploy-audit-checkpoints";

    /** The first line: {@code {"format":"secure-deploy-audit-checkpoints","version":1,"interval":K}}. */
    public byte[] header(int interval) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(96);
        try (JsonGenerator g = Json.strict().factory().createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", 1);
            g.writeNumberField("interval", interval);
            g.writeEndObject();
        } catch (IOException e) {
            throw new EnvironmentException("cannot encode the checkpoint header: " + e.getClass().getSimpleName(), e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    public byte[] encode(AuditCheckpoint c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = Json.strict().factory().createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeNumberField("entries", c.entries());
            g.writeNumberField("interval", c.interval());
            g.writeStringField("head", c.head().toString());
            g.writeStringField("at", c.at().toString());
            g.writeStringField("keyId", c.keyId());
            g.writeStringField("algorithm", c.algorithm());
            g.writeStringField("signature", Base64.getEncoder().encodeToString(c.signature()));
            g.writeEndObject();
        } catch (IOException e) {
            throw new EnvironmentException("cannot encode audit checkpoint " + c.entries() + ": "
                    + e.getClass().getSimpleName(), e);
        }
        out.write('\n');
        return out.toByteArray();
    }
}
