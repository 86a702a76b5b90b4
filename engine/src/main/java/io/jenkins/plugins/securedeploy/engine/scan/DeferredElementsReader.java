package io.jenkins.plugins.securedeploy.engine.scan;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Array elements a parser cannot turn into findings yet, because what it needs comes later in the report (Grype
 * writes {@code source} after {@code matches}; a SARIF log may give its version after its runs). Each element is
 * copied token by token — in memory up to {@link #MEMORY_BYTES}, then into a private temporary file — and replayed
 * once the context is known, so heap stays bounded whatever the report's size. Problems found while replaying keep
 * their JSON pointer ({@code base} + the element's index and path) but not a line, which would be the copy's.
 */
public final class DeferredElementsReader implements Closeable {
    /** How much is kept in memory before spilling to a temporary file. */
    public static final int MEMORY_BYTES = 4 * 1024 * 1024;

    private final String base;
    private final Spill spill = new Spill(MEMORY_BYTES, "secure-deploy-deferred");
    private JsonGenerator out;
    private long count;

    /** {@code base} is the JSON pointer of the array the elements come from, e.g. {@code /matches}. */
    public DeferredElementsReader(String base) {
        this.base = base;
    }

    /** How many elements are held. */
    public long size() {
        return count;
    }

    /** Copies the element the parser is on (and its children); the parser ends on the element's last token. */
    public void add(JsonParser p) throws IOException {
        generator().copyCurrentStructure(p);
        count++;
    }

    /** Writes one element of its own (a compact form of what was read); it must write exactly one JSON value. */
    public void write(Writer writer) throws IOException {
        writer.write(generator());
        count++;
    }

    /** Writes one value. */
    @FunctionalInterface
    public interface Writer {
        void write(JsonGenerator g) throws IOException;
    }

    private JsonGenerator generator() throws IOException {
        if (out == null) {
            out = Json.strict().factory().createGenerator(spill);
            out.writeStartArray();
        }
        return out;
    }

    /**
     * Handles one replayed element; the parser is on its first token. Like {@code JsonReportParser.elements}, the
     * handler reads the whole element or leaves it unread (then it is skipped).
     */
    @FunctionalInterface
    public interface Replay {
        void element(JsonParser p, long index) throws IOException;
    }

    /** Replays every element in order, then frees them; {@code displayName} names the report in problems. */
    public void replay(String displayName, Replay handler) throws IOException {
        if (out == null) {
            return;
        }
        out.writeEndArray();
        out.close();
        out = null;
        try (InputStream in = spill.read(); JsonParser p = Json.strict().factory().createParser(in)) {
            p.nextToken();
            long index = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                JsonToken first = p.currentToken();
                try {
                    handler.element(p, index++);
                } catch (InvalidInputException e) {
                    throw relocated(e, displayName);
                }
                if (p.currentToken() == first && first.isStructStart()) {
                    p.skipChildren();
                }
            }
        } finally {
            close();
        }
    }

    private InvalidInputException relocated(InvalidInputException e, String displayName) {
        return new InvalidInputException(e.problems().stream().map(pr -> new Problem(pr.code(), pr.message(),
                new Location(displayName, base + pr.location().pointer(), 0, 0))).toList());
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
        spill.delete();
    }
}
