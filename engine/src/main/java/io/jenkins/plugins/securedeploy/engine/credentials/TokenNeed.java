package io.jenkins.plugins.securedeploy.engine.credentials;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What ID token an exchange needs: its audience, a lifetime ({@code null}: the issuer's default) and extra claims
 * (e.g. AWS session tags in {@code https://aws.amazon.com/tags}), each checked against the admin's allow-lists.
 */
public record TokenNeed(String audience, Duration lifetime, Map<String, Object> extraClaims) {
    public TokenNeed {
        Objects.requireNonNull(audience, "audience");
        extraClaims = extraClaims == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new LinkedHashMap<>(extraClaims));
    }

    public static TokenNeed audience(String audience) {
        return new TokenNeed(audience, null, Map.of());
    }
}
