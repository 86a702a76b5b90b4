package io.jenkins.plugins.securedeploy.engine.sign.keys;

import io.jenkins.plugins.securedeploy.engine.core.EnvironmentException;
import io.jenkins.plugins.securedeploy.engine.sign.Signer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;

/**
 * Signs with one private key read by {@link PemKeys#signer}. ECDSA signatures are written DER-encoded (what
 * securesystemslib, cosign and {@code openssl dgst -verify} expect); RSA is RSASSA-PSS SHA-256 / MGF1-SHA-256 / salt
 * 32; Ed25519 is pure Ed25519. The private key never leaves this object and never prints.
 */
public final class KeySigner implements Signer {
    private final PrivateKey privateKey;
    private final TrustedKey publicKey;

    KeySigner(PrivateKey privateKey, TrustedKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    @Override
    public String keyId() {
        return publicKey.keyId();
    }

    @Override
    public String algorithm() {
        return publicKey.algorithm().id();
    }

    /** The matching public key, as the verifier would load it. */
    public TrustedKey trustedKey() {
        return publicKey;
    }

    @Override
    public String publicKeyPem() {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(publicKey.publicKey().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + b64 + "\n-----END PUBLIC KEY-----\n";
    }

    @Override
    public byte[] sign(byte[] message) {
        try {
            Signature s = init();
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new EnvironmentException("signing with key " + keyId() + " (" + algorithm() + ") failed: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    /** Signs a stream read to its end (not closed), for blob signatures of any size. */
    public byte[] sign(InputStream message) throws IOException {
        try {
            Signature s = init();
            byte[] buffer = new byte[TrustedKey.BUFFER];
            int n;
            while ((n = message.read(buffer)) >= 0) {
                s.update(buffer, 0, n);
            }
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new EnvironmentException("signing with key " + keyId() + " (" + algorithm() + ") failed: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    private Signature init() throws GeneralSecurityException {
        KeyAlgorithm a = publicKey.algorithm();
        Signature s = Signature.getInstance(a.jcaName());
        if (a == KeyAlgorithm.RSA_PSS_SHA256) {
            s.setParameter(a.pssParameters());
        }
        s.initSign(privateKey);
        return s;
    }

    @Override
    public String toString() {
        return "KeySigner[" + keyId() + ", " + algorithm() + "]";
    }
}
