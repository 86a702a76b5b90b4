package io.jenkins.plugins.securedeploy.engine.sign.sigstore;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;

/**
 * Signature checks over sigstore data with JCA: ECDSA (DER signatures, hash by curve size, as sigstore's key
 * details pair them), Ed25519, RSA PKCS#1 v1.5. Every method answers false for a signature that does not verify,
 * including malformed signature bytes; none throws for bad input.
 */
final class Signatures {
    private Signatures() {}

    /** The signature over {@code data}, with the hash the key type implies (P-256: SHA-256, P-384: SHA-384, ...). */
    static boolean verify(PublicKey key, byte[] data, byte[] signature) {
        String algorithm = null;
        if (key instanceof ECPublicKey ec) {
            int bits = ec.getParams().getOrder().bitLength();
            algorithm = bits <= 256 ? "SHA256withECDSA" : bits <= 384 ? "SHA384withECDSA" : "SHA512withECDSA";
        } else if (key instanceof RSAPublicKey) {
            algorithm = "SHA256withRSA";
        } else if ("Ed25519".equals(key.getAlgorithm()) || "EdDSA".equals(key.getAlgorithm())) {
            algorithm = "Ed25519";
        }
        return algorithm != null && verify(algorithm, key, data, signature);
    }

    static boolean verify(String algorithm, PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature s = Signature.getInstance(algorithm);
            s.initVerify(key);
            s.update(data);
            return s.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** Whether signatures by this key can be checked against a digest alone (EC and RSA; not Ed25519). */
    static boolean supportsPrehashed(PublicKey key) {
        return key instanceof ECPublicKey || key instanceof RSAPublicKey;
    }

    /**
     * A signature over a message known only by its digest ({@code messageSignature} bundles): ECDSA signs the hash
     * value itself, RSA PKCS#1 v1.5 a DigestInfo around it.
     */
    static boolean verifyPrehashed(PublicKey key, String jcaHash, byte[] digest, byte[] signature) {
        if (key instanceof ECPublicKey) {
            return verify("NONEwithECDSA", key, digest, signature);
        }
        if (key instanceof RSAPublicKey) {
            try {
                AlgorithmIdentifier alg = new AlgorithmIdentifier("SHA-512".equals(jcaHash)
                        ? NISTObjectIdentifiers.id_sha512 : NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE);
                return verify("NONEwithRSA", key, new DigestInfo(alg, digest).getEncoded("DER"), signature);
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }
}
