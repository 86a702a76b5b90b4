package io.jenkins.plugins.securedeploy.engine.policy;

/** Which evidence must be present for the gate to pass; null = not set (not required unless a floor says so). */
public record EvidenceRequirements(Boolean sbom, Boolean signature, Boolean provenance, Boolean approvals) {
    public static final EvidenceRequirements NONE = new EvidenceRequirements(null, null, null, null);

    public EvidenceRequirements stricter(EvidenceRequirements o) {
        return new EvidenceRequirements(Limits.either(sbom, o.sbom), Limits.either(signature, o.signature),
                Limits.either(provenance, o.provenance), Limits.either(approvals, o.approvals));
    }

    static boolean on(Boolean b) {
        return Boolean.TRUE.equals(b);
    }
}
