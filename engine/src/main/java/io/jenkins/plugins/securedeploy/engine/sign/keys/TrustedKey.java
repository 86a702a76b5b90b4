package io.jenkins.plugins.securedeploy.engine.sign.keys;

import io.jenkins.plugins.securedeploy.engine.sign.SignatureCheck;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Objects;

/**
 * One trusted public key and the scheme it verifies ({@link KeyAlgorithm}). ECDSA signatures are accepted as DER
 * (what cosign, securesystemslib and OpenSSL write) and as raw r‖s (IEEE P1363, what the DSSE spec vector and some
 * KMS signers write). A signature that is malformed, of the wrong length or simply wrong verifies as false; nothing
 * here throws for bad signature bytes.
 */
public final class TrustedKey implements SignatureCheck {
    static final int BUFFER = 256 * 1024;

    private final String name;
    private final PublicKey key;
    private final KeyAlgorithm algorithm;
    private final String keyId;

    TrustedKey(String name, PublicKey key, KeyAlgorithm algorithm) {
        this.name = Objects.requireNonNull(name, "name");
        this.key = Objects.requireNonNull(key, "key");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.keyId = KeyIds.of(key);
    }

    /** The file or setting the key was read from (for reasons). */
    public String name() {
        return name;
    }

    @Override
    public String keyId() {
        return keyId;
    }

    public KeyAlgorithm algorithm() {
        return algorithm;
    }

    public PublicKey publicKey() {
        return key;
    }

    @Override
    public boolean verify(byte[] message, byte[] signature) {
        try {
            Signature s = init(signature);
            if (s == null) {
                return false;
            }
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** Verifies a signature over a stream (read to its end, not closed): heap use independent of its size. */
    public boolean verify(InputStream message, byte[] signature) throws IOException {
        Signature s;
        try {
            s = init(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
        if (s == null) {
            return false;
        }
        byte[] buffer = new byte[BUFFER];
        int n;
        try {
            while ((n = message.read(buffer)) >= 0) {
                s.update(buffer, 0, n);
            }
            return s.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private Signature init(byte[] signature) throws GeneralSecurityException {
        Signature s;
        if (algorithm.isEcdsa()) {
            if (looksLikeDer(signature)) {
                s = Signature.getInstance(algorithm.jcaName());
            } else if (signature.length == 2 * algorithm.fieldBytes()) {
                s = Signature.getInstance(algorithm.p1363Name());
            } else {
                return null;
            }
        } else {
            s = Signature.getInstance(algorithm.jcaName());
            if (algorithm == KeyAlgorithm.RSA_PSS_SHA256) {
                s.setParameter(algorithm.pssParameters());
            }
        }
        s.initVerify(key);
        return s;
    }

    /** A DER SEQUENCE whose length byte(s) cover exactly the rest of the bytes. */
    static boolean looksLikeDer(byte[] sig) {
        if (sig.length < 8 || sig[0] != 0x30) {
            return false;
        }
        int len = sig[1] & 0xff;
        if (len < 0x80) {
            return len == sig.length - 2;
        }
        return len == 0x81 && sig.length > 3 && (sig[2] & 0xff) == sig.length - 3;
    }

    @Override
    public String toString() {
        return "TrustedKey[" + name + ", " + algorithm.id() + ", " + keyId + "]";
    }
}
