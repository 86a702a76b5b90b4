package io.jenkins.plugins.securedeploy.engine.credentials.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.jenkins.plugins.securedeploy.engine.core.EnvironmentException;

/** The signature algorithms ID tokens may use: RS256 (RSA 2048) and ES256 (P-256). */
public enum SigningAlgorithm {
    RS256(JWSAlgorithm.RS256),
    ES256(JWSAlgorithm.ES256);

    private final JWSAlgorithm jws;

    SigningAlgorithm(JWSAlgorithm jws) {
        this.jws = jws;
    }

    JWSAlgorithm jws() {
        return jws;
    }

    /** A fresh private key whose key id is its RFC 7638 thumbprint. */
    JWK generate() {
        try {
            return switch (this) {
                case RS256 -> new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(jws)
                        .keyIDFromThumbprint(true).generate();
                case ES256 -> new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(jws)
                        .keyIDFromThumbprint(true).generate();
            };
        } catch (JOSEException e) {
            throw new EnvironmentException("cannot generate an " + name() + " signing key", e);
        }
    }

    static SigningAlgorithm of(JWK key) {
        return key.getKeyType().getValue().equals("EC") ? ES256 : RS256;
    }
}
