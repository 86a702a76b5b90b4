package io.jenkins.plugins.securedeploy.engine.sign.sigstore;

import java.util.Optional;

/**
 * What a Rekor entry's canonicalized body says about the signature it logs, whatever its kind: the signature bytes,
 * the verifier (a certificate or public key, DER), the signed digest ({@code hashedrekord}) or the payload hash and
 * type ({@code dsse}, {@code intoto}). The verifier compares each against the bundle.
 */
record RekorBody(String kind, String apiVersion, int signatureCount, byte[] signature, Verifier verifier,
        Optional<Hash> dataDigest, Optional<Hash> payloadHash, Optional<String> payloadType) {

    /** A digest as the body spells it: algorithm normalized to {@code sha256}, {@code sha384}, {@code sha512}. */
    record Hash(String algorithm, byte[] value) {}

    /** The key material the log recorded: DER of a certificate or of a SubjectPublicKeyInfo. */
    record Verifier(byte[] der, boolean certificate) {}
}
