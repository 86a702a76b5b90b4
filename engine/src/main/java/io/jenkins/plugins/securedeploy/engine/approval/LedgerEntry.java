package io.jenkins.plugins.securedeploy.engine.approval;

import io.jenkins.plugins.securedeploy.engine.core.Digest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * One vote as the ledger recorded it: who (the realm's canonical id when known, else the id as cast), approve or
 * reject, the reason, when (UTC, whole seconds), the listed groups through which they were eligible, the required
 * roles they hold, the fingerprint of what was shown when they voted, and whether it counts. A REFUSED or VOIDED
 * entry says why in {@code note}.
 */
public record LedgerEntry(String approver, boolean approved, String reason, Instant at, List<String> groups,
        List<String> roles, Digest shown, Status status, String note) {

    /** Whether an entry counts toward the decision. */
    public enum Status {
        /** Eligible and counted. */
        COUNTED,
        /** Not eligible: refused with a reason and recorded. */
        REFUSED,
        /** Counted once, but what was shown changed afterwards (a new artifact digest or gate decision). */
        VOIDED
    }

    public LedgerEntry {
        Objects.requireNonNull(approver, "approver");
        reason = reason == null ? "" : reason;
        Objects.requireNonNull(at, "at");
        at = at.truncatedTo(ChronoUnit.SECONDS);
        groups = groups == null ? List.of() : List.copyOf(groups);
        roles = roles == null ? List.of() : List.copyOf(roles);
        Objects.requireNonNull(shown, "shown");
        Objects.requireNonNull(status, "status");
        note = note == null ? "" : note;
        if ((status == Status.COUNTED) != note.isEmpty()) {
            throw new IllegalArgumentException("a counted entry has no note; a refused or voided one says why");
        }
    }

    public boolean counted() {
        return status == Status.COUNTED;
    }

    LedgerEntry voided(String why) {
        return new LedgerEntry(approver, approved, reason, at, groups, roles, shown, Status.VOIDED, why);
    }

    /** The predicate's view of a counted vote. */
    public ApprovalVote toVote() {
        return new ApprovalVote(approver, approved, reason, at, groups);
    }

    /** {@code alice approves at 2026-01-15T10:00:00Z ("looks fine"): COUNTED} or {@code ...: REFUSED - why}. */
    public String describe() {
        return approver + (approved ? " approves" : " rejects") + " at " + at
                + (reason.isEmpty() ? "" : " (\"" + reason + "\")") + ": " + status + (note.isEmpty() ? "" : " - " + note);
    }
}
