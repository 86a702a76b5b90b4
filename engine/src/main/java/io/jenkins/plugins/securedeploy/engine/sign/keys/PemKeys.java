package io.jenkins.plugins.securedeploy.engine.sign.keys;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.RedactedCause;
import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Reads keys from PEM. Public keys: {@code PUBLIC KEY} (SPKI) or a {@code CERTIFICATE}'s key, one or more per file.
 * Private keys (a {@link SecretValue} from the host's secret store): {@code PRIVATE KEY} (PKCS#8),
 * {@code ENCRYPTED PRIVATE KEY} (PKCS#8 with PBES2, given a passphrase), {@code EC PRIVATE KEY} (SEC1) and
 * {@code RSA PRIVATE KEY} (PKCS#1). Errors name the file or secret id and never contain key material: library
 * messages are replaced ({@link RedactedCause}).
 */
public final class PemKeys {
    private PemKeys() {}

    /** Every public key in a PEM file; at least one, each of a supported scheme. */
    public static List<TrustedKey> publicKeys(EvidenceFile file) {
        List<TrustedKey> keys = new ArrayList<>();
        String text = new String(file.content(), StandardCharsets.UTF_8);
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            Object o;
            while ((o = parser.readObject()) != null) {
                SubjectPublicKeyInfo spki = o instanceof SubjectPublicKeyInfo s ? s
                        : o instanceof X509CertificateHolder c ? c.getSubjectPublicKeyInfo() : null;
                if (spki == null) {
                    throw invalid("key.not-public", "holds a PEM object that is not a public key or certificate",
                            file.name(), null);
                }
                keys.add(trusted(file.name(), spki));
            }
        } catch (InvalidInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw invalid("key.unreadable", "is not a readable PEM public key (SPKI)", file.name(), e);
        }
        if (keys.isEmpty()) {
            throw invalid("key.none", "holds no PEM public key (expected -----BEGIN PUBLIC KEY-----)", file.name(),
                    null);
        }
        return List.copyOf(keys);
    }

    /** A key from its SPKI DER (as embedded in other formats). */
    public static TrustedKey publicKey(String name, byte[] spkiDer) {
        try {
            return trusted(name, SubjectPublicKeyInfo.getInstance(spkiDer));
        } catch (InvalidInputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw invalid("key.unreadable", "is not a DER SubjectPublicKeyInfo", name, e);
        }
    }

    private static TrustedKey trusted(String name, SubjectPublicKeyInfo spki) {
        PublicKey key;
        try {
            key = jcaPublic(spki.getEncoded());
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw invalid("key.unsupported", "holds a public key of an unsupported type", name, e);
        }
        KeyAlgorithm algorithm = KeyAlgorithm.of(key).orElseThrow(() -> invalid("key.unsupported",
                "holds a " + key.getAlgorithm() + " key the engine does not accept (ECDSA P-256/P-384, Ed25519, "
                + "RSA >= 2048 bits)", name, null));
        return new TrustedKey(name, key, algorithm);
    }

    /**
     * A signer from a PEM private key held as a secret. {@code passphrase} decrypts an {@code ENCRYPTED PRIVATE
     * KEY}; {@code secretId} names the secret in errors.
     */
    public static KeySigner signer(SecretValue pem, Optional<SecretValue> passphrase, String secretId) {
        PrivateKeyInfo info = privateKeyInfo(pem, passphrase, secretId);
        try {
            AsymmetricKeyParameter priv = PrivateKeyFactory.createKey(info);
            AsymmetricKeyParameter pub = derivePublic(priv, secretId);
            PublicKey publicKey = jcaPublic(SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(pub).getEncoded());
            KeyAlgorithm algorithm = KeyAlgorithm.of(publicKey).orElseThrow(() -> invalid("key.unsupported",
                    "holds a " + publicKey.getAlgorithm() + " key the engine does not sign with", secretId, null));
            PrivateKey privateKey = KeyFactory.getInstance(publicKey.getAlgorithm())
                    .generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
            return new KeySigner(privateKey, new TrustedKey(secretId, publicKey, algorithm));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (e instanceof InvalidInputException iie) {
                throw iie;
            }
            throw invalid("key.unsupported", "holds a private key that cannot be used for signing", secretId, e);
        }
    }

    private static PrivateKeyInfo privateKeyInfo(SecretValue pem, Optional<SecretValue> passphrase, String id) {
        Object o;
        try (PEMParser parser = new PEMParser(new StringReader(pem.reveal()))) {
            o = parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw invalid("key.unreadable", "is not a readable PEM private key", id, e);
        }
        if (o instanceof PrivateKeyInfo info) {
            return info;
        }
        if (o instanceof PEMKeyPair pair) {
            return pair.getPrivateKeyInfo();
        }
        if (o instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
            SecretValue pass = passphrase.orElseThrow(() -> invalid("key.passphrase-missing",
                    "is an encrypted private key and no passphrase was given", id, null));
            try {
                InputDecryptorProvider decryptor = new JceOpenSSLPKCS8DecryptorProviderBuilder()
                        .setProvider(new BouncyCastleProvider()).build(pass.reveal().toCharArray());
                return encrypted.decryptPrivateKeyInfo(decryptor);
            } catch (PKCSException | org.bouncycastle.operator.OperatorCreationException | RuntimeException e) {
                throw invalid("key.passphrase-wrong", "cannot be decrypted with the given passphrase", id, e);
            }
        }
        throw invalid("key.not-private", o == null ? "holds no PEM private key"
                : "holds a PEM object that is not a private key (PKCS#8, SEC1 or PKCS#1)", id, null);
    }

    private static AsymmetricKeyParameter derivePublic(AsymmetricKeyParameter priv, String id) {
        if (priv instanceof ECPrivateKeyParameters ec) {
            return new ECPublicKeyParameters(new FixedPointCombMultiplier()
                    .multiply(ec.getParameters().getG(), ec.getD()).normalize(), ec.getParameters());
        }
        if (priv instanceof Ed25519PrivateKeyParameters ed) {
            return ed.generatePublicKey();
        }
        if (priv instanceof RSAPrivateCrtKeyParameters rsa) {
            return new RSAKeyParameters(false, rsa.getModulus(), rsa.getPublicExponent());
        }
        throw invalid("key.unsupported", "holds a private key of an unsupported type", id, null);
    }

    private static PublicKey jcaPublic(byte[] spkiDer) throws IOException, GeneralSecurityException {
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(spkiDer);
        String oid = spki.getAlgorithm().getAlgorithm().getId();
        String algorithm = switch (oid) {
            case "1.2.840.10045.2.1" -> "EC";
            case "1.2.840.113549.1.1.1", "1.2.840.113549.1.1.10" -> "RSA";
            case "1.3.101.112" -> "Ed25519";
            default -> throw new GeneralSecurityException("unsupported key algorithm " + oid);
        };
        return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(spki.getEncoded()));
    }

    static InvalidInputException invalid(String code, String what, String name, Throwable cause) {
        Problem p = Problem.of(code, "key " + what, Location.ofFile(name));
        return cause == null ? new InvalidInputException(p)
                : new InvalidInputException(p, RedactedCause.of(cause, "(key library message redacted)"));
    }
}
