package io.jenkins.plugins.securedeploy.engine.credentials;

import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import java.util.List;
import java.util.Map;

/**
 * The error bodies of OAuth-style endpoints, as safe text: RFC 6749 {@code {"error":..., "error_description":...}}
 * (Google STS, Entra ID, with Entra's {@code error_codes}) and Google APIs' {@code {"error":{"code", "message",
 * "status"}}}.
 */
public final class OAuthErrors {
    private OAuthErrors() {}

    /** {@code invalid_grant - description}, {@code PERMISSION_DENIED - message}, or {@code ""}. */
    public static String describe(byte[] body, List<SecretValue> sent) {
        Map<String, Object> json = ProviderJson.tryObject(body).orElse(Map.of());
        if (json.get("error") instanceof String code) {
            StringBuilder sb = new StringBuilder(SafeText.code(code));
            if (json.get("error_codes") instanceof List<?> codes && !codes.isEmpty()
                    && codes.get(0) instanceof Number n) {
                sb.append(" AADSTS").append(n.longValue());
            }
            String description = SafeText.of(ProviderJson.optionalString(json, "error_description").orElse(""), sent);
            return description.isEmpty() ? sb.toString() : sb + " - " + description;
        }
        return ProviderJson.optionalObject(json, "error").map(e -> {
            String status = SafeText.code(ProviderJson.optionalString(e, "status").orElse(""));
            String message = SafeText.of(ProviderJson.optionalString(e, "message").orElse(""), sent);
            return message.isEmpty() ? status : status + " - " + message;
        }).orElse("");
    }
}
