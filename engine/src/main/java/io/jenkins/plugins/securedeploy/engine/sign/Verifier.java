package io.jenkins.plugins.securedeploy.engine.sign;

/**
 * One verifier family (DSSE, cosign blob, sigstore bundle, OpenPGP, X.509 chain, digest pin) behind one contract,
 * tested once for all families by {@code AbstractVerifierTest}. Implementations never throw for bad evidence or bad
 * trust material: they return FAILED or ERROR with located reasons (fail closed). They never put a key, signature,
 * token or payload value into a reason.
 */
public interface Verifier {
    /** {@code dsse}, {@code cosign}, {@code sigstore}, {@code pgp}, {@code x509}, {@code digest}. */
    String family();

    /**
     * Whether {@code evidence} looks like this family's format (cheap sniff, no verification), for auto-detection.
     * Detection must be unambiguous: a caller refuses evidence that two families claim.
     */
    boolean recognizes(EvidenceFile evidence);

    VerificationResult verify(VerificationRequest request);
}
