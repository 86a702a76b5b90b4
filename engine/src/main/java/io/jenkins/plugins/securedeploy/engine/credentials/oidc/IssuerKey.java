package io.jenkins.plugins.securedeploy.engine.credentials.oidc;

import com.nimbusds.jose.jwk.JWK;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One signing key of the issuer with its life: created (signs from then), retired (stopped signing; {@code null}
 * while it is the signing key) and published until (dropped from the JWKS after that: every token it signed has
 * expired). The private key never prints: {@link #toString()} shows the key id and dates only.
 */
public final class IssuerKey {
    private final JWK jwk;
    private final Instant created;
    private final Instant retired;
    private final Instant publishUntil;

    IssuerKey(JWK jwk, Instant created, Instant retired, Instant publishUntil) {
        this.jwk = Objects.requireNonNull(jwk, "jwk");
        if (!jwk.isPrivate() || jwk.getKeyID() == null) {
            throw new IllegalArgumentException("an issuer key needs its private part and a key id");
        }
        this.created = Objects.requireNonNull(created, "created");
        this.retired = retired;
        this.publishUntil = publishUntil;
    }

    JWK jwk() {
        return jwk;
    }

    public String keyId() {
        return jwk.getKeyID();
    }

    public SigningAlgorithm algorithm() {
        return SigningAlgorithm.of(jwk);
    }

    public Instant created() {
        return created;
    }

    public Optional<Instant> retired() {
        return Optional.ofNullable(retired);
    }

    public Optional<Instant> publishUntil() {
        return Optional.ofNullable(publishUntil);
    }

    /** Still in the JWKS at {@code now}. */
    public boolean publishedAt(Instant now) {
        return publishUntil == null || now.isBefore(publishUntil);
    }

    IssuerKey retire(Instant at, Instant until) {
        return new IssuerKey(jwk, created, at, until);
    }

    @Override
    public String toString() {
        return "IssuerKey[kid=" + keyId() + ", " + algorithm() + ", created " + created
                + (retired == null ? ", signing" : ", retired " + retired + ", published until " + publishUntil) + "]";
    }
}
