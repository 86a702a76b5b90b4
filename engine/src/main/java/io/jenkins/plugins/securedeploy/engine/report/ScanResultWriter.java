package io.jenkins.plugins.securedeploy.engine.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.FindingJsonWriter;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes one scan result as the engine's own findings document ({@value ScanResultReader#FORMAT}), the form
 * {@link ScanResultReader} and so {@code secure-deploy gate} read back. An ERROR result is written with
 * {@code "status": "ERROR"} and its first problem as {@code error}, so the gate fails closed on it.
 */
public final class ScanResultWriter {
    public byte[] write(ScanResult result) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = Json.strict().factory().createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", ScanResultReader.FORMAT);
            g.writeStringField("tool", result.tool());
            g.writeStringField("toolVersion", result.toolVersion());
            g.writeStringField("status", result.status().name());
            if (result.isError()) {
                g.writeStringField("error", result.problems().get(0).describe());
            }
            g.writeArrayFieldStart("findings");
            for (Finding f : result.findings()) {
                g.writeStartObject();
                FindingJsonWriter.writeFields(g, f);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the findings document to memory", e);
        }
        return out.toByteArray();
    }
}
