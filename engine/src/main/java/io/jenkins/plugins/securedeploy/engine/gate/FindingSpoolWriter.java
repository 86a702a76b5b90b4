package io.jenkins.plugins.securedeploy.engine.gate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import io.jenkins.plugins.securedeploy.engine.policy.FindingOutcome;
import io.jenkins.plugins.securedeploy.engine.policy.Waiver;
import io.jenkins.plugins.securedeploy.engine.scan.FindingJsonWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Streams every finding a gate saw to disk as it arrives, one JSON object per line (the gate report's finding
 * shape: the finding's fields, {@code status}, {@code counted}, {@code waivedBy}, {@code expiredWaiver}), so the full
 * list of a report of any size exists without being held in memory. Closing closes the stream.
 */
public final class FindingSpoolWriter implements AutoCloseable {
    private final JsonGenerator g;
    private long written;

    public FindingSpoolWriter(OutputStream out) {
        try {
            this.g = Json.strict().factory().createGenerator(out, JsonEncoding.UTF8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the findings spool", e);
        }
        g.setRootValueSeparator(null);
    }

    public void write(FindingOutcome o) {
        try {
            g.writeStartObject();
            FindingJsonWriter.writeFields(g, o.finding());
            g.writeStringField("status", o.isNew() ? "new" : "unchanged");
            g.writeBooleanField("counted", o.counted());
            g.writeStringField("waivedBy", o.waiver().map(Waiver::describe).orElse(null));
            g.writeStringField("expiredWaiver", o.expired().map(Waiver::describe).orElse(null));
            g.writeEndObject();
            g.writeRaw('\n');
            written++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write finding " + written + " to the findings spool", e);
        }
    }

    public long written() {
        return written;
    }

    @Override
    public void close() {
        try {
            g.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the findings spool after " + written + " findings", e);
        }
    }
}
