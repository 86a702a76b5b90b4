package io.jenkins.plugins.securedeploy.engine.policy.rules;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything a policy rule can read; each component is a CEL variable of the same name: {@code environment},
 * {@code artifact}, {@code findings} (every finding of every scanner, the rule findings excluded), {@code components}
 * (every component of every SBOM), {@code verifications}, {@code provenance} and {@code now} (the gate's clock).
 * Build one with {@link RuleInputs}; docs/policy-rules.md describes every field.
 */
public record RuleInput(EnvironmentView environment, ArtifactView artifact, List<FindingView> findings,
        List<ComponentView> components, List<VerificationView> verifications, List<ProvenanceView> provenance,
        Instant now) {
    public RuleInput {
        environment = environment == null ? EnvironmentView.NONE : environment;
        artifact = artifact == null ? ArtifactView.NONE : artifact;
        findings = findings == null ? List.of() : List.copyOf(findings);
        components = components == null ? List.of() : List.copyOf(components);
        verifications = verifications == null ? List.of() : List.copyOf(verifications);
        provenance = provenance == null ? List.of() : List.copyOf(provenance);
        Objects.requireNonNull(now, "now");
    }
}
