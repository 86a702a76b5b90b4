package io.jenkins.plugins.securedeploy.engine.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Canonical JSON properties: idempotent, independent of key order and spacing, and a faithful round trip. */
class CanonicalJsonPropertiesTest {
    @Provide
    Arbitrary<Object> json() {
        Arbitrary<Object> leaf = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange((char) 0, (char) 0xd7ff).ofMaxLength(12).map(s -> (Object) s),
                Arbitraries.longs().between(-(1L << 53), 1L << 53).map(l -> (Object) l),
                Arbitraries.doubles().between(-1e25, 1e25).map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null));
        return Arbitraries.recursive(() -> leaf, inner -> Arbitraries.oneOf(
                inner.list().ofMaxSize(4).map(l -> (Object) l),
                Arbitraries.maps(Arbitraries.strings().alpha().numeric().ofMaxLength(6), inner).ofMaxSize(4)
                        .map(m -> (Object) m)), 3);
    }

    @Property(tries = 300)
    void shouldBeIdempotent(@ForAll("json") Object value) {
        byte[] once = CanonicalJson.encode(value);
        assertThat(CanonicalJson.canonicalize(once, "p")).isEqualTo(once);
    }

    @Property(tries = 300)
    void shouldNotDependOnKeyOrderOrWhitespace(@ForAll("json") Object value, @ForAll long seed) throws Exception {
        Object shuffled = shuffle(value, new Random(seed));
        String pretty = Json.strict().mapper().writerWithDefaultPrettyPrinter().writeValueAsString(shuffled);
        assertThat(CanonicalJson.canonicalize(pretty.getBytes(StandardCharsets.UTF_8), "p"))
                .isEqualTo(CanonicalJson.encode(value));
    }

    @Property(tries = 300)
    void shouldRoundTripToTheSameValue(@ForAll("json") Object value) throws Exception {
        byte[] canonical = CanonicalJson.encode(value);
        JsonNode back = Json.strict().readTree(new ByteArrayInputStream(canonical), "p");
        JsonNode original = Json.strict().mapper().valueToTree(value);
        assertThat(numbersAsDoubles(back)).isEqualTo(numbersAsDoubles(original));
    }

    private static Object numbersAsDoubles(JsonNode n) {
        if (n.isObject()) {
            Map<String, Object> m = new java.util.TreeMap<>();
            n.fields().forEachRemaining(e -> m.put(e.getKey(), numbersAsDoubles(e.getValue())));
            return m;
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>();
            n.forEach(e -> l.add(numbersAsDoubles(e)));
            return l;
        }
        return n.isNumber() ? (Object) n.doubleValue() : n.isNull() ? "null" : n.asText() + n.getNodeType();
    }

    private static Object shuffle(Object value, Random random) {
        if (value instanceof Map<?, ?> m) {
            List<Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
            Collections.shuffle(entries, random);
            Map<Object, Object> out = new LinkedHashMap<>();
            entries.forEach(e -> out.put(e.getKey(), shuffle(e.getValue(), random)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(e -> out.add(shuffle(e, random)));
            return out;
        }
        return value;
    }
}
