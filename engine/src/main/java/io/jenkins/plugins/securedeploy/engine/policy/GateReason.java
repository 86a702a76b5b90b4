package io.jenkins.plugins.securedeploy.engine.policy;

import java.util.List;
import java.util.Objects;

/**
 * One reason the gate did not pass, as a value: which rule, for which severity / category / tool (empty = all), how
 * many findings against which threshold, and the fingerprints of the findings involved (at most
 * {@link #MAX_FINGERPRINTS}; {@code count} is always the full number). {@code outcome} is FAILED or ERROR.
 */
public record GateReason(Verdict outcome, String rule, String severity, String category, String tool, long count,
        String threshold, List<String> fingerprints, String message) {
    public static final int MAX_FINGERPRINTS = 100;

    public GateReason {
        Objects.requireNonNull(outcome, "outcome");
        if (outcome == Verdict.PASSED) {
            throw new IllegalArgumentException("a reason is a FAILED or ERROR outcome");
        }
        Objects.requireNonNull(rule, "rule");
        severity = severity == null ? "" : severity;
        category = category == null ? "" : category;
        tool = tool == null ? "" : tool;
        threshold = threshold == null ? "" : threshold;
        fingerprints = fingerprints == null ? List.of()
                : List.copyOf(fingerprints.subList(0, Math.min(fingerprints.size(), MAX_FINGERPRINTS)));
        Objects.requireNonNull(message, "message");
    }

    /** One line for a console: {@code FAILED thresholds.total.critical: 3 CRITICAL findings (max 0)}. */
    public String describe() {
        return outcome + " " + rule + ": " + message;
    }
}
