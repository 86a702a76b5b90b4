package io.jenkins.plugins.securedeploy.engine.sign.keys;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Optional;

/**
 * The signature schemes the engine signs and verifies with, named as {@link
 * io.jenkins.plugins.securedeploy.engine.sign.Signer#algorithm()} reports them. RSA keys always mean RSASSA-PSS with
 * SHA-256, MGF1-SHA-256 and a 32-byte salt (the in-toto / securesystemslib {@code rsassa-pss-sha256} convention);
 * PKCS#1 v1.5 is not accepted.
 */
public enum KeyAlgorithm {
    ECDSA_P256_SHA256("ecdsa-p256-sha256", "SHA256withECDSA", 32),
    ECDSA_P384_SHA384("ecdsa-p384-sha384", "SHA384withECDSA", 48),
    ED25519("ed25519", "Ed25519", 0),
    RSA_PSS_SHA256("rsa-pss-sha256", "RSASSA-PSS", 0);

    /** The salt length securesystemslib uses for {@code rsassa-pss-sha256} (its digest length). */
    public static final int PSS_SALT_LENGTH = 32;

    private final String id;
    private final String jcaName;
    private final int fieldBytes;

    KeyAlgorithm(String id, String jcaName, int fieldBytes) {
        this.id = id;
        this.jcaName = jcaName;
        this.fieldBytes = fieldBytes;
    }

    public String id() {
        return id;
    }

    String jcaName() {
        return jcaName;
    }

    /** For ECDSA: the byte length of r and s (so r‖s is twice that); 0 otherwise. */
    int fieldBytes() {
        return fieldBytes;
    }

    boolean isEcdsa() {
        return fieldBytes > 0;
    }

    PSSParameterSpec pssParameters() {
        return new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSS_SALT_LENGTH,
                PSSParameterSpec.TRAILER_FIELD_BC);
    }

    /** The scheme of a public key, or empty for keys the engine does not use (P-521, DSA, short RSA, ...). */
    public static Optional<KeyAlgorithm> of(PublicKey key) {
        if (key instanceof ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            return bits == 256 ? Optional.of(ECDSA_P256_SHA256) : bits == 384 ? Optional.of(ECDSA_P384_SHA384)
                    : Optional.empty();
        }
        if (key instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength() >= 2048 ? Optional.of(RSA_PSS_SHA256) : Optional.empty();
        }
        if ("Ed25519".equalsIgnoreCase(key.getAlgorithm()) || "EdDSA".equalsIgnoreCase(key.getAlgorithm())) {
            return Optional.of(ED25519);
        }
        return Optional.empty();
    }
}
