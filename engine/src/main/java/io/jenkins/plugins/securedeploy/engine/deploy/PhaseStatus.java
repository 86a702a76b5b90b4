package io.jenkins.plugins.securedeploy.engine.deploy;

/**
 * How a phase ended: PASSED lets the flow go on; FAILED (a check said no) and ERROR (it could not be decided: bad
 * input, a crashed tool, I/O) stop it fail-closed; PENDING (an approval still open) keeps the flow where it is until
 * the host resumes it; SKIPPED (nothing to do for this environment) goes on like PASSED.
 */
public enum PhaseStatus {
    PASSED,
    FAILED,
    ERROR,
    PENDING,
    SKIPPED;

    /** PASSED or SKIPPED. */
    public boolean goesOn() {
        return this == PASSED || this == SKIPPED;
    }
}
