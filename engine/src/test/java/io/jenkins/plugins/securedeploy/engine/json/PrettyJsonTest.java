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

/**
 * PrettyJson writes what Jackson's default pretty printer writes, byte for byte, also for an element on its own;
 * an array marked {@link PrettyJson#elementPerLine()} lists each element compact on its own line.
 */
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

    private static final String EOL = System.lineSeparator();

    private static String compact(Doc doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = Json.strict().factory().createGenerator(out, JsonEncoding.UTF8)) {
            doc.write(g);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String ours(Doc doc) throws IOException {
        return new String(write(doc, true), StandardCharsets.UTF_8);
    }

    private static String theirs(Doc doc) throws IOException {
        return new String(write(doc, false), StandardCharsets.UTF_8);
    }

    /** Marks the next array (of a PrettyJson; Jackson's own printer writes the document as ever). */
    private static void perLine(JsonGenerator g) {
        if (g.getPrettyPrinter() instanceof PrettyJson p) {
            p.elementPerLine();
        }
    }

    @Test
    void anArrayMarkedElementPerLineListsEachElementCompactOnItsOwnLine() throws IOException {
        List<Integer> three = List.of(0, 1, 2);
        Doc doc = g -> {
            g.writeStartObject();
            g.writeStringField("format", "x");
            perLine(g);
            g.writeArrayFieldStart("findings");
            for (int i : three) {
                element(g, i);
            }
            g.writeString("scalar");
            g.writeStartArray();
            perLine(g); // inside an element: compact anyway
            g.writeStartArray();
            g.writeNumber(1);
            g.writeNumber(2);
            g.writeEndArray();
            g.writeEndArray();
            g.writeEndArray();
            g.writeArrayFieldStart("nothing");
            g.writeEndArray();
            g.writeArrayFieldStart("after");
            g.writeString("a");
            g.writeStartObject();
            g.writeNumberField("n", 1);
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        };
        List<String> lines = new ArrayList<>();
        for (int i : three) {
            lines.add("    " + compact(g -> element(g, i)));
        }
        lines.add("    \"scalar\"");
        lines.add("    [[1,2]]");
        String rest = theirs(g -> {
            g.writeStartObject();
            g.writeStringField("format", "x");
            g.writeArrayFieldStart("findings");
            g.writeEndArray();
            g.writeArrayFieldStart("nothing");
            g.writeEndArray();
            g.writeArrayFieldStart("after");
            g.writeString("a");
            g.writeStartObject();
            g.writeNumberField("n", 1);
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        });
        assertThat(rest).contains("\"findings\" : [ ],", "\"after\" : [ \"a\", {");
        String expected = rest.replace("\"findings\" : [ ]", "\"findings\" : [" + EOL
                + String.join("," + EOL, lines) + EOL + "  ]");
        assertThat(ours(doc)).isEqualTo(expected);
        assertThat(lines.get(0)).startsWith("    {\"text\":\"q\\\"b").contains("\"ids\":[\"CVE-0\",0]",
                "\"empty\":[]", "\"emptyObject\":{}", "{\"b\":true,\"d1\":{").doesNotContain(" : ");
        assertThat(Json.strict().mapper().readTree(ours(doc))).isEqualTo(Json.strict().mapper().readTree(theirs(doc)));
    }

    @Test
    void anEmptyArrayMarkedElementPerLineStaysAsJacksonWritesIt() throws IOException {
        Doc doc = g -> {
            g.writeStartObject();
            perLine(g);
            g.writeArrayFieldStart("findings");
            g.writeEndArray();
            g.writeArrayFieldStart("ids");
            g.writeString("a");
            g.writeString("b");
            g.writeEndArray();
            g.writeEndObject();
        };
        assertThat(ours(doc)).isEqualTo(theirs(doc)).contains("\"findings\" : [ ],", "\"ids\" : [ \"a\", \"b\" ]");
    }

    @Test
    void deepInsideADocumentTheLinesAreIndentedAsDeep() throws IOException {
        int depth = 20; // past the pre-encoded indents
        Doc doc = g -> {
            for (int d = 0; d < depth; d++) {
                g.writeStartObject();
                g.writeFieldName("d" + d);
            }
            perLine(g);
            g.writeStartArray();
            g.writeNumber(1);
            g.writeString("two");
            g.writeEndArray();
            for (int d = 0; d < depth; d++) {
                g.writeEndObject();
            }
        };
        String json = ours(doc);
        String indent = "  ".repeat(depth + 1);
        assertThat(json).contains("\"d19\" : [" + EOL + indent + "1," + EOL + indent + "\"two\"" + EOL
                + "  ".repeat(depth) + "]" + EOL + "  ".repeat(depth - 1) + "}");
        assertThat(Json.strict().mapper().readTree(json)).isEqualTo(Json.strict().mapper().readTree(theirs(doc)));
    }
}
