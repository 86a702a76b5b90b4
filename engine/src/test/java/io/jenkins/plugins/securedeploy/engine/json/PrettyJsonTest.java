package io.jenkins.plugins.securedeploy.engine.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PrettyJson writes what Jackson's default pretty printer writes, byte for byte, also for an element on its own. */
class PrettyJsonTest {
    private static final String NASTY = "q\"b\\s/t\tn\nr\r\u0001\u001f\u007f é € \uD83D\uDE00 \uD800 end";

    @FunctionalInterface
    interface Doc {
        void write(JsonGenerator g) throws IOException;
    }

    private static byte[] write(Doc doc, boolean ours) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = Json.strict().factory().createGenerator(out, JsonEncoding.UTF8)) {
            if (ours) {
                g.setPrettyPrinter(new PrettyJson());
            } else {
                g.useDefaultPrettyPrinter();
            }
            doc.write(g);
        }
        return out.toByteArray();
    }

    private static void element(JsonGenerator g, int i) throws IOException {
        g.writeStartObject();
        g.writeStringField("text", NASTY + i);
        g.writeNumberField("score", i / 3.0);
        g.writeNullField("none");
        g.writeArrayFieldStart("ids");
        g.writeString("CVE-" + i);
        g.writeNumber(i);
        g.writeEndArray();
        g.writeArrayFieldStart("empty");
        g.writeEndArray();
        g.writeObjectFieldStart("emptyObject");
        g.writeEndObject();
        g.writeObjectFieldStart("deep");
        for (int d = 0; d < 20; d++) { // past the pre-encoded indents
            g.writeObjectFieldStart("d" + d);
            g.writeBooleanField("b", d % 2 == 0);
        }
        for (int d = 0; d < 20; d++) {
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void document(JsonGenerator g, List<Integer> elements) throws IOException {
        g.writeStartObject();
        g.writeStringField("format", "x");
        g.writeArrayFieldStart("findings");
        for (int i : elements) {
            element(g, i);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("nothing");
        g.writeEndArray();
        g.writeEndObject();
    }

    @Test
    void writesWhatTheDefaultPrettyPrinterWrites() throws IOException {
        List<Integer> three = List.of(0, 1, 2);
        byte[] theirs = write(g -> document(g, three), false);
        assertThat(write(g -> document(g, three), true)).isEqualTo(theirs);
        assertThat(new String(theirs, StandardCharsets.UTF_8)).contains("\"findings\" : [ {", "}, {", "\"nothing\" : [ ]");
        JsonNode tree = Json.strict().mapper().readTree(theirs);
        Doc trees = g -> {
            g.writeTree(tree);
            g.writeTree(tree); // root values: separated by a space
        };
        assertThat(write(trees, true)).isEqualTo(write(trees, false));
    }

    @Test
    void anElementEncodedOnItsOwnIsWhatTheDocumentWritesInPlace() throws IOException {
        List<Integer> many = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            many.add(i);
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        List<byte[]> encoded = new ArrayList<>();
        try (JsonGenerator g = Json.strict().factory().createGenerator(buffer, JsonEncoding.UTF8)) {
            g.setPrettyPrinter(new PrettyJson(1, false)); // one level deep: an element of the root's array
            for (int i : many) {
                buffer.reset();
                element(g, i);
                g.flush();
                encoded.add(buffer.toByteArray());
            }
        }
        byte[] spliced = write(g -> {
            g.writeStartObject();
            g.writeStringField("format", "x");
            g.writeArrayFieldStart("findings");
            for (byte[] e : encoded) {
                g.writeRawValue(new RawJsonSlice().set(e, 0, e.length));
            }
            g.writeEndArray();
            g.writeArrayFieldStart("nothing");
            g.writeEndArray();
            g.writeEndObject();
        }, true);
        assertThat(new String(spliced, StandardCharsets.UTF_8))
                .isEqualTo(new String(write(g -> document(g, many), false), StandardCharsets.UTF_8));
        assertThat(encoded.get(0)[0]).isEqualTo((byte) '{');
        assertThat(new RawJsonSlice().set(encoded.get(1), 0, encoded.get(1).length).getValue()).startsWith("{").endsWith("}").contains("CVE-1");
    }
}
