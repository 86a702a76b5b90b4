package io.jenkins.plugins.securedeploy.engine.credentials.oidc;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** One use's token request: the build, the audience, a lifetime ({@code null}: default) and extra claims. */
public record TokenRequest(BuildClaims build, String audience, Duration lifetime, Map<String, Object> extraClaims) {
    public TokenRequest {
        Objects.requireNonNull(build, "build");
        audience = audience == null ? "" : audience;
        extraClaims = extraClaims == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extraClaims));
    }

    public static TokenRequest of(BuildClaims build, String audience) {
        return new TokenRequest(build, audience, null, Map.of());
    }
}
