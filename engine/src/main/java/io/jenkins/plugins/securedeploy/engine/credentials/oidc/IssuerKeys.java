package io.jenkins.plugins.securedeploy.engine.credentials.oidc;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.jenkins.plugins.securedeploy.engine.core.SecurityViolationException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The issuer's key state: the signing key and the retired keys still published. Immutable; a host persists it with
 * {@link IssuerKeysCodec} and changes it only through {@link KeyRotation}. Loading a configuration never touches it.
 */
public final class IssuerKeys {
    private static final IssuerKeys EMPTY = new IssuerKeys(List.of());

    private final List<IssuerKey> keys;

    IssuerKeys(List<IssuerKey> keys) {
        this.keys = List.copyOf(keys);
        long signing = this.keys.stream().filter(k -> k.retired().isEmpty()).count();
        if (signing > 1) {
            throw new IllegalArgumentException("an issuer key state has at most one signing key, found " + signing);
        }
    }

    public static IssuerKeys empty() {
        return EMPTY;
    }

    public List<IssuerKey> keys() {
        return keys;
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    /** The key that signs now. */
    public Optional<IssuerKey> signingKey() {
        return keys.stream().filter(k -> k.retired().isEmpty()).findFirst();
    }

    IssuerKey requireSigningKey() {
        return signingKey().orElseThrow(() -> new SecurityViolationException("the OIDC issuer has no signing key:"
                + " create one with a key rotation (secure-deploy oidc rotate) before issuing tokens"));
    }

    /** The public JWKS at {@code now}: the signing key and every retired key whose tokens may still be valid. */
    public JWKSet publicJwks(Instant now) {
        Objects.requireNonNull(now, "now");
        List<JWK> published = keys.stream().filter(k -> k.publishedAt(now)).map(k -> k.jwk().toPublicJWK()).toList();
        return new JWKSet(published);
    }

    /** {@code {"keys":[...]}} with public parameters only. */
    public String publicJwksJson(Instant now) {
        return publicJwks(now).toString(true);
    }

    @Override
    public String toString() {
        return "IssuerKeys" + keys.stream().map(IssuerKey::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
