package io.jenkins.plugins.securedeploy.engine.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Encodes one element of a pretty-printed document on its own, {@code nesting} object levels deep, exactly as the
 * document's generator (with {@link PrettyJson}) would write it in place: a report can encode each of its many
 * elements once, as they arrive, keep the bytes (sorted on disk) and write them later as {@link RawJson} values.
 * One instance reuses one generator; not thread-safe. Strings are escaped by the same strict factory.
 */
public final class PrettyElements {
    /** Writes one JSON value. */
    @FunctionalInterface
    public interface Writer<T> {
        void write(JsonGenerator g, T value) throws IOException;
    }

    private final Bytes buffer = new Bytes();
    private final JsonGenerator g;

    public PrettyElements(int nesting) {
        try {
            g = Json.strict().factory().createGenerator(buffer, JsonEncoding.UTF8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a JSON generator in memory", e);
        }
        g.setPrettyPrinter(new PrettyJson(nesting, false));
    }

    /** The bytes of {@code value} as {@code writer} writes it (exactly one JSON value). */
    public <T> byte[] encode(Writer<T> writer, T value) throws IOException {
        buffer.reset();
        writer.write(g, value);
        g.flush();
        return buffer.copy();
    }

    /** An in-memory stream whose bytes are copied out without a second intermediate array. */
    private static final class Bytes extends ByteArrayOutputStream {
        Bytes() {
            super(1024);
        }

        byte[] copy() {
            return Arrays.copyOf(buf, count);
        }
    }
}
