package io.jenkins.plugins.securedeploy.engine.gate;

import io.jenkins.plugins.securedeploy.engine.policy.GateDecision;
import io.jenkins.plugins.securedeploy.engine.policy.Verdict;

/**
 * How an outcome ends a process or a step, the same for every command and step: 0 when it may go on, 1 when a gate,
 * verification or approval said no, 2 for a wrong command line (the host's own business), 3 when it could not
 * decide (bad input, a crashed tool, I/O) — fail closed. The Jenkins binding maps {@link #PASSED} to SUCCESS and
 * every other value to FAILURE.
 */
public enum ExitCode {
    PASSED(0),
    FAILED(1),
    USAGE(2),
    ERROR(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** The process exit code. */
    public int code() {
        return code;
    }

    /** PASSED (or FAILED with an accepted break-glass override) → 0, FAILED → 1, ERROR → 3. */
    public static ExitCode of(GateDecision decision) {
        return decision.allowsDeployment() ? PASSED : of(decision.verdict());
    }

    /** PASSED → 0, FAILED → 1, ERROR → 3. */
    public static ExitCode of(Verdict verdict) {
        return switch (verdict) {
            case PASSED -> PASSED;
            case FAILED -> FAILED;
            case ERROR -> ERROR;
        };
    }
}
