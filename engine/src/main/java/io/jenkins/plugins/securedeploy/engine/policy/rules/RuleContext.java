package io.jenkins.plugins.securedeploy.engine.policy.rules;

import io.jenkins.plugins.securedeploy.engine.sign.VerificationResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a host knows about the deployment beyond findings and SBOMs, for policy rules: the environment, the
 * artifact, verification results (from {@code sign}), provenance statements (plain values until the attestation
 * reader maps them) and when each finding was first seen (fingerprint → instant, e.g. from the baseline).
 */
public record RuleContext(EnvironmentView environment, ArtifactView artifact, List<VerificationResult> verifications,
        List<ProvenanceView> provenance, Map<String, Instant> firstSeen) {
    public static final RuleContext NONE = new RuleContext(null, null, null, null, null);

    public RuleContext {
        environment = environment == null ? EnvironmentView.NONE : environment;
        artifact = artifact == null ? ArtifactView.NONE : artifact;
        verifications = verifications == null ? List.of() : List.copyOf(verifications);
        provenance = provenance == null ? List.of() : List.copyOf(provenance);
        firstSeen = firstSeen == null ? Map.of() : Map.copyOf(firstSeen);
    }

    public RuleContext withEnvironment(EnvironmentView value) {
        return new RuleContext(value, artifact, verifications, provenance, firstSeen);
    }

    public RuleContext withFirstSeen(Map<String, Instant> value) {
        return new RuleContext(environment, artifact, verifications, provenance, value);
    }
}
