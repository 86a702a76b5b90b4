package io.jenkins.plugins.securedeploy.engine.credentials.oidc;

import java.time.Duration;
import java.util.Objects;

/**
 * When the signing key is replaced ({@code rotateEvery} after it was created) and how long a retired key stays in the
 * JWKS ({@code overlap}; {@link IssuerSettings} requires it to cover the longest token lifetime, so every token a
 * retired key signed expires while its key is still published).
 */
public record RotationPolicy(Duration rotateEvery, Duration overlap) {
    public RotationPolicy {
        Objects.requireNonNull(rotateEvery, "rotateEvery");
        Objects.requireNonNull(overlap, "overlap");
        if (rotateEvery.compareTo(Duration.ofHours(1)) < 0) {
            throw new IllegalArgumentException("keys rotate at most hourly; rotateEvery was " + rotateEvery);
        }
        if (overlap.isNegative() || overlap.isZero()) {
            throw new IllegalArgumentException("overlap must be positive, was " + overlap);
        }
    }

    /** Every 30 days, published 1 hour after retirement. */
    public static RotationPolicy defaults() {
        return new RotationPolicy(Duration.ofDays(30), Duration.ofHours(1));
    }
}
