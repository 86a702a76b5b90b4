package io.jenkins.plugins.securedeploy.engine.approval;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The final outcome of an approval request, carrying exactly the approval predicate's data: the {@code decision}
 * (APPROVED, REJECTED or EXPIRED), the rule applied, the counted votes, what the approvers were shown, and when it
 * was requested and decided. Only {@link ApprovalLedger} constructs it, and only once the ledger is final; EXPIRED
 * and REJECTED both block deployment.
 */
public final class ApprovalDecision {
    private final ApprovalStatus decision;
    private final ApprovalRule rule;
    private final List<ApprovalVote> votes;
    private final Shown shown;
    private final Instant requestedAt;
    private final Instant decidedAt;

    ApprovalDecision(ApprovalStatus decision, ApprovalRule rule, List<ApprovalVote> votes, Shown shown,
            Instant requestedAt, Instant decidedAt) {
        if (Objects.requireNonNull(decision, "decision") == ApprovalStatus.PENDING) {
            throw new IllegalStateException("a PENDING request has no decision yet");
        }
        this.decision = decision;
        this.rule = Objects.requireNonNull(rule, "rule");
        this.votes = List.copyOf(votes);
        this.shown = Objects.requireNonNull(shown, "shown");
        this.requestedAt = Objects.requireNonNull(requestedAt, "requestedAt");
        this.decidedAt = Objects.requireNonNull(decidedAt, "decidedAt");
    }

    public ApprovalStatus decision() {
        return decision;
    }

    public ApprovalRule rule() {
        return rule;
    }

    /** The counted votes in the order they were cast. */
    public List<ApprovalVote> votes() {
        return votes;
    }

    public Shown shown() {
        return shown;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public boolean isApproved() {
        return decision == ApprovalStatus.APPROVED;
    }

    /** {@code APPROVED by alice, bob} / {@code REJECTED by carol: not tested} / {@code EXPIRED after PT24H}. */
    public String headline() {
        switch (decision) {
            case APPROVED:
                return "APPROVED by " + String.join(", ", votes.stream().map(ApprovalVote::approver).toList());
            case REJECTED:
                ApprovalVote no = votes.stream().filter(v -> !v.approved()).reduce((a, b) -> b).orElseThrow();
                return "REJECTED by " + no.approver() + (no.reason().isEmpty() ? "" : ": " + no.reason());
            default:
                return "EXPIRED after " + rule.timeout() + " with " + votes.size() + " of " + rule.required()
                        + " approval(s)";
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApprovalDecision d && decision == d.decision && rule.equals(d.rule)
                && votes.equals(d.votes) && shown.equals(d.shown) && requestedAt.equals(d.requestedAt)
                && decidedAt.equals(d.decidedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(decision, rule, votes, shown, requestedAt, decidedAt);
    }

    @Override
    public String toString() {
        return "ApprovalDecision[" + headline() + ", " + shown.describe() + ", decided " + decidedAt + "]";
    }
}
