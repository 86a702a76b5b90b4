package io.jenkins.plugins.securedeploy.engine.sign;

import java.util.Objects;
import java.util.Optional;

/**
 * Everything one verification needs: the evidence, the artifact it is about (absent when only the evidence itself is
 * checked, e.g. a bundle whose subject is not at hand — the policy decides whether that is allowed), the trust
 * material, and the policy.
 */
public record VerificationRequest(EvidenceFile evidence, Optional<ArtifactSource> artifact, TrustMaterial trust,
        VerificationPolicy policy) {
    public VerificationRequest {
        Objects.requireNonNull(evidence, "evidence");
        artifact = artifact == null ? Optional.empty() : artifact;
        trust = trust == null ? TrustMaterial.NONE : trust;
        policy = policy == null ? VerificationPolicy.STRICT : policy;
    }

    public static VerificationRequest of(EvidenceFile evidence, ArtifactSource artifact, TrustMaterial trust,
            VerificationPolicy policy) {
        return new VerificationRequest(evidence, Optional.ofNullable(artifact), trust, policy);
    }

    /** {@code evidence.json} or {@code evidence.json for app.tar.gz}, for reasons and headlines. */
    public String describe() {
        return evidence.name() + artifact.map(a -> " for " + a.name()).orElse("");
    }
}
