package io.jenkins.plugins.securedeploy.engine.testing;

import io.jenkins.plugins.securedeploy.engine.sign.SignatureCheck;
import io.jenkins.plugins.securedeploy.engine.sign.Signer;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A real ECDSA P-256 key pair from the JDK's providers, as a {@link Signer} and its {@link SignatureCheck} — for
 * tests of callers of the signing ports (audit checkpoints, approval evidence) until the production keys of
 * {@code sign.keys} replace it. Signatures are ASN.1 DER (what openssl and DSSE use); the key id is
 * {@code sha256:<hex of the SPKI DER>}.
 */
public final class JcaTestKeys implements Signer {
    private final KeyPair pair;
    private final String keyId;

    private JcaTestKeys(KeyPair pair) {
        this.pair = pair;
        this.keyId = keyIdOf(pair.getPublic());
    }

    /** A fresh P-256 key pair. */
    public static JcaTestKeys generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return new JcaTestKeys(g.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no P-256", e);
        }
    }

    public static String keyIdOf(PublicKey key) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public String algorithm() {
        return "ecdsa-p256-sha256";
    }

    @Override
    public String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    @Override
    public byte[] sign(byte[] message) {
        try {
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initSign(pair.getPrivate());
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign", e);
        }
    }

    /** The check for this key. */
    public SignatureCheck check() {
        return check(pair.getPublic());
    }

    /** A check for any EC public key. Any malformed signature is simply false. */
    public static SignatureCheck check(PublicKey key) {
        String id = keyIdOf(key);
        return new SignatureCheck() {
            @Override
            public String keyId() {
                return id;
            }

            @Override
            public boolean verify(byte[] message, byte[] signature) {
                try {
                    Signature s = Signature.getInstance("SHA256withECDSA");
                    s.initVerify(key);
                    s.update(message);
                    return s.verify(signature);
                } catch (GeneralSecurityException | RuntimeException e) {
                    return false;
                }
            }
        };
    }
}
