package io.jenkins.plugins.securedeploy.engine.credentials;

import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import java.time.Instant;
import java.util.Objects;

/**
 * A signed ID token (the compact JWT is a {@link SecretValue}) and the facts about it that are safe to show: audience,
 * subject, token id, signing key id and validity. {@link #toString()} never prints the token.
 */
public record IdToken(SecretValue value, String audience, String subject, String jti, String keyId, Instant issuedAt,
        Instant expiresAt) {
    public IdToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(jti, "jti");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "IdToken[aud=" + audience + ", sub=" + subject + ", jti=" + jti + ", kid=" + keyId + ", exp=" + expiresAt
                + "]";
    }
}
