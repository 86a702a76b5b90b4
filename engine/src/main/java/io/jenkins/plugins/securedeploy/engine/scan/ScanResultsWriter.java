package io.jenkins.plugins.securedeploy.engine.scan;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes the engine's one findings document ({@code "format": "secure-deploy-findings", "version": 1}, JSON Schema
 * {@link #SCHEMA}): every scan result with every normalised finding field, including the exact fingerprint, and
 * every problem of an ERROR result. The CLI's {@code scan|secrets|ingest --json} print it, {@code ingest} and
 * {@code gate} read it, and hosts move results between processes with it (a Jenkins agent to the controller);
 * {@code findings.ScanResultsReader} reads it back equal. Each result also carries its counts per severity, which readers
 * check against its findings.
 */
public final class ScanResultsWriter {
    public static final String FORMAT = "secure-deploy-findings";
    public static final int VERSION = 1;
    /** The JSON Schema of the document, on the engine's class path. */
    public static final String SCHEMA = "/io/jenkins/plugins/securedeploy/engine/scan/findings.schema.json";

    /** How the tool of a result ran (informational: {@code secure-deploy scan} records it). */
    public record Run(String command, String outcome, int exitCode, long durationMillis) {
        public Run {
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /** A result and, where a tool ran, how it ran ({@code run} may be null). */
    public record Entry(ScanResult result, Run run) {
        public Entry {
            Objects.requireNonNull(result, "result");
        }
    }

    /** The document, compact. */
    public byte[] write(List<ScanResult> results) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(results.stream().map(r -> new Entry(r, null)).toList(), out, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write scan results to memory", e);
        }
        return out.toByteArray();
    }

    /** Streams the document to {@code out} (not closed), pretty-printed for people when {@code pretty}. */
    public void write(List<Entry> entries, OutputStream out, boolean pretty) throws IOException {
        try (JsonGenerator g = Json.strict().factory().createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            if (pretty) {
                g.useDefaultPrettyPrinter();
            }
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", VERSION);
            boolean error = entries.stream().anyMatch(e -> e.result().isError());
            g.writeStringField("status", error ? ScanResult.Status.ERROR.name() : ScanResult.Status.OK.name());
            g.writeArrayFieldStart("results");
            for (Entry e : entries) {
                result(g, e);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void result(JsonGenerator g, Entry e) throws IOException {
        ScanResult r = e.result();
        g.writeStartObject();
        g.writeStringField("tool", r.tool());
        g.writeStringField("toolVersion", r.toolVersion());
        g.writeStringField("source", r.source());
        g.writeStringField("status", r.status().name());
        g.writeObjectFieldStart("counts");
        for (Map.Entry<Severity, Integer> c : counts(r.findings()).entrySet()) {
            g.writeNumberField(c.getKey().name(), c.getValue());
        }
        g.writeEndObject();
        if (e.run() != null) {
            g.writeObjectFieldStart("run");
            g.writeStringField("command", e.run().command());
            g.writeStringField("outcome", e.run().outcome());
            if (e.run().exitCode() < 0) {
                g.writeNullField("exitCode");
            } else {
                g.writeNumberField("exitCode", e.run().exitCode());
            }
            g.writeNumberField("durationMillis", Math.max(0, e.run().durationMillis()));
            g.writeEndObject();
        }
        g.writeArrayFieldStart("findings");
        for (Finding f : r.findings()) {
            g.writeStartObject();
            FindingJsonWriter.writeFields(g, f);
            g.writeEndObject();
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

    /** Findings per severity, every severity present (zero where none), in severity order. */
    public static Map<Severity, Integer> counts(List<Finding> findings) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        findings.forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        return counts;
    }
}
