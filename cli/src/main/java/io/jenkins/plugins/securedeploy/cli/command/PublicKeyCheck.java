package io.jenkins.plugins.securedeploy.cli.command;

import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.sign.SignatureCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * A trusted public key read from a PEM file ({@code -----BEGIN PUBLIC KEY-----}, SPKI), as a {@link SignatureCheck}
 * for audit checkpoints: ECDSA P-256 / P-384 (DER signatures) and Ed25519. Its key id is {@code sha256:} of the SPKI
 * DER. The CLI's local adapter until {@code engine.sign.keys} provides the shared one.
 */
final class PublicKeyCheck implements SignatureCheck {
    private final PublicKey key;
    private final String algorithm;
    private final String keyId;

    private PublicKeyCheck(PublicKey key, String algorithm) {
        this.key = key;
        this.algorithm = algorithm;
        this.keyId = Hashing.sha256(key.getEncoded()).toString();
    }

    static PublicKeyCheck read(Path file) {
        String name = file.toString();
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new InvalidInputException(Problem.of("key.unreadable", "cannot read the public key file: "
                    + e.getClass().getSimpleName(), Location.ofFile(name)), e);
        }
        int begin = pem.indexOf("-----BEGIN PUBLIC KEY-----");
        int end = pem.indexOf("-----END PUBLIC KEY-----");
        if (begin < 0 || end < begin) {
            throw new InvalidInputException(Problem.of("key.format", "not a PEM public key (expected -----BEGIN "
                    + "PUBLIC KEY-----)", Location.ofFile(name)));
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(pem.substring(begin + 26, end));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(Problem.of("key.format", "the PEM body is not base64",
                    Location.ofFile(name)), e);
        }
        for (String type : new String[] {"EC", "Ed25519"}) {
            try {
                PublicKey k = KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(der));
                return new PublicKeyCheck(k, signatureAlgorithm(k));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                // try the next key type
            }
        }
        throw new InvalidInputException(Problem.of("key.type", "unsupported public key (ECDSA P-256/P-384 or "
                + "Ed25519 expected)", Location.ofFile(name)));
    }

    private static String signatureAlgorithm(PublicKey k) {
        if (k instanceof ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            if (bits == 256) {
                return "SHA256withECDSA";
            }
            if (bits == 384) {
                return "SHA384withECDSA";
            }
            throw new IllegalArgumentException("unsupported curve size " + bits);
        }
        return "Ed25519";
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public boolean verify(byte[] message, byte[] signature) {
        try {
            Signature s = Signature.getInstance(algorithm);
            s.initVerify(key);
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
