package io.jenkins.plugins.securedeploy.engine.policy;

import io.jenkins.plugins.securedeploy.engine.sign.VerificationResult;
import java.util.ArrayList;
import java.util.List;

/**
 * What the host knows about the evidence of this build, filled by the SBOM, signing and approval capabilities (or by
 * the CLI from its options). Signatures and provenance are not claims but {@link VerificationResult}s: the gate
 * counts a signature (or provenance) as present only when there is at least one result and every result is
 * VERIFIED; a FAILED or ERROR result blocks the gate with its reason even when the policy does not require it.
 * The gate compares these facts with {@link EvidenceRequirements}; unknown means absent.
 *
 * @param signatures verifications of the artifact's signatures (any family)
 * @param provenance verifications of provenance attestations (DSSE in-toto SLSA, sigstore bundles)
 */
public record EvidenceFacts(boolean sbomPresent, List<VerificationResult> signatures,
        List<VerificationResult> provenance, boolean approvalsMet) {
    public static final EvidenceFacts NONE = new EvidenceFacts(false, List.of(), List.of(), false);

    public EvidenceFacts {
        signatures = signatures == null ? List.of() : List.copyOf(signatures);
        provenance = provenance == null ? List.of() : List.copyOf(provenance);
    }

    /**
     * For hosts written before verification results existed: only {@code false} is accepted for the signature and
     * provenance facts (a verified signature is a {@link VerificationResult}, not a flag).
     */
    public EvidenceFacts(boolean sbomPresent, boolean signatureVerified, boolean provenancePresent,
            boolean approvalsMet) {
        this(sbomPresent, refuseClaim(signatureVerified, "signature"), refuseClaim(provenancePresent, "provenance"),
                approvalsMet);
    }

    private static List<VerificationResult> refuseClaim(boolean claimed, String what) {
        if (claimed) {
            throw new IllegalArgumentException("a verified " + what + " is a VerificationResult, not a boolean; "
                    + "pass the result (EvidenceFacts.withSignature / withProvenance)");
        }
        return List.of();
    }

    public EvidenceFacts withSbomPresent(boolean value) {
        return new EvidenceFacts(value, signatures, provenance, approvalsMet);
    }

    public EvidenceFacts withSignature(VerificationResult result) {
        List<VerificationResult> list = new ArrayList<>(signatures);
        list.add(result);
        return new EvidenceFacts(sbomPresent, list, provenance, approvalsMet);
    }

    public EvidenceFacts withProvenance(VerificationResult result) {
        List<VerificationResult> list = new ArrayList<>(provenance);
        list.add(result);
        return new EvidenceFacts(sbomPresent, signatures, list, approvalsMet);
    }

    public EvidenceFacts withApprovalsMet(boolean value) {
        return new EvidenceFacts(sbomPresent, signatures, provenance, value);
    }

    /** At least one signature verification, and all of them VERIFIED. */
    public boolean signatureVerified() {
        return allVerified(signatures);
    }

    /** At least one provenance verification, and all of them VERIFIED. */
    public boolean provenanceVerified() {
        return allVerified(provenance);
    }

    /** The former boolean fact, kept for hosts that read it: the same as {@link #provenanceVerified()}. */
    public boolean provenancePresent() {
        return provenanceVerified();
    }

    private static boolean allVerified(List<VerificationResult> results) {
        return !results.isEmpty() && results.stream().allMatch(VerificationResult::isVerified);
    }
}
