package io.jenkins.plugins.securedeploy.engine.deploy;

import io.jenkins.plugins.securedeploy.engine.gate.ExitCode;
import java.util.Objects;
import java.util.Optional;

/**
 * How a deployment stands for the host: RUNNING (phases left), WAITING (an approval is open; persist the state and
 * resume), SUCCEEDED, FAILED (a check said no) or ERROR (something could not be decided). {@code reason} is one line
 * naming the phase ({@code deploy of app.tar.gz to prod FAILED at gate: ...}); {@code phase} is the phase that
 * decided it.
 */
public record DeploymentOutcome(Status status, Optional<Phase> phase, String reason) {
    /** Where the deployment stands. */
    public enum Status { RUNNING, WAITING, SUCCEEDED, FAILED, ERROR }

    public DeploymentOutcome {
        Objects.requireNonNull(status, "status");
        phase = phase == null ? Optional.empty() : phase;
        Objects.requireNonNull(reason, "reason");
    }

    /** The outcome of {@code state}. */
    public static DeploymentOutcome of(DeploymentState state) {
        String what = state.kind().id() + " of " + state.artifactName() + " (" + state.artifactDigest() + ") to "
                + state.environment();
        Optional<PhaseResult> failure = state.failure();
        if (failure.isPresent()) {
            PhaseResult f = failure.get();
            Status s = f.status() == PhaseStatus.FAILED ? Status.FAILED : Status.ERROR;
            return new DeploymentOutcome(s, Optional.of(f.phase()), what + " " + s + " at " + f.phase().id() + ": "
                    + f.reason());
        }
        if (!state.waiting().isEmpty()) {
            return new DeploymentOutcome(Status.WAITING, Optional.of(state.phase()), what + " is waiting at "
                    + state.phase().id() + ": " + state.waiting());
        }
        if (state.isDone()) {
            return new DeploymentOutcome(Status.SUCCEEDED, Optional.empty(), what + " SUCCEEDED");
        }
        return new DeploymentOutcome(Status.RUNNING, Optional.of(state.phase()), what + " is at "
                + state.phase().id());
    }

    /** 0 only when SUCCEEDED; 1 FAILED; 3 ERROR, and for a deployment that has not finished (fail closed). */
    public ExitCode exitCode() {
        return switch (status) {
            case SUCCEEDED -> ExitCode.PASSED;
            case FAILED -> ExitCode.FAILED;
            default -> ExitCode.ERROR;
        };
    }

    public boolean succeeded() {
        return status == Status.SUCCEEDED;
    }
}
