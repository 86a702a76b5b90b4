package io.jenkins.plugins.securedeploy.engine.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Canonical JSON for signing: RFC 8785 (JSON Canonicalization Scheme). Object keys sorted by their UTF-16 code
 * units, no insignificant whitespace, numbers in ECMAScript {@code Number.prototype.toString} form (IEEE-754
 * doubles; NaN and infinities refused), strings with only the escapes JCS prescribes, UTF-8 output. The same value
 * always gives the same bytes, whatever the key order or spacing of its source.
 *
 * <p>Accepts a Jackson tree, raw JSON bytes (parsed strictly: duplicate keys are refused, as JCS requires) or a
 * plain Java value tree ({@link Map} with String keys, {@link Collection}, {@link CharSequence}, {@link Number},
 * {@link Boolean}, {@code null}) — the form engine values use, so they need no Jackson types.
 */
public final class CanonicalJson {
    private CanonicalJson() {}

    /** Parses {@code json} strictly and re-encodes it canonically; errors name {@code displayName}. */
    public static byte[] canonicalize(byte[] json, String displayName) {
        JsonNode tree = Json.strict().readTree(new ByteArrayInputStream(json), displayName);
        return encode(tree, displayName);
    }

    /** The canonical bytes of a Jackson tree. */
    public static byte[] encode(JsonNode tree, String displayName) {
        StringBuilder sb = new StringBuilder();
        writeNode(sb, tree, displayName, "");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The canonical bytes of a plain Java value tree (maps, collections, strings, numbers, booleans, null). */
    public static byte[] encode(Object value) {
        StringBuilder sb = new StringBuilder();
        writeValue(sb, value, "");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void writeNode(StringBuilder sb, JsonNode node, String file, String pointer) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            sb.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                String name = names.get(i);
                writeString(sb, name, file, pointer);
                sb.append(':');
                writeNode(sb, node.get(name), file, pointer + "/" + escapePointer(name));
            }
            sb.append('}');
        } else if (node.isArray()) {
            sb.append('[');
            Iterator<JsonNode> it = node.elements();
            for (int i = 0; it.hasNext(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                writeNode(sb, it.next(), file, pointer + "/" + i);
            }
            sb.append(']');
        } else if (node.isTextual()) {
            writeString(sb, node.textValue(), file, pointer);
        } else if (node.isNumber()) {
            sb.append(number(node.doubleValue(), file, pointer));
        } else if (node.isBoolean()) {
            sb.append(node.booleanValue());
        } else if (node.isNull()) {
            sb.append("null");
        } else {
            throw invalid("json.canonical.type", "a " + node.getNodeType() + " value has no JSON form", file, pointer);
        }
    }

    private static void writeValue(StringBuilder sb, Object value, String pointer) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof Map<?, ?> map) {
            List<String> names = new ArrayList<>(map.size());
            for (Object k : map.keySet()) {
                if (!(k instanceof String s)) {
                    throw invalid("json.canonical.key", "object keys must be strings", "", pointer);
                }
                names.add(s);
            }
            names.sort(null);
            sb.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                String name = names.get(i);
                writeString(sb, name, "", pointer);
                sb.append(':');
                writeValue(sb, map.get(name), pointer + "/" + escapePointer(name));
            }
            sb.append('}');
        } else if (value instanceof Collection<?> list) {
            sb.append('[');
            int i = 0;
            for (Object item : list) {
                if (i > 0) {
                    sb.append(',');
                }
                writeValue(sb, item, pointer + "/" + i);
                i++;
            }
            sb.append(']');
        } else if (value instanceof CharSequence s) {
            writeString(sb, s.toString(), "", pointer);
        } else if (value instanceof Boolean b) {
            sb.append(b.booleanValue());
        } else if (value instanceof Number n) {
            sb.append(number(n.doubleValue(), "", pointer));
        } else {
            throw invalid("json.canonical.type", "a " + value.getClass().getSimpleName() + " has no JSON form", "",
                    pointer);
        }
    }

    /** JCS string escaping: {@code \" \\ \b \f \n \r \t}, other controls as a six-character hex escape; the rest verbatim. */
    static void writeString(StringBuilder sb, String s, String file, String pointer) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    throw invalid("json.canonical.surrogate", "a string holds a lone surrogate (not Unicode)", file,
                            pointer);
                }
                sb.append(c).append(s.charAt(++i));
                continue;
            }
            if (Character.isLowSurrogate(c)) {
                throw invalid("json.canonical.surrogate", "a string holds a lone surrogate (not Unicode)", file,
                        pointer);
            }
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /**
     * ECMAScript {@code Number.prototype.toString(10)} of a double (ECMA-262 7.1.12.1): the shortest decimal that
     * reads back as the same double, in plain notation for exponents in [-6, 21), else {@code d.ddde±n}.
     */
    public static String number(double d, String file, String pointer) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw invalid("json.canonical.number", "NaN and infinite numbers have no JSON form", file, pointer);
        }
        if (d == 0) {
            return "0"; // also -0
        }
        String sign = d < 0 ? "-" : "";
        BigDecimal exact = new BigDecimal(Math.abs(d));
        BigDecimal shortest = null;
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == Math.abs(d)) {
                shortest = candidate;
                break;
            }
        }
        if (shortest == null) {
            shortest = exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
        }
        BigDecimal stripped = shortest.stripTrailingZeros();
        String digits = stripped.unscaledValue().toString();
        int k = digits.length();
        int n = k - stripped.scale(); // value = 0.digits * 10^n
        StringBuilder out = new StringBuilder(sign);
        if (k <= n && n <= 21) {
            out.append(digits).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            int e = n - 1;
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            out.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
        }
        return out.toString();
    }

    private static String escapePointer(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static InvalidInputException invalid(String code, String message, String file, String pointer) {
        return new InvalidInputException(Problem.of(code, message, Location.ofPointer(file, pointer, 0, 0)));
    }
}
