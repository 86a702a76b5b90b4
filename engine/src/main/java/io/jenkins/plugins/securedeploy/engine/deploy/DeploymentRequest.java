package io.jenkins.plugins.securedeploy.engine.deploy;

import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.credentials.Exchange;
import io.jenkins.plugins.securedeploy.engine.gate.GateRequest;
import io.jenkins.plugins.securedeploy.engine.host.BuildContext;
import io.jenkins.plugins.securedeploy.engine.sign.ArtifactSource;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationRequest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one deployment deploys and decides on, as the host read it.
 *
 * @param actor who started it (may not approve it under separation of duties)
 * @param kind deploy, promote or rollback
 * @param environment where to ({@link EnvironmentsReader}; {@link Environment#open} for an undeclared one)
 * @param artifact the artifact, streamed (hashed at the start, again before credentials are issued)
 * @param recordedDigest the digest it must have (from the build's record, or the rollback target); empty = none
 * @param requiredFrom the environment the digest must have passed first ("" = none)
 * @param verifications signature / provenance checks of the artifact (the policy says which evidence is required)
 * @param gate the gate's inputs (policy, floor, reports, results, SBOMs); the flow adds the verifications
 * @param context the build, for attestations
 * @param exchanges the credential exchanges of the environment's profile (empty = no credentials)
 * @param body the deploy command
 * @param history what was deployed where (promotion and rollback)
 * @param commitAuthors the authors of the changes deployed (host user ids), who may not approve it either under
 *     separation of duties; empty when the host does not know them
 */
public record DeploymentRequest(String actor, DeploymentKind kind, Environment environment, ArtifactSource artifact,
        Optional<Digest> recordedDigest, String requiredFrom, List<VerificationRequest> verifications,
        GateRequest gate, BuildContext context, List<Exchange> exchanges, DeploymentBody body,
        DeploymentHistory history, List<String> commitAuthors) {
    public DeploymentRequest {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(artifact, "artifact");
        recordedDigest = recordedDigest == null ? Optional.empty() : recordedDigest;
        requiredFrom = requiredFrom == null ? "" : requiredFrom;
        verifications = verifications == null ? List.of() : List.copyOf(verifications);
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(context, "context");
        exchanges = exchanges == null ? List.of() : List.copyOf(exchanges);
        Objects.requireNonNull(body, "body");
        history = history == null ? DeploymentHistory.empty() : history;
        commitAuthors = commitAuthors == null ? List.of() : List.copyOf(commitAuthors);
    }

    /** A request whose host does not know the commit authors (only the actor is kept from approving). */
    public DeploymentRequest(String actor, DeploymentKind kind, Environment environment, ArtifactSource artifact,
            Optional<Digest> recordedDigest, String requiredFrom, List<VerificationRequest> verifications,
            GateRequest gate, BuildContext context, List<Exchange> exchanges, DeploymentBody body,
            DeploymentHistory history) {
        this(actor, kind, environment, artifact, recordedDigest, requiredFrom, verifications, gate, context,
                exchanges, body, history, List.of());
    }

    /** This request with the authors of the changes it deploys (they may not approve it). */
    public DeploymentRequest withCommitAuthors(List<String> authors) {
        return new DeploymentRequest(actor, kind, environment, artifact, recordedDigest, requiredFrom, verifications,
                gate, context, exchanges, body, history, authors);
    }
}
