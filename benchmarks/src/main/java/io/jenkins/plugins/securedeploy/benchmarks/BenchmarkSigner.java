package io.jenkins.plugins.securedeploy.benchmarks;

import io.jenkins.plugins.securedeploy.engine.sign.SignatureCheck;
import io.jenkins.plugins.securedeploy.engine.sign.Signer;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;

/** An ECDSA P-256 key from the JDK as the engine's Signer / SignatureCheck ports, for the audit benchmarks. */
final class BenchmarkSigner implements Signer, SignatureCheck {
    private final KeyPair pair;

    BenchmarkSigner() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            pair = g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no P-256 in this JDK", e);
        }
    }

    @Override
    public String keyId() {
        return "benchmark-key";
    }

    @Override
    public String algorithm() {
        return "ecdsa-p256-sha256";
    }

    @Override
    public String publicKeyPem() {
        return "";
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

    @Override
    public boolean verify(byte[] message, byte[] signature) {
        try {
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initVerify(pair.getPublic());
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
