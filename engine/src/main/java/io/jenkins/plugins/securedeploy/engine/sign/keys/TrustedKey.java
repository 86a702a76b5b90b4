package io.jenkins.plugins.securedeploy.engine.sign.keys;

import io.jenkins.plugins.securedeploy.engine.sign.SignatureCheck;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Objects;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.crypto.util.PublicKeyFactory;

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

    /** For ECDSA: the key as Bouncy Castle parameters (BC's P-256/P-384 arithmetic verifies ~5x faster than JDK 17's). */
    private final ECPublicKeyParameters ecKey;

    TrustedKey(String name, PublicKey key, KeyAlgorithm algorithm) {
        this.name = Objects.requireNonNull(name, "name");
        this.key = Objects.requireNonNull(key, "key");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.keyId = KeyIds.of(key);
        ECPublicKeyParameters ec = null;
        if (algorithm.isEcdsa()) {
            try {
                ec = (ECPublicKeyParameters) PublicKeyFactory.createKey(key.getEncoded());
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("not an EC public key: " + name, e);
            }
        }
        this.ecKey = ec;
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
        if (ecKey != null) {
            Digest d = ecDigest();
            d.update(message, 0, message.length);
            return verifyEcdsa(d, signature);
        }
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
        byte[] buffer = new byte[BUFFER];
        int n;
        if (ecKey != null) {
            Digest d = ecDigest();
            while ((n = message.read(buffer)) >= 0) {
                d.update(buffer, 0, n);
            }
            return verifyEcdsa(d, signature);
        }
        Signature s;
        try {
            s = init(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
        if (s == null) {
            return false;
        }
        try {
            while ((n = message.read(buffer)) >= 0) {
                s.update(buffer, 0, n);
            }
            return s.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** RSA-PSS and Ed25519 through JCA (ECDSA goes through {@link #verifyEcdsa}). */
    private Signature init(byte[] signature) throws GeneralSecurityException {
        Signature s = Signature.getInstance(algorithm.jcaName());
        if (algorithm == KeyAlgorithm.RSA_PSS_SHA256) {
            s.setParameter(algorithm.pssParameters());
        }
        s.initVerify(key);
        return signature.length == 0 ? null : s;
    }

    private Digest ecDigest() {
        return algorithm == KeyAlgorithm.ECDSA_P256_SHA256 ? new SHA256Digest() : new SHA384Digest();
    }

    /** DER (strictly encoded) or raw r‖s of the curve's length; anything else is false. */
    private boolean verifyEcdsa(Digest digest, byte[] signature) {
        byte[] hash = new byte[digest.getDigestSize()];
        digest.doFinal(hash, 0);
        BigInteger n = ecKey.getParameters().getN();
        try {
            BigInteger[] rs;
            if (looksLikeDer(signature)) {
                rs = StandardDSAEncoding.INSTANCE.decode(n, signature);
            } else if (signature.length == 2 * algorithm.fieldBytes()) {
                rs = PlainDSAEncoding.INSTANCE.decode(n, signature);
            } else {
                return false;
            }
            ECDSASigner verifier = new ECDSASigner();
            verifier.init(false, ecKey);
            return verifier.verifySignature(hash, rs[0], rs[1]);
        } catch (IOException | RuntimeException e) {
            return false;
        }
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
