package io.jenkins.plugins.securedeploy.engine.approval;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * A counted vote as the approval predicate records it: approver, approve or reject, reason, time (RFC 3339 UTC,
 * whole seconds) and the listed groups through which the approver was eligible.
 */
public record ApprovalVote(String approver, boolean approved, String reason, Instant at, List<String> groups) {
    public ApprovalVote {
        Objects.requireNonNull(approver, "approver");
        reason = reason == null ? "" : reason;
        at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.SECONDS);
        groups = groups == null ? List.of() : List.copyOf(groups);
    }
}
