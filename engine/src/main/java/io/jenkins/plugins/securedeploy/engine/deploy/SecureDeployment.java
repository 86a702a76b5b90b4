package io.jenkins.plugins.securedeploy.engine.deploy;

import io.jenkins.plugins.securedeploy.engine.core.Digest;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The deployment's phase machine, pure: given the state and the result of the phase it asked for, it returns the
 * next state, whose {@link DeploymentState#phase()} is the next action. Fail closed: a FAILED or ERROR result before
 * credentials skips straight to {@link Phase#RECORD} (no credentials, no deploy); once credentials were issued,
 * revocation, attestation and recording run whatever happened. A PENDING approval keeps the state at
 * {@link Phase#APPROVE} with the reason it waits, so the host persists it and comes back.
 */
public final class SecureDeployment {
    private SecureDeployment() {}

    /** A new deployment at {@link Phase#VERIFY}. */
    public static DeploymentState start(String id, DeploymentKind kind, String environment, String artifactName,
            Digest artifactDigest, Instant now) {
        return new DeploymentState(id, kind, environment, artifactName, artifactDigest.toString(), Phase.VERIFY, List.of(),
                List.of(), "", now);
    }

    /**
     * The state after {@code result}.
     *
     * @throws IllegalStateException when {@code result} is not for the phase the state asked for, or the
     *     deployment is done
     */
    public static DeploymentState advance(DeploymentState state, PhaseResult result) {
        return advance(state, result, List.of());
    }

    /** Like {@link #advance(DeploymentState, PhaseResult)}, recording the labels of credentials just issued. */
    public static DeploymentState advance(DeploymentState state, PhaseResult result, List<String> issued) {
        Objects.requireNonNull(result, "result");
        if (state.isDone()) {
            throw new IllegalStateException("deployment " + state.id() + " is done; nothing runs after record");
        }
        if (result.phase() != state.phase()) {
            throw new IllegalStateException("deployment " + state.id() + " is at " + state.phase().id()
                    + ", not at " + result.phase().id());
        }
        if (result.status() == PhaseStatus.PENDING) {
            if (state.phase() != Phase.APPROVE) {
                throw new IllegalStateException("only an approval can be pending, not " + state.phase().id());
            }
            return state.next(Phase.APPROVE, null, List.of(), result.reason().isEmpty() ? "approval pending"
                    : result.reason());
        }
        Phase following = Phase.values()[state.phase().ordinal() + 1];
        boolean stops = !result.status().goesOn() && state.phase().beforeCredentials();
        List<String> labels = result.phase() == Phase.CREDENTIALS && result.status() == PhaseStatus.PASSED ? issued
                : List.of();
        return state.next(stops ? Phase.RECORD : following, result, labels, "");
    }
}
