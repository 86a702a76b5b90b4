package io.jenkins.plugins.securedeploy.engine.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts a Jackson tree into plain, unmodifiable Java values (Map with String keys, List, String, Long or Double,
 * Boolean, null), so engine value types can hold JSON content without Jackson types (which stay confined to
 * {@code json} and the *Reader/*Writer classes).
 */
public final class PlainJson {
    private PlainJson() {}

    public static Object of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> out.put(e.getKey(), of(e.getValue())));
            return Collections.unmodifiableMap(out);
        }
        if (node.isArray()) {
            List<Object> out = new ArrayList<>(node.size());
            node.elements().forEachRemaining(e -> out.add(of(e)));
            return Collections.unmodifiableList(out);
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.asText();
    }

    /** An object node as a map (empty for anything else). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(JsonNode node) {
        Object o = of(node);
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
