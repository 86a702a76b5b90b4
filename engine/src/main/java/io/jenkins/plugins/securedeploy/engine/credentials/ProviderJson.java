package io.jenkins.plugins.securedeploy.engine.credentials;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reading and writing the small JSON documents providers exchange, through nimbus's JSON utilities (kept inside
 * {@code credentials..}). Errors name the provider and the field, never a value.
 */
public final class ProviderJson {
    private ProviderJson() {}

    /** The body as a JSON object, or a failure naming the provider and the call. */
    public static Map<String, Object> object(String provider, String what, byte[] body, int status) {
        try {
            return JSONObjectUtils.parse(new String(body, StandardCharsets.UTF_8));
        } catch (ParseException | RuntimeException e) {
            throw new CredentialExchangeException(provider, status, what + " returned a body that is not a JSON"
                    + " object");
        }
    }

    /** The body as a JSON object, or empty when it is not one (error bodies). */
    public static Optional<Map<String, Object>> tryObject(byte[] body) {
        try {
            return Optional.of(JSONObjectUtils.parse(new String(body, StandardCharsets.UTF_8)));
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public static String write(Map<String, ?> value) {
        return JSONObjectUtils.toJSONString(value);
    }

    /** A required non-empty string field. */
    public static String string(String provider, String what, Map<String, Object> json, String field, int status) {
        Object v = json.get(field);
        if (v instanceof String s && !s.isEmpty()) {
            return s;
        }
        throw new CredentialExchangeException(provider, status, what + " answer lacks the string field '" + field
                + "'");
    }

    public static Optional<String> optionalString(Map<String, Object> json, String field) {
        return json.get(field) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** A required number field. */
    public static long number(String provider, String what, Map<String, Object> json, String field, int status) {
        Object v = json.get(field);
        if (v instanceof Number n) {
            return n.longValue();
        }
        throw new CredentialExchangeException(provider, status, what + " answer lacks the number field '" + field
                + "'");
    }

    /** A nested object, or empty. */
    @SuppressWarnings("unchecked")
    public static Optional<Map<String, Object>> optionalObject(Map<String, Object> json, String field) {
        return json.get(field) instanceof Map<?, ?> m ? Optional.of((Map<String, Object>) m) : Optional.empty();
    }

    /** A list of strings, or empty. */
    public static List<String> strings(Map<String, Object> json, String field) {
        return json.get(field) instanceof List<?> l
                ? l.stream().filter(String.class::isInstance).map(String.class::cast).toList()
                : List.of();
    }
}
