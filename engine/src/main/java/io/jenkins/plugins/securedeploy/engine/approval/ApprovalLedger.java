package io.jenkins.plugins.securedeploy.engine.approval;

import io.jenkins.plugins.securedeploy.engine.approval.LedgerEntry.Status;
import io.jenkins.plugins.securedeploy.engine.host.ApproverDirectory;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An approval request as a pure, immutable state machine: ballots in, decision out. PENDING until the rule's quorum
 * (N distinct people, every required role among them) approves — APPROVED; any eligible rejection — REJECTED; or
 * the timeout passes — EXPIRED, a rejection. Every ballot is recorded, counted or refused with its reason. A change
 * of what is shown (artifact digest, gate decision) voids the votes cast on the old one. Secret-free and written
 * by {@link ApprovalLedgerWriter}, so a host persists it and resumes after a restart ({@link ApprovalLedgerReader}).
 * Time comes only from the {@link Clock} passed in.
 */
public final class ApprovalLedger {
    private final ApprovalRequest request;
    private final Instant requestedAt;
    private final List<LedgerEntry> entries;
    private final ApprovalStatus status;
    private final Instant decidedAt;

    private ApprovalLedger(ApprovalRequest request, Instant requestedAt, List<LedgerEntry> entries,
            ApprovalStatus status, Instant decidedAt) {
        this.request = request;
        this.requestedAt = requestedAt;
        this.entries = List.copyOf(entries);
        this.status = status;
        this.decidedAt = decidedAt;
    }

    /** A new PENDING request, opened now. */
    public static ApprovalLedger open(ApprovalRequest request, Clock clock) {
        return new ApprovalLedger(Objects.requireNonNull(request, "request"), now(clock), List.of(),
                ApprovalStatus.PENDING, null);
    }

    /**
     * A ledger as stored, checked for consistency: the recorded status and decision time must follow from the
     * counted votes (APPROVED and REJECTED at the deciding vote, EXPIRED at the deadline), and no vote may count
     * after the decision or the deadline. Throws {@link IllegalArgumentException} naming what does not follow.
     */
    static ApprovalLedger restore(ApprovalRequest request, Instant requestedAt, List<LedgerEntry> entries,
            ApprovalStatus status, Instant decidedAt) {
        ApprovalLedger ledger = new ApprovalLedger(request, requestedAt.truncatedTo(ChronoUnit.SECONDS), entries,
                status, decidedAt);
        Outcome derived = derive(request.rule(), entries);
        for (LedgerEntry e : entries) {
            if (e.counted() && !e.at().isBefore(ledger.deadline())) {
                throw new IllegalArgumentException("a vote by " + e.approver() + " counts at " + e.at()
                        + ", after the deadline " + ledger.deadline());
            }
            if (e.counted() && !e.shown().matches(request.shown().fingerprint())) {
                throw new IllegalArgumentException("a vote by " + e.approver()
                        + " counts for a different shown block than the request's");
            }
        }
        if (derived.countedAfter) {
            throw new IllegalArgumentException("a vote counts after the request was decided");
        }
        boolean consistent = switch (status) {
            case PENDING -> derived.status == ApprovalStatus.PENDING && decidedAt == null;
            case EXPIRED -> derived.status == ApprovalStatus.PENDING && ledger.deadline().equals(decidedAt);
            default -> derived.status == status && derived.at.equals(decidedAt);
        };
        if (!consistent) {
            throw new IllegalArgumentException("status " + status + (decidedAt == null ? "" : " at " + decidedAt)
                    + " does not follow from the counted votes (they give " + derived.status
                    + (derived.at == null ? "" : " at " + derived.at) + ")");
        }
        return ledger;
    }

    /** The ledger after a ballot, and how the ballot was recorded. */
    public record VoteResult(ApprovalLedger ledger, LedgerEntry entry) {
        public boolean accepted() {
            return entry.counted();
        }

        /** Why the ballot was refused; empty when it counted. */
        public String refusal() {
            return entry.note();
        }
    }

    /** Casts a ballot now: refused and recorded when ineligible, late or after the decision; otherwise counted. */
    public VoteResult vote(Ballot ballot, ApproverDirectory directory, Clock clock) {
        Objects.requireNonNull(ballot, "ballot");
        Objects.requireNonNull(directory, "directory");
        Instant now = now(clock);
        ApprovalLedger current = expireIfDue(clock);
        if (current.status.isFinal()) {
            String why = current.status == ApprovalStatus.EXPIRED && status == ApprovalStatus.PENDING
                    ? "arrived after the timeout (deadline " + deadline() + ")"
                    : "the request is already " + current.status;
            return current.refused(ballot.approver(), ballot, now, why);
        }
        Eligibility.Verdict verdict = new Eligibility(request, directory).check(ballot, entries);
        if (!verdict.accepted()) {
            return refused(verdict.recordedId(), ballot, now, verdict.refusal());
        }
        Eligibility.Eligible who = verdict.eligible();
        LedgerEntry entry = new LedgerEntry(who.userId(), ballot.approve(), ballot.reason(), now, who.groups(),
                who.roles(), request.shown().fingerprint(), Status.COUNTED, "");
        List<LedgerEntry> next = append(entry);
        Outcome outcome = derive(request.rule(), next);
        return new VoteResult(new ApprovalLedger(request, requestedAt, next, outcome.status, outcome.at), entry);
    }

    /** EXPIRED (decided at the deadline) when still PENDING at or after the deadline; otherwise this ledger. */
    public ApprovalLedger expireIfDue(Clock clock) {
        if (status == ApprovalStatus.PENDING && !now(clock).isBefore(deadline())) {
            return new ApprovalLedger(request, requestedAt, entries, ApprovalStatus.EXPIRED, deadline());
        }
        return this;
    }

    /**
     * What is shown changed (a rebuilt artifact, a new gate decision): the counted votes are voided and the request
     * stays PENDING with the same deadline. Showing the same block again changes nothing. A decided request is not
     * reopened: open a new request for the new artifact.
     */
    public ApprovalLedger resubmit(Shown shown, Clock clock) {
        Objects.requireNonNull(shown, "shown");
        ApprovalLedger current = expireIfDue(clock);
        if (current.status.isFinal()) {
            throw new IllegalStateException("approval " + request.id() + " is already " + current.status
                    + "; open a new request for the changed artifact or gate decision");
        }
        if (shown.fingerprint().matches(request.shown().fingerprint())) {
            return this;
        }
        String why = "voided: what is shown changed from " + request.shown().fingerprint() + " to "
                + shown.fingerprint() + " at " + now(clock);
        List<LedgerEntry> next = entries.stream().map(e -> e.counted() ? e.voided(why) : e).toList();
        return new ApprovalLedger(request.withShown(shown), requestedAt, next, ApprovalStatus.PENDING, null);
    }

    public ApprovalRequest request() {
        return request;
    }

    public String id() {
        return request.id();
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    /** Requested at + timeout: from then on the request is EXPIRED. */
    public Instant deadline() {
        return requestedAt.plus(request.rule().timeout());
    }

    /** Every ballot in the order cast, counted, refused or voided. */
    public List<LedgerEntry> entries() {
        return entries;
    }

    /** The status as recorded (a PENDING ledger past its deadline is still PENDING until asked with a clock). */
    public ApprovalStatus status() {
        return status;
    }

    /** The status now: a PENDING ledger at or past its deadline is EXPIRED. */
    public ApprovalStatus statusAt(Clock clock) {
        return expireIfDue(clock).status;
    }

    public Optional<Instant> decidedAt() {
        return Optional.ofNullable(decidedAt);
    }

    /** The decision once final; empty while PENDING. */
    public Optional<ApprovalDecision> decision() {
        if (!status.isFinal()) {
            return Optional.empty();
        }
        List<ApprovalVote> votes = entries.stream().filter(LedgerEntry::counted).map(LedgerEntry::toVote).toList();
        return Optional.of(new ApprovalDecision(status, request.rule(), votes, request.shown(), requestedAt,
                decidedAt));
    }

    /** Distinct people whose approval counts. */
    public int approvals() {
        return (int) entries.stream().filter(e -> e.counted() && e.approved()).count();
    }

    /** Required roles no counted approval holds yet. */
    public List<String> missingRoles() {
        return missingRoles(request.rule(), entries);
    }

    /** {@code PENDING: 1 of 2 approvals, missing role security, deadline ...}; the headline once decided. */
    public String describe() {
        if (status.isFinal()) {
            return decision().orElseThrow().headline();
        }
        List<String> missing = missingRoles();
        return "PENDING: " + approvals() + " of " + request.rule().required() + " approval(s)"
                + (missing.isEmpty() ? "" : ", missing role(s) " + missing) + ", deadline " + deadline();
    }

    private VoteResult refused(String id, Ballot ballot, Instant now, String why) {
        LedgerEntry entry = new LedgerEntry(id.isEmpty() ? "(none)" : id, ballot.approve(), ballot.reason(), now,
                List.of(), List.of(), request.shown().fingerprint(), Status.REFUSED, why);
        return new VoteResult(new ApprovalLedger(request, requestedAt, append(entry), status, decidedAt), entry);
    }

    private List<LedgerEntry> append(LedgerEntry entry) {
        List<LedgerEntry> next = new ArrayList<>(entries);
        next.add(entry);
        return next;
    }

    /** What the counted votes decide, in order: the first rejection or the vote completing the quorum decides. */
    private record Outcome(ApprovalStatus status, Instant at, boolean countedAfter) {}

    private static Outcome derive(ApprovalRule rule, List<LedgerEntry> entries) {
        List<LedgerEntry> counted = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            LedgerEntry e = entries.get(i);
            if (!e.counted()) {
                continue;
            }
            counted.add(e);
            ApprovalStatus s = !e.approved() ? ApprovalStatus.REJECTED
                    : counted.stream().filter(LedgerEntry::approved).count() >= rule.required()
                            && missingRoles(rule, counted).isEmpty() ? ApprovalStatus.APPROVED
                    : ApprovalStatus.PENDING;
            if (s.isFinal()) {
                boolean after = entries.subList(i + 1, entries.size()).stream().anyMatch(LedgerEntry::counted);
                return new Outcome(s, e.at(), after);
            }
        }
        return new Outcome(ApprovalStatus.PENDING, null, false);
    }

    private static List<String> missingRoles(ApprovalRule rule, List<LedgerEntry> entries) {
        Set<String> held = new LinkedHashSet<>();
        entries.stream().filter(e -> e.counted() && e.approved()).forEach(e -> held.addAll(e.roles()));
        return rule.requiredRoles().stream().filter(r -> !held.contains(r)).toList();
    }

    private static Instant now(Clock clock) {
        return Objects.requireNonNull(clock, "clock").instant().truncatedTo(ChronoUnit.SECONDS);
    }

    @Override
    public String toString() {
        return "ApprovalLedger[" + request.id() + " " + describe() + "]";
    }
}
