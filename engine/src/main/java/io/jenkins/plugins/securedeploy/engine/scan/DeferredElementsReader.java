package io.jenkins.plugins.securedeploy.engine.scan;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Array elements a parser cannot turn into findings yet, because what it needs comes later in the report (Grype
 * writes {@code source} after {@code matches}; a SARIF run may list its rules after its results). Each element is
 * copied token by token — in memory up to {@link #MEMORY_BYTES}, then into a private temporary file — and replayed
 * once the context is known, so heap stays bounded whatever the report's size. Problems found while replaying keep
 * their JSON pointer ({@code base} + the element's index and path) but not a line, which would be the copy's.
 */
public final class DeferredElementsReader implements Closeable {
    /** How much is kept in memory before spilling to a temporary file. */
    public static final int MEMORY_BYTES = 4 * 1024 * 1024;

    private final String base;
    private final ByteArrayOutputStream memory = new ByteArrayOutputStream();
    private Path file;
    private OutputStream fileOut;
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

    /**
     * Which members of an object element are worth keeping for the replay: {@link #member} gives the shape of a
     * member's value, {@link #ALL} (copied whole) or null (left out - the replayed reader skips it anyway). An array's
     * shape applies to each of its elements; scalars are always copied.
     */
    @FunctionalInterface
    public interface Shape {
        /** Copy the whole value. */
        Shape ALL = name -> Shape.ALL;

        Shape member(String name);
    }

    /**
     * Copies the element the parser is on, leaving out what {@code shape} drops (snippets, code flows: what the
     * replay would skip), so a deferred element costs what the parser reads of it, not what the tool wrote; the
     * parser ends on the element's last token. Arrays keep every element, so JSON pointers stay valid.
     */
    public void add(JsonParser p, Shape shape) throws IOException {
        copy(p, generator(), shape);
        count++;
    }

    private static void copy(JsonParser p, JsonGenerator g, Shape shape) throws IOException {
        JsonToken t = p.currentToken();
        if (shape == Shape.ALL || t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
            g.copyCurrentStructure(p);
            return;
        }
        if (t == JsonToken.START_ARRAY) {
            g.writeStartArray();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                copy(p, g, shape);
            }
            g.writeEndArray();
            return;
        }
        g.writeStartObject();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            Shape member = shape.member(name);
            if (member == null) {
                p.skipChildren();
            } else {
                g.writeFieldName(name);
                copy(p, g, member);
            }
        }
        g.writeEndObject();
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
            out = Json.strict().factory().createGenerator(new Spill());
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
        try (InputStream in = file == null ? new ByteArrayInputStream(memory.toByteArray())
                : new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
                JsonParser p = Json.strict().factory().createParser(in)) {
            memory.reset();
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
        if (fileOut != null) {
            fileOut.close();
            fileOut = null;
        }
        if (file != null) {
            Files.deleteIfExists(file);
            file = null;
        }
    }

    /** Memory first, a temporary file once {@link #MEMORY_BYTES} is passed. */
    private final class Spill extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (fileOut == null && memory.size() + len > MEMORY_BYTES) {
                file = Files.createTempFile("secure-deploy-deferred", ".json");
                fileOut = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
                memory.writeTo(fileOut);
                memory.reset();
            }
            if (fileOut != null) {
                fileOut.write(b, off, len);
            } else {
                memory.write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            if (fileOut != null) {
                fileOut.flush();
            }
        }

        @Override
        public void close() throws IOException {
            if (fileOut != null) {
                fileOut.close();
                fileOut = null;
            }
        }
    }
}
