package io.jenkins.plugins.securedeploy.engine.policy;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.jenkins.plugins.securedeploy.engine.core.EnvironmentException;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import io.jenkins.plugins.securedeploy.engine.json.PrettyJson;
import io.jenkins.plugins.securedeploy.engine.json.RawJsonSlice;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the baseline file a later run compares against: fingerprints plus minimal data, sorted, stable; pretty-printed
 * with one entry per line, each compact ({@link PrettyJson#elementPerLine()}).
 */
public final class BaselineWriter {
    public static final String FORMAT = "secure-deploy-baseline";

    public void write(List<Finding> findings, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(findings, out);
        } catch (IOException e) {
            throw new EnvironmentException("cannot write baseline " + file.getFileName() + ": "
                    + e.getClass().getSimpleName(), e);
        }
    }

    public void write(List<Finding> findings, OutputStream out) throws IOException {
        List<BaselineEntry> sorted = Baseline.ofFindings(findings).entries().values().stream()
                .sorted(java.util.Comparator.comparing(BaselineEntry::fingerprint)).toList();
        write(visitor -> {
            for (BaselineEntry e : sorted) {
                visitor.visit(e);
            }
        }, out);
    }

    /** Entries already one per fingerprint and sorted by it (a gate's spool on disk), streamed. */
    public void write(Entries sorted, OutputStream out) throws IOException {
        try (JsonGenerator g = Json.strict().factory().createGenerator(out, JsonEncoding.UTF8)) {
            PrettyJson printer = new PrettyJson();
            g.setPrettyPrinter(printer);
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", 1);
            printer.elementPerLine();
            g.writeArrayFieldStart("findings");
            sorted.forEach(e -> writeEntry(g, e));
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /**
     * Entries already one per fingerprint, sorted by it and laid out as JSON (a gate's spool on disk lays each out
     * as {@link #writeEntry} writes it), streamed: the same bytes as {@link #write(Entries, OutputStream)} writes.
     */
    public void writeLaidOut(LaidOutEntries sorted, OutputStream out) throws IOException {
        RawJsonSlice slice = new RawJsonSlice();
        try (JsonGenerator g = Json.strict().factory().createGenerator(out, JsonEncoding.UTF8)) {
            PrettyJson printer = new PrettyJson();
            g.setPrettyPrinter(printer);
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", 1);
            printer.elementPerLine();
            g.writeArrayFieldStart("findings");
            sorted.forEach((b, off, len) -> g.writeRawValue(slice.set(b, off, len)));
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /** Baseline entries' JSON in their written order, each as part of a buffer valid during the call. */
    @FunctionalInterface
    public interface LaidOutEntries {
        /** Receives one entry's bytes, {@code b[off, off + len)}. */
        @FunctionalInterface
        interface Visitor {
            void visit(byte[] b, int off, int len) throws IOException;
        }

        void forEach(Visitor visitor) throws IOException;
    }

    /** Baseline entries in their written order, visited one at a time. */
    @FunctionalInterface
    public interface Entries {
        /** Receives one entry. */
        @FunctionalInterface
        interface Visitor {
            void visit(BaselineEntry entry) throws IOException;
        }

        void forEach(Visitor visitor) throws IOException;
    }

    /** One baseline entry as JSON; the gate report's "fixed" list uses the same shape. */
    public static void writeEntry(JsonGenerator g, BaselineEntry e) throws IOException {
        g.writeStartObject();
        field(g, FINGERPRINT, e.fingerprint());
        field(g, TOOL, e.tool());
        field(g, RULE_ID, e.ruleId());
        field(g, SEVERITY, e.severity().name());
        field(g, TITLE, e.title());
        g.writeEndObject();
    }

    // names encoded once: a baseline lists every fingerprint
    private static final SerializedString FINGERPRINT = new SerializedString("fingerprint");
    private static final SerializedString TOOL = new SerializedString("tool");
    private static final SerializedString RULE_ID = new SerializedString("ruleId");
    private static final SerializedString SEVERITY = new SerializedString("severity");
    private static final SerializedString TITLE = new SerializedString("title");

    private static void field(JsonGenerator g, SerializedString name, String value) throws IOException {
        g.writeFieldName(name);
        g.writeString(value);
    }
}
