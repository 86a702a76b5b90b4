package io.jenkins.plugins.securedeploy.engine.sign.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.testing.SecretCanary;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PemKeysTest {
    static KeyPair generate(String kind) throws Exception {
        return switch (kind) {
            case "p256", "p384" -> {
                KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                g.initialize(new ECGenParameterSpec(kind.equals("p256") ? "secp256r1" : "secp384r1"));
                yield g.generateKeyPair();
            }
            case "ed25519" -> KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            default -> {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048);
                yield g.generateKeyPair();
            }
        };
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    @ParameterizedTest
    @ValueSource(strings = {"p256", "p384", "ed25519", "rsa"})
    void shouldSignWithPkcs8KeysAndVerifyWithTheSpkiKey(String kind) throws Exception {
        KeyPair kp = generate(kind);
        KeySigner signer = PemKeys.signer(SecretValue.of(pem("PRIVATE KEY", kp.getPrivate().getEncoded())),
                Optional.empty(), "key");
        TrustedKey trusted = PemKeys.publicKeys(new EvidenceFile("pub.pem", pem("PUBLIC KEY",
                kp.getPublic().getEncoded()).getBytes(StandardCharsets.US_ASCII))).get(0);
        byte[] msg = "message".getBytes(StandardCharsets.UTF_8);
        byte[] sig = signer.sign(msg);
        assertThat(trusted.verify(msg, sig)).isTrue();
        assertThat(trusted.verify("other".getBytes(StandardCharsets.UTF_8), sig)).isFalse();
        assertThat(trusted.verify(msg, new byte[3])).isFalse();
        assertThat(signer.keyId()).isEqualTo(trusted.keyId()).startsWith("sha256:").hasSize(71);
        assertThat(signer.algorithm()).isEqualTo(trusted.algorithm().id());
        assertThat(PemKeys.publicKeys(new EvidenceFile("again", signer.publicKeyPem().getBytes(
                StandardCharsets.US_ASCII))).get(0).keyId()).isEqualTo(signer.keyId());
        assertThat(signer.toString()).doesNotContain("PRIVATE");
        if (kind.startsWith("p")) {
            assertThat(sig[0]).as("ECDSA written as DER").isEqualTo((byte) 0x30);
        }
    }

    @Test
    void shouldAcceptRawP1363EcdsaSignaturesToo() throws Exception {
        KeyPair kp = generate("p256");
        java.security.Signature s = java.security.Signature.getInstance("SHA256withECDSAinP1363Format");
        s.initSign(kp.getPrivate());
        s.update(new byte[] {1, 2});
        byte[] raw = s.sign();
        TrustedKey k = PemKeys.publicKey("k", kp.getPublic().getEncoded());
        assertThat(raw).hasSize(64);
        assertThat(k.verify(new byte[] {1, 2}, raw)).isTrue();
    }

    @Test
    void shouldDecryptEncryptedPkcs8WithThePassphraseOnly() throws Exception {
        KeyPair kp = generate("p256");
        JceOpenSSLPKCS8EncryptorBuilder enc = new JceOpenSSLPKCS8EncryptorBuilder(org.bouncycastle.openssl.PKCS8Generator.AES_256_CBC)
                .setProvider(new BouncyCastleProvider()).setPassword("correct horse".toCharArray());
        java.io.StringWriter w = new java.io.StringWriter();
        try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
            pw.writeObject(new JcaPKCS8Generator(kp.getPrivate(), enc.build()));
        }
        SecretValue pem = SecretValue.of(w.toString());
        assertThat(w.toString()).contains("ENCRYPTED PRIVATE KEY");
        KeySigner s = PemKeys.signer(pem, Optional.of(SecretValue.of("correct horse")), "enc");
        assertThat(s.trustedKey().verify(new byte[] {9}, s.sign(new byte[] {9}))).isTrue();
        assertThatThrownBy(() -> PemKeys.signer(pem, Optional.of(SecretValue.of("wrong")), "enc"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("passphrase");
        assertThatThrownBy(() -> PemKeys.signer(pem, Optional.empty(), "enc"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no passphrase");
    }

    @Test
    void shouldNeverPutKeyMaterialIntoErrors() {
        SecretCanary canary = SecretCanary.create();
        String bad = "-----BEGIN PRIVATE KEY-----\n" + Base64.getEncoder().encodeToString(canary.value().getBytes(
                StandardCharsets.UTF_8)) + "\n-----END PRIVATE KEY-----\n";
        for (String pem : new String[] {bad, canary.value(), "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"}) {
            try {
                PemKeys.signer(SecretValue.of(pem), Optional.empty(), "SIGNING_KEY");
                throw new AssertionError("accepted a bad key");
            } catch (InvalidInputException e) {
                canary.assertAbsentFromThrowable(e);
                assertThat(e.getMessage()).startsWith("SIGNING_KEY: key ");
            }
        }
        assertThatThrownBy(() -> PemKeys.publicKeys(new EvidenceFile("k.pem", canary.value().getBytes(
                StandardCharsets.UTF_8)))).isInstanceOf(InvalidInputException.class).hasMessageContaining("k.pem");
    }

    @Test
    void shouldRefuseWeakOrUnsupportedKeys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(1024);
        byte[] spki = g.generateKeyPair().getPublic().getEncoded();
        assertThatThrownBy(() -> PemKeys.publicKey("short-rsa", spki)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("does not accept");
    }
}
