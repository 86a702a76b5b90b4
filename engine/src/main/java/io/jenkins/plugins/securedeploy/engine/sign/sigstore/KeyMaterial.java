package io.jenkins.plugins.securedeploy.engine.sign.sigstore;

import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Decodes the keys and certificates sigstore material carries: DER SPKI (EC, Ed25519, RSA), PKCS#1 RSA keys (as some
 * CT log entries of trusted roots hold), PEM public keys and certificates, and DER X.509. Also computes the key ids a
 * public-key bundle's hint may name. Failures are {@link IllegalArgumentException}s without key material.
 */
final class KeyMaterial {
    private KeyMaterial() {}

    static PublicKey publicKey(byte[] der, String keyDetails) {
        try {
            return new JcaPEMKeyConverter().getPublicKey(SubjectPublicKeyInfo.getInstance(der));
        } catch (IOException | RuntimeException spkiFailure) {
            if (keyDetails != null && keyDetails.startsWith("PKCS1_RSA")) {
                try {
                    RSAPublicKey rsa = RSAPublicKey.getInstance(der);
                    return KeyFactory.getInstance("RSA")
                            .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
                } catch (GeneralSecurityException | RuntimeException e) {
                    throw new IllegalArgumentException("not a PKCS#1 RSA public key", e);
                }
            }
            throw new IllegalArgumentException("not a DER SubjectPublicKeyInfo", spkiFailure);
        }
    }

    static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw new IllegalArgumentException("not a DER X.509 certificate", e);
        }
    }

    /** A PEM block that holds a certificate or a public key, as Rekor entry bodies and key files do. */
    sealed interface Pem permits PemCertificate, PemKey {}

    record PemCertificate(X509Certificate certificate) implements Pem {}

    record PemKey(PublicKey key) implements Pem {}

    static Pem pem(byte[] pemBytes) {
        try (PEMParser parser = new PEMParser(new StringReader(new String(pemBytes, StandardCharsets.US_ASCII)))) {
            Object o = parser.readObject();
            if (o instanceof X509CertificateHolder holder) {
                return new PemCertificate(certificate(holder.getEncoded()));
            }
            if (o instanceof SubjectPublicKeyInfo spki) {
                return new PemKey(new JcaPEMKeyConverter().getPublicKey(spki));
            }
            throw new IllegalArgumentException(o == null ? "no PEM block found" : "PEM block is neither a "
                    + "certificate nor a public key");
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Bouncy Castle reports bad base64 inside a PEM block as an unchecked DecoderException
            throw new IllegalArgumentException("unreadable PEM", e);
        }
    }

    /**
     * The ids a key is known by: {@code SHA256:<base64 of the SPKI's SHA-256, unpadded>} (npm's and the bundle hint's
     * form) and {@code sha256:<hex>} (in-toto's).
     */
    static List<String> keyIds(PublicKey key) {
        byte[] sha = Hashing.sha256(key.getEncoded()).bytes();
        return List.of("SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(sha),
                "sha256:" + Hashing.sha256(key.getEncoded()).hex());
    }
}
