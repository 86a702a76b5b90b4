package io.jenkins.plugins.securedeploy.engine.deploy;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One phase's decision as a value: which phase, how it ended, and one line saying why (already masked: a
 * {@link DeploymentRunner} passes every reason through the run's masker before it is kept).
 */
public record PhaseResult(Phase phase, PhaseStatus status, String reason, Instant at) implements Serializable {
    private static final long serialVersionUID = 1L;

    public PhaseResult {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(status, "status");
        reason = reason == null ? "" : reason.strip();
        Objects.requireNonNull(at, "at");
    }

    public static PhaseResult passed(Phase phase, String reason, Instant at) {
        return new PhaseResult(phase, PhaseStatus.PASSED, reason, at);
    }

    public static PhaseResult failed(Phase phase, String reason, Instant at) {
        return new PhaseResult(phase, PhaseStatus.FAILED, reason, at);
    }

    public static PhaseResult error(Phase phase, String reason, Instant at) {
        return new PhaseResult(phase, PhaseStatus.ERROR, reason, at);
    }

    public static PhaseResult skipped(Phase phase, String reason, Instant at) {
        return new PhaseResult(phase, PhaseStatus.SKIPPED, reason, at);
    }

    public static PhaseResult pending(Phase phase, String reason, Instant at) {
        return new PhaseResult(phase, PhaseStatus.PENDING, reason, at);
    }

    /** {@code gate FAILED: thresholds.total.high: 1 HIGH finding(s) (max 0)}. */
    public String describe() {
        return phase.id() + " " + status + (reason.isEmpty() ? "" : ": " + reason);
    }
}
