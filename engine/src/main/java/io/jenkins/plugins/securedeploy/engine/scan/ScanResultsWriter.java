package io.jenkins.plugins.securedeploy.engine.scan;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes scan results losslessly ({@code "format": "secure-deploy-scan-results"}): every finding field including the
 * exact fingerprint, and every problem of an ERROR result. Hosts use it to move results between processes (a
 * Jenkins agent to the controller) and to keep them with a build; {@link ScanResultsReader} reads it back equal.
 */
public final class ScanResultsWriter {
    public static final String FORMAT = "secure-deploy-scan-results";
    public static final int VERSION = 1;

    public byte[] write(List<ScanResult> results) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = Json.strict().factory()
                .createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", VERSION);
            g.writeArrayFieldStart("results");
            for (ScanResult r : results) {
                result(g, r);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write scan results to memory", e);
        }
        return out.toByteArray();
    }

    private static void result(JsonGenerator g, ScanResult r) throws IOException {
        g.writeStartObject();
        g.writeStringField("tool", r.tool());
        g.writeStringField("toolVersion", r.toolVersion());
        g.writeStringField("source", r.source());
        g.writeStringField("status", r.status().name());
        g.writeArrayFieldStart("findings");
        for (Finding f : r.findings()) {
            finding(g, f);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("problems");
        for (Problem p : r.problems()) {
            g.writeStartObject();
            g.writeStringField("code", p.code());
            g.writeStringField("message", p.message());
            FindingJsonWriter.writeLocation(g, p.location());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void finding(JsonGenerator g, Finding f) throws IOException {
        g.writeStartObject();
        FindingJsonWriter.writeFields(g, f);
        g.writeEndObject();
    }
}
