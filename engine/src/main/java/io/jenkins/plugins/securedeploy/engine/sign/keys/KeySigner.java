package io.jenkins.plugins.securedeploy.engine.sign.keys;

import io.jenkins.plugins.securedeploy.engine.core.EnvironmentException;
import io.jenkins.plugins.securedeploy.engine.sign.Signer;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.crypto.util.PrivateKeyFactory;

/**
 * Signs with one private key read by {@link PemKeys#signer}. ECDSA signatures are written DER-encoded (what
 * securesystemslib, cosign and {@code openssl dgst -verify} expect); RSA is RSASSA-PSS SHA-256 / MGF1-SHA-256 / salt
 * 32; Ed25519 is pure Ed25519. ECDSA nonces are derived from the key and the message (RFC 6979, through Bouncy
 * Castle), so ECDSA and Ed25519 signatures are deterministic — the same message signs to the same bytes, which keeps
 * signed evidence (an evidence bundle's manifest) reproducible and takes the random-number generator out of the
 * nonce; RSA-PSS stays randomised (its salt). The private key never leaves this object and never prints.
 */
public final class KeySigner implements Signer {
    private final PrivateKey privateKey;
    private final TrustedKey publicKey;
    private final ECPrivateKeyParameters ecKey;

    KeySigner(PrivateKey privateKey, TrustedKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        ECPrivateKeyParameters ec = null;
        if (publicKey.algorithm().isEcdsa()) {
            try {
                ec = (ECPrivateKeyParameters) PrivateKeyFactory.createKey(privateKey.getEncoded());
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("not an EC private key: " + publicKey.name(), e);
            }
        }
        this.ecKey = ec;
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
        if (ecKey != null) {
            Digest d = ecDigest();
            d.update(message, 0, message.length);
            return signEcdsa(d);
        }
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
        if (ecKey != null) {
            Digest d = ecDigest();
            byte[] buffer = new byte[TrustedKey.BUFFER];
            int n;
            while ((n = message.read(buffer)) >= 0) {
                d.update(buffer, 0, n);
            }
            return signEcdsa(d);
        }
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

    private Digest ecDigest() {
        return publicKey.algorithm() == KeyAlgorithm.ECDSA_P256_SHA256 ? new SHA256Digest() : new SHA384Digest();
    }

    /** Deterministic ECDSA (RFC 6979, HMAC with the message digest), DER-encoded. */
    private byte[] signEcdsa(Digest digest) {
        byte[] hash = new byte[digest.getDigestSize()];
        digest.doFinal(hash, 0);
        try {
            ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(ecDigest()));
            signer.init(true, ecKey);
            BigInteger[] rs = signer.generateSignature(hash);
            return StandardDSAEncoding.INSTANCE.encode(ecKey.getParameters().getN(), rs[0], rs[1]);
        } catch (IOException | RuntimeException e) {
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
