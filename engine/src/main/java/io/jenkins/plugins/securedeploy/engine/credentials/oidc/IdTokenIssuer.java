package io.jenkins.plugins.securedeploy.engine.credentials.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.jenkins.plugins.securedeploy.engine.core.EnvironmentException;
import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.credentials.IdToken;
import io.jenkins.plugins.securedeploy.engine.credentials.TokenSource;
import io.jenkins.plugins.securedeploy.engine.sign.keys.Es256JwsSigner;
import java.security.Provider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Issues ID tokens: checks the request against the admin's allow-lists ({@link TokenRefusedException} with the
 * reasons otherwise), then signs {@code iss, sub, aud, exp, iat, nbf, jti} plus the build claims and the allowed extra
 * claims with the current signing key (header {@code kid}, {@code typ: JWT}). Keys come from a supplier so a host can
 * hand in freshly rotated state without rebuilding the issuer. Thread-safe.
 */
public final class IdTokenIssuer {
    private final IssuerSettings settings;
    private final Supplier<IssuerKeys> keys;
    private final Clock clock;
    private final Provider provider;
    private final Map<String, JWSSigner> signers = new ConcurrentHashMap<>();

    public IdTokenIssuer(IssuerSettings settings, Supplier<IssuerKeys> keys, Clock clock) {
        this(settings, keys, clock, null);
    }

    /**
     * With a JCA provider for signing. {@code null} (the default): ES256 signs with {@link Es256JwsSigner} (Bouncy
     * Castle's P-256 ECDSA used directly, deterministic RFC 6979 nonces; several times JDK 17's SunEC, see
     * docs/benchmarks.md) and RS256 with the JDK's provider. A provider given here (a FIPS module, say) signs both
     * algorithms through JCA instead.
     */
    public IdTokenIssuer(IssuerSettings settings, Supplier<IssuerKeys> keys, Clock clock, Provider provider) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.provider = provider;
    }

    public IssuerSettings settings() {
        return settings;
    }

    /** Issues a token or throws {@link TokenRefusedException}. */
    public IdToken issue(TokenRequest request) {
        List<String> refusals = TokenPolicy.refusals(settings, request);
        if (!refusals.isEmpty()) {
            throw new TokenRefusedException(refusals);
        }
        IssuerKey key = keys.get().requireSigningKey();
        Instant now = clock.instant();
        Duration life = request.lifetime() == null ? settings.defaultLifetime() : request.lifetime();
        Instant exp = now.plus(life);
        String jti = UUID.randomUUID().toString();
        String subject = request.build().subject(settings.subjectTemplate());
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(settings.issuerId())
                .subject(subject)
                .audience(request.audience())
                .expirationTime(Date.from(exp))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .jwtID(jti);
        request.build().claims().forEach(claims::claim);
        request.extraClaims().forEach(claims::claim);
        JWSHeader header = new JWSHeader.Builder(key.algorithm().jws()).keyID(key.keyId()).type(JOSEObjectType.JWT)
                .build();
        SignedJWT jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(signer(key));
        } catch (JOSEException e) {
            throw new EnvironmentException("cannot sign an ID token with key " + key.keyId(), e);
        }
        return new IdToken(SecretValue.of(jwt.serialize()), request.audience(), subject, jti, key.keyId(), now, exp);
    }

    /** A token source for one build (what the credential broker asks for tokens). */
    public TokenSource forBuild(BuildClaims build) {
        return need -> issue(new TokenRequest(build, need.audience(), need.lifetime(), need.extraClaims()));
    }

    /** The discovery document ({@code /.well-known/openid-configuration}) for the host to serve. */
    public String discoveryJson() {
        return DiscoveryDocument.json(settings, keys.get(), clock.instant());
    }

    /** The public JWKS for the host to serve at {@link IssuerSettings#jwksUri()}. */
    public String jwksJson() {
        return keys.get().publicJwksJson(clock.instant());
    }

    private JWSSigner signer(IssuerKey key) {
        return signers.computeIfAbsent(key.keyId(), kid -> {
            try {
                if (key.jwk() instanceof ECKey ec && provider == null) {
                    return Es256JwsSigner.of(ec);
                }
                JWSSigner signer = key.jwk() instanceof ECKey ec ? new ECDSASigner(ec)
                        : new RSASSASigner((RSAKey) key.jwk());
                if (provider != null) {
                    signer.getJCAContext().setProvider(provider);
                }
                return signer;
            } catch (JOSEException e) {
                throw new EnvironmentException("cannot use signing key " + kid, e);
            }
        });
    }
}
