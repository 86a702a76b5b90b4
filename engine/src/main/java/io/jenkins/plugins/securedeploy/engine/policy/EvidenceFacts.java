package io.jenkins.plugins.securedeploy.engine.policy;

/**
 * What the host knows about the evidence of this build, filled by the SBOM, signing and approval capabilities (or by
 * the CLI from its options). The gate compares these facts with {@link EvidenceRequirements}; unknown means false.
 */
public record EvidenceFacts(boolean sbomPresent, boolean signatureVerified, boolean provenancePresent,
        boolean approvalsMet) {
    public static final EvidenceFacts NONE = new EvidenceFacts(false, false, false, false);
}
