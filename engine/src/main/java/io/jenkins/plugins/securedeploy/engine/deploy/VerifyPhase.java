package io.jenkins.plugins.securedeploy.engine.deploy;

import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.core.DigestAlgorithm;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.core.IoReason;
import io.jenkins.plugins.securedeploy.engine.sign.ArtifactSource;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationRequest;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationResult;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationStatus;
import io.jenkins.plugins.securedeploy.engine.sign.registry.VerificationService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The verify phase: the artifact's digest against the one recorded when the deployment started (and the build's
 * record, when given), promotion (the digest must have passed the required environment), then every signature and
 * provenance check; the first that does not hold decides.
 */
final class VerifyPhase {
    private VerifyPhase() {}

    /** SHA-256 of the artifact, streamed. */
    static Digest digest(ArtifactSource artifact) {
        try (InputStream in = artifact.open()) {
            return Hashing.stream(in, Set.of(DigestAlgorithm.SHA256)).sha256();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read artifact " + artifact.name() + ": " + IoReason.of(e), e);
        }
    }

    static PhaseResult run(DeploymentState state, DeploymentRequest r, VerificationService verifier,
            List<VerificationResult> out, Instant now) {
        Digest actual;
        try {
            actual = digest(r.artifact());
        } catch (UncheckedIOException e) {
            return PhaseResult.error(Phase.VERIFY, e.getMessage(), now);
        }
        if (!actual.matches(state.artifactDigest())) {
            return PhaseResult.failed(Phase.VERIFY, "artifact " + state.artifactName() + " changed: it is " + actual
                    + " now, " + state.artifactDigest() + " when the deployment started", now);
        }
        if (r.recordedDigest().isPresent() && !r.recordedDigest().get().matches(actual)) {
            return PhaseResult.failed(Phase.VERIFY, "artifact " + state.artifactName() + " is " + actual
                    + ", not the recorded " + r.recordedDigest().get(), now);
        }
        if (!r.requiredFrom().isEmpty() && !r.history().passed(r.requiredFrom(), actual)) {
            String last = r.history().last(r.requiredFrom()).map(d -> "the last digest that passed "
                    + r.requiredFrom() + " is " + d.digest()).orElse("nothing was deployed to " + r.requiredFrom()
                    + " yet");
            return PhaseResult.failed(Phase.VERIFY, "artifact " + actual + " never passed " + r.requiredFrom()
                    + ", which " + state.environment() + " requires first (" + last + ")", now);
        }
        List<String> verified = new ArrayList<>();
        for (VerificationRequest v : r.verifications()) {
            VerificationResult result = verifier.verify(v);
            out.add(result);
            if (result.status() == VerificationStatus.FAILED) {
                return PhaseResult.failed(Phase.VERIFY, result.headline(), now);
            }
            if (result.status() != VerificationStatus.VERIFIED) {
                return PhaseResult.error(Phase.VERIFY, result.headline(), now);
            }
            verified.add(result.family() + " " + result.subject());
        }
        String promoted = r.requiredFrom().isEmpty() ? "" : ", passed " + r.requiredFrom();
        return PhaseResult.passed(Phase.VERIFY, actual + promoted + (verified.isEmpty() ? ", no signature given"
                : ", verified " + String.join(", ", verified)), now);
    }
}
