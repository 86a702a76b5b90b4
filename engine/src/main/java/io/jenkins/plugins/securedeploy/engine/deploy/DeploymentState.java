package io.jenkins.plugins.securedeploy.engine.deploy;

import io.jenkins.plugins.securedeploy.engine.core.Digest;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where one deployment stands, secret-free and serialisable (Java serialisation for a Jenkins execution,
 * {@link DeploymentStateWriter} JSON for the CLI), so a host persists it between phases and resumes after a restart:
 * what is deployed where, the phase to run next, every phase result so far, the labels (never the values) of the
 * credentials issued, and why it waits when an approval is open. Only {@link SecureDeployment} moves it on.
 *
 * @param id the deployment id ({@code [A-Za-z0-9._:/#@+=-]}, 1-128 characters), used in evidence names and audit
 * @param kind deploy, promote or rollback
 * @param environment the environment deployed to
 * @param artifactName the artifact's display name
 * @param artifactSha256 its SHA-256 ({@code sha256:<hex>}), recorded when the deployment started; every later phase
 *     checks against it
 * @param phase the phase to run next ({@link Phase#DONE} when finished)
 * @param results every phase result, in order (PENDING ones are not kept)
 * @param issued labels of the credentials issued (lease descriptions, no values)
 * @param waiting why the flow waits ("" when it does not)
 * @param startedAt when it started
 */
public record DeploymentState(String id, DeploymentKind kind, String environment, String artifactName,
        String artifactSha256, Phase phase, List<PhaseResult> results, List<String> issued, String waiting,
        Instant startedAt) implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:#@+=-]{0,127}");

    public DeploymentState {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a deployment id is 1-128 characters of letters, digits and "
                    + "._:#@+=- starting with a letter or digit");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(artifactName, "artifactName");
        artifactSha256 = Digest.parse(Objects.requireNonNull(artifactSha256, "artifactSha256")).toString();
        Objects.requireNonNull(phase, "phase");
        results = results == null ? List.of() : List.copyOf(results);
        issued = issued == null ? List.of() : List.copyOf(issued);
        waiting = waiting == null ? "" : waiting;
        Objects.requireNonNull(startedAt, "startedAt");
    }

    /** The artifact's SHA-256. */
    public Digest artifactDigest() {
        return Digest.parse(artifactSha256);
    }

    /** The first FAILED or ERROR result: the one reason the deployment did not succeed. */
    public Optional<PhaseResult> failure() {
        return results.stream().filter(r -> !r.status().goesOn()).findFirst();
    }

    /** The result of {@code p}, if it ran. */
    public Optional<PhaseResult> result(Phase p) {
        return results.stream().filter(r -> r.phase() == p).reduce((a, b) -> b);
    }

    /**
     * The id of this deployment's approval request ({@code <id>/<environment>}): the ledger the approve phase opens
     * in the host's {@link ApprovalStore}, and the request a host's vote page and timer name.
     */
    public String approvalId() {
        return id + "/" + environment;
    }

    public boolean isDone() {
        return phase == Phase.DONE;
    }

    /** Whether credentials were issued (then revocation, attestation and recording must run). */
    public boolean credentialsIssued() {
        return result(Phase.CREDENTIALS).map(r -> r.status() == PhaseStatus.PASSED).orElse(false);
    }

    DeploymentState next(Phase nextPhase, PhaseResult result, List<String> moreIssued, String nowWaiting) {
        List<PhaseResult> all = new ArrayList<>(results);
        if (result != null) {
            all.add(result);
        }
        List<String> labels = new ArrayList<>(issued);
        labels.addAll(moreIssued);
        return new DeploymentState(id, kind, environment, artifactName, artifactSha256, nextPhase, all, labels,
                nowWaiting, startedAt);
    }
}
