package io.jenkins.plugins.securedeploy.engine.sign.registry;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.host.Workspace;
import io.jenkins.plugins.securedeploy.engine.sign.ArtifactSource;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.TrustMaterial;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationPolicy;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationRequest;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Verification of files in a {@link Workspace}, where they are (a Jenkins agent): reads the evidence, streams the
 * artifact, verifies with the {@link VerificationService}, and always returns a {@link VerificationSummary}. Every
 * failure before the verifier runs (missing or unreadable evidence or artifact, bad options, a refused relaxation,
 * bad trust material) is an ERROR summary naming the file or field: it fails closed and never throws.
 */
public final class WorkspaceVerification {
    /** Workspace-relative evidence and artifact (empty: no artifact), the options, and the admin's allowances. */
    public record Request(String evidence, String artifact, VerificationOptions options,
            Set<VerificationOptions.Relaxation> allowedRelaxations, List<TrustEntry> trust) implements Serializable {
        private static final long serialVersionUID = 1L;

        public Request {
            Objects.requireNonNull(evidence, "evidence");
            artifact = artifact == null ? "" : artifact.strip();
            options = options == null ? VerificationOptions.strict() : options;
            allowedRelaxations = allowedRelaxations == null ? Set.of() : Set.copyOf(allowedRelaxations);
            trust = trust == null ? List.of() : List.copyOf(trust);
        }
    }

    private final VerificationService service;

    public WorkspaceVerification(VerificationService service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    public VerificationSummary verify(Workspace workspace, Request request) {
        String family = request.options().familyOverride().orElse("auto");
        String subject = request.evidence() + (request.artifact().isEmpty() ? "" : " for " + request.artifact());
        VerificationPolicy policy;
        TrustMaterial trust;
        EvidenceFile evidence;
        try {
            policy = request.options().policy(request.allowedRelaxations());
            trust = TrustEntry.material(request.trust());
            evidence = new EvidenceFile(request.evidence(), workspace.read(request.evidence()));
            if (!request.artifact().isEmpty() && !workspace.exists(request.artifact())) {
                return error(family, subject, Problem.of("verify.artifact.missing", "the artifact does not exist",
                        Location.ofFile(request.artifact())));
            }
        } catch (InvalidInputException e) {
            return VerificationSummary.of(VerificationResult.error(family, subject, e.problems()));
        } catch (IOException | RuntimeException e) {
            return error(family, subject, Problem.of("verify.input.unreadable", "cannot read the evidence or the "
                    + "trust material (" + e.getClass().getSimpleName() + ")", Location.ofFile(request.evidence())));
        }
        Optional<ArtifactSource> artifact = request.artifact().isEmpty() ? Optional.empty()
                : Optional.of(new WorkspaceArtifact(workspace, request.artifact()));
        return VerificationSummary.of(service.verify(new VerificationRequest(evidence, artifact, trust, policy),
                request.options().familyOverride()));
    }

    private static VerificationSummary error(String family, String subject, Problem problem) {
        return VerificationSummary.of(VerificationResult.error(family, subject, List.of(problem)));
    }

    /** The artifact, streamed from the workspace each time a verifier opens it. */
    private record WorkspaceArtifact(Workspace workspace, String name) implements ArtifactSource {
        @Override
        public InputStream open() throws IOException {
            return workspace.open(name);
        }
    }
}
