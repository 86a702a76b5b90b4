package io.jenkins.plugins.securedeploy.engine.credentials.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies an ID token as a relying party would: RS256/ES256 only, a {@code kid} found in the given JWKS, the
 * signature, the exact issuer, the expected audience, and exp / nbf / iat against {@code now} with a clock skew
 * (default 30 s). Everything that cannot be checked fails.
 */
public final class IdTokenVerifier {
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    private final JWKSet jwks;
    private final String issuer;
    private final Duration skew;

    public IdTokenVerifier(JWKSet jwks, String issuer, Duration skew) {
        this.jwks = Objects.requireNonNull(jwks, "jwks");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.skew = Objects.requireNonNull(skew, "skew");
    }

    /** From a served JWKS document. */
    public static IdTokenVerifier of(String jwksJson, String issuer) throws ParseException {
        return new IdTokenVerifier(JWKSet.parse(jwksJson), issuer, Duration.ofSeconds(30));
    }

    public TokenCheck verify(String token, String audience, Instant now) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return TokenCheck.failed("not a signed JWT");
        }
        JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
        if (!ALGORITHMS.contains(alg)) {
            return TokenCheck.failed("algorithm " + alg + " is not accepted (RS256, ES256)");
        }
        String kid = jwt.getHeader().getKeyID();
        JWK key = kid == null ? null : jwks.getKeyByKeyId(kid);
        if (key == null) {
            return TokenCheck.failed("signing key " + kid + " is not in the JWKS (unknown or retired)");
        }
        try {
            if (!jwt.verify(verifier(alg, key))) {
                return TokenCheck.failed("signature does not verify with key " + kid);
            }
        } catch (JOSEException | IllegalArgumentException e) {
            return TokenCheck.failed("signature cannot be checked with key " + kid + " (" + alg + ")");
        }
        List<String> reasons = new ArrayList<>();
        if (!issuer.equals(claims.getIssuer())) {
            reasons.add("issuer is '" + claims.getIssuer() + "', expected '" + issuer + "'");
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
            reasons.add("audience " + claims.getAudience() + " does not contain '" + audience + "'");
        }
        Date exp = claims.getExpirationTime();
        Date nbf = claims.getNotBeforeTime();
        Date iat = claims.getIssueTime();
        if (exp == null || !now.minus(skew).isBefore(exp.toInstant())) {
            reasons.add(exp == null ? "no exp claim" : "expired at " + exp.toInstant());
        }
        if (nbf != null && now.plus(skew).isBefore(nbf.toInstant())) {
            reasons.add("not valid before " + nbf.toInstant());
        }
        if (iat == null || now.plus(skew).isBefore(iat.toInstant())) {
            reasons.add(iat == null ? "no iat claim" : "issued in the future (" + iat.toInstant() + ")");
        }
        if (claims.getSubject() == null || claims.getJWTID() == null) {
            reasons.add("sub and jti are required");
        }
        return reasons.isEmpty() ? new TokenCheck(TokenCheck.Status.VERIFIED, List.of(), claims.toJSONObject())
                : new TokenCheck(TokenCheck.Status.FAILED, reasons, java.util.Map.of());
    }

    private static JWSVerifier verifier(JWSAlgorithm alg, JWK key) throws JOSEException {
        if (alg.equals(JWSAlgorithm.ES256) && key instanceof ECKey ec) {
            return new ECDSAVerifier(ec);
        }
        if (alg.equals(JWSAlgorithm.RS256) && key instanceof RSAKey rsa) {
            return new RSASSAVerifier(rsa);
        }
        throw new IllegalArgumentException("key type does not match the algorithm");
    }
}
