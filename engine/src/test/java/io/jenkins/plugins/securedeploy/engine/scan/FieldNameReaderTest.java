package io.jenkins.plugins.securedeploy.engine.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link FieldNameReader} reads what Jackson's plain {@code nextToken} reads - the same tokens, names, values and
 * locations, and for a broken document the same error at the same place (duplicate keys, a missing colon, a truncated
 * document) - whether a name is where it was expected or not, escaped, non-ASCII, long, or split across the parser's
 * buffer.
 */
class FieldNameReaderTest {
    private static final String OBJECT = "{\"ruleId\":\"r1\",\"message\":{\"text\":\"m ü\"},\"locations\":[{"
            + "\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"a.js\",\"uriBaseId\":\"%SRCROOT%\"},"
            + "\"region\":{\"startLine\":3,\"startColumn\":4,\"snippet\":{\"text\":\"s\"}}}}],"
            + "\"partialFingerprints\":{\"primaryLocationLineHash\":\"h:1\"}}";

    /** Walks every value; objects' names through one {@link FieldNameReader} per depth when {@code ordered}. */
    private static List<String> trace(byte[] doc, boolean ordered, int chunk) {
        List<String> out = new ArrayList<>();
        FieldNameReader[] orders = new FieldNameReader[64];
        try (JsonParser p = Json.strict().factory().createParser(chunked(doc, chunk))) {
            JsonToken t = p.nextToken();
            while (t != null) {
                value(p, ordered, orders, 0, out);
                t = p.nextToken();
            }
            out.add("end");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            out.add("error " + e.getOriginalMessage() + " at " + at.getLineNr() + ":" + at.getColumnNr() + ":"
                    + at.getByteOffset());
        } catch (IOException e) {
            out.add("io " + e);
        }
        return out;
    }

    private static void value(JsonParser p, boolean ordered, FieldNameReader[] orders, int depth, List<String> out)
            throws IOException {
        JsonToken t = p.currentToken();
        out.add(t + " " + (t.isScalarValue() ? p.getText() : "") + " @" + where(p.currentTokenLocation()));
        if (t == JsonToken.START_OBJECT) {
            FieldNameReader order = orders[depth] == null ? orders[depth] = new FieldNameReader() : orders[depth];
            if (ordered) {
                order.start();
            }
            for (String name; (name = ordered ? order.next(p) : p.nextFieldName()) != null; ) {
                out.add("name " + name + " " + p.currentName() + " @" + where(p.currentTokenLocation()));
                p.nextToken();
                value(p, ordered, orders, depth + 1, out);
            }
            out.add(p.currentToken() + " @" + where(p.currentLocation()));
        } else if (t == JsonToken.START_ARRAY) {
            while (p.nextToken() != JsonToken.END_ARRAY) {
                value(p, ordered, orders, depth + 1, out);
            }
        }
    }

    private static String where(JsonLocation l) {
        return l.getLineNr() + ":" + l.getColumnNr() + ":" + l.getByteOffset();
    }

    /** A stream that hands out at most {@code chunk} bytes per read (names split across Jackson's buffer). */
    private static InputStream chunked(byte[] doc, int chunk) {
        return new ByteArrayInputStream(doc) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    private static void assertSame(String doc) {
        byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
        for (int chunk : new int[] {1, 7, 8000}) {
            List<String> plain = trace(bytes, false, chunk);
            assertThat(trace(bytes, true, chunk)).as("chunk %d of %s", chunk, doc).isEqualTo(plain);
        }
    }

    private static String many(String object, int n) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",\n ").append(object);
        }
        return sb.append(']').toString();
    }

    @Test
    void shouldReadObjectsOfOneShapeAsJacksonDoes() {
        assertSame(many(OBJECT, 5));
        assertSame(many(OBJECT.replace("\":", "\" : ").replace(",", " ,\n\t"), 4));
    }

    @Test
    void shouldReadNamesInAnotherOrderEscapedNonAsciiOrLongAsJacksonDoes() {
        String other = OBJECT.replace("\"ruleId\":\"r1\",", "").replace("}}", ",\"ruleId\":\"r2\"}}");
        String escaped = OBJECT.replace("\"ruleId\"", "\"rule\\u0049d\"").replace("\"uri\"", "\"u\\\"ri\"");
        String wide = OBJECT.replace("\"message\"", "\"mässage€\"")
                .replace("\"text\"", "\"" + "t".repeat(300) + "\"");
        assertSame("[" + OBJECT + "," + other + "," + escaped + "," + OBJECT + "," + wide + "," + wide + ","
                + OBJECT + "]");
        assertSame(many("{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7,\"h\":8,\"i\":9,\"j\":10,"
                + "\"k\":11,\"l\":12,\"m\":13,\"n\":14,\"o\":15,\"p\":16,\"q\":17,\"r\":18}", 3));
        assertSame(many("{}", 3) + "");
    }

    @Test
    void shouldFailOnDuplicateKeysWhereJacksonFails() {
        // the duplicate where the order expects it (matched by bytes) and where it does not
        String first = "{\"zz\":0,\"ruleId\":\"r1\",\"message\":{\"text\":\"m\"}}";
        assertSame("[" + first + ",{\"ruleId\":\"r1\",\"ruleId\":\"r2\"}]");
        assertSame("[" + first + ",{\"zz\":0,\"zz\":1}]");
        assertSame("[" + first + "," + first + ",{\"zz\":0,\"ruleId\":\"r1\",\"message\":{\"text\":\"m\","
                + "\"text\":\"n\"}}]");
        assertSame("[" + first + ",{\"zz\":0,\"ruleId\":\"r1\",\"message\":{\"text\":\"m\"},\"zz\":2}]");
        assertSame(many(OBJECT, 2).replace("]", ",") + OBJECT.replace("\"startColumn\":4",
                "\"startColumn\":4,\"startLine\":5") + "]");
    }

    @Test
    void shouldFailOnBrokenDocumentsWhereJacksonFails() {
        String doc = many(OBJECT, 3);
        assertSame(doc.replace("\"message\":", "\"message\""));
        assertSame(doc.replace("\"uri\":", "\"uri\" x"));
        assertSame(doc.replace(",\"partialFingerprints\"", "\"partialFingerprints\""));
        assertSame(doc.replaceFirst("\"ruleId\"", "ruleId"));
        // every prefix of two results (truncated anywhere, also inside a name the order expects)
        String two = many(OBJECT, 2);
        for (int end = 1; end < two.length(); end++) {
            byte[] bytes = two.substring(0, end).getBytes(StandardCharsets.UTF_8);
            assertThat(trace(bytes, true, 8000)).as("prefix %d", end).isEqualTo(trace(bytes, false, 8000));
        }
    }

    @Test
    void shouldReadRandomObjectsAsJacksonDoes() {
        Random random = new Random(18);
        String[] names = {"ruleId", "message", "text", "uri", "a", "région", "x".repeat(40), "ruleId\\u0020"};
        for (int doc = 0; doc < 200; doc++) {
            StringBuilder sb = new StringBuilder("[");
            int objects = 1 + random.nextInt(6);
            for (int o = 0; o < objects; o++) {
                sb.append(o == 0 ? "" : ",").append('{');
                int members = random.nextInt(5);
                for (int m = 0; m < members; m++) {
                    sb.append(m == 0 ? "" : ",").append('"').append(names[random.nextInt(names.length)])
                            .append("\":").append(random.nextBoolean() ? "1" : "{\"text\":\"t\"}");
                }
                sb.append('}');
            }
            assertSame(sb.append(']').toString());
        }
    }
}
