package io.jenkins.plugins.securedeploy.engine.sign;

/**
 * Signs bytes with one private key held by the implementation (loaded from the host's secret store, never logged,
 * never in a message). Used for DSSE envelopes (over their PAE), blob signatures, approval evidence and audit
 * checkpoints.
 */
public interface Signer {
    /** The key id written next to signatures (e.g. {@code sha256:} of the public key's SPKI), not secret. */
    String keyId();

    /** {@code ecdsa-p256-sha256}, {@code ecdsa-p384-sha384}, {@code ed25519}, {@code rsa-pss-sha256}. */
    String algorithm();

    /** The public key, PEM SPKI, for whoever verifies (trust material). */
    String publicKeyPem();

    byte[] sign(byte[] message);
}
