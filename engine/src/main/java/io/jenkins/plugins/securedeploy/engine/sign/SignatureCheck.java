package io.jenkins.plugins.securedeploy.engine.sign;

/**
 * Checks a raw signature over bytes with one trusted public key: the counterpart of {@link Signer} for callers that
 * hold their own format (audit checkpoints, approval evidence). Returns false for any signature that does not verify,
 * including malformed ones; never throws for bad signature bytes.
 */
public interface SignatureCheck {
    String keyId();

    boolean verify(byte[] message, byte[] signature);
}
