package io.jenkins.plugins.securedeploy.engine.credentials.oidc;

import java.util.List;
import java.util.Objects;

/**
 * An extra claim the admin allows a request to add, with the values it may take (globs). A string value must match one
 * of them; a structured value (object or array, e.g. AWS session tags) is allowed only when the values list holds
 * {@code *}. Registered and build claims cannot be templated: the issuer sets them.
 */
public record ClaimTemplate(String name, List<String> values) {
    public ClaimTemplate {
        Objects.requireNonNull(name, "name");
        values = values == null ? List.of() : List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("claim template '" + name + "' lists no allowed values");
        }
    }

    boolean allows(Object value) {
        if (value instanceof String s) {
            return values.stream().anyMatch(g -> Glob.matches(g, s));
        }
        return values.contains("*") && value != null;
    }
}
