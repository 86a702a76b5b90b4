package io.jenkins.plugins.securedeploy.engine.approval;

import io.jenkins.plugins.securedeploy.engine.attest.GateReportReader;
import io.jenkins.plugins.securedeploy.engine.attest.ScanPredicate;
import io.jenkins.plugins.securedeploy.engine.audit.AuditAction;
import io.jenkins.plugins.securedeploy.engine.audit.AuditEvent;
import io.jenkins.plugins.securedeploy.engine.audit.AuditRef;
import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.host.ApproverDirectory;
import io.jenkins.plugins.securedeploy.engine.policy.Verdict;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.Signer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The approval service a host calls: opens a request, casts a ballot, expires a request whose deadline passed, and
 * signs the decision as evidence. Each step returns the new ledger (the host persists it, secret-free) and records
 * what happened in the audit log ({@code approval.requested}, {@code approval.vote} for every ballot, counted or
 * refused, and {@code approval.decided} once), so no host assembles audit events itself.
 */
public final class ApprovalService {
    private final Clock clock;
    private final Consumer<AuditEvent> audit;

    public ApprovalService(Clock clock, Consumer<AuditEvent> audit) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /**
     * A step's outcome: the ledger now, the ballot as recorded (for a vote), and whether this step decided it (the
     * host then resumes the waiting build exactly once).
     */
    public record Step(ApprovalLedger ledger, Optional<LedgerEntry> entry, boolean decidedNow) {
        public Step {
            Objects.requireNonNull(ledger, "ledger");
            entry = entry == null ? Optional.empty() : entry;
        }

        /** The decision when final; empty while PENDING. */
        public Optional<ApprovalDecision> decision() {
            return ledger.decision();
        }
    }

    /**
     * What approvers are shown for {@code artifact}: the verdict, reasons, findings per severity and waivers of the
     * gate report ({@code gate-report.json}) the build's security gate wrote. A report of another format is an
     * {@link io.jenkins.plugins.securedeploy.engine.core.InvalidInputException} naming the field.
     */
    public static Shown shown(DigestSet artifact, EvidenceFile gateReport) {
        ScanPredicate gate = new GateReportReader().read(gateReport.content(), gateReport.name(), null);
        Map<Severity, Integer> findings = new EnumMap<>(Severity.class);
        gate.findingsBySeverity().forEach((severity, n) -> findings.merge(Severity.parseOrUnknown(severity), n.intValue(),
                Integer::sum));
        return new Shown(artifact, Verdict.valueOf(gate.gateVerdict()), gate.reasons(), findings,
                gate.waiversApplied(), Optional.empty(), Optional.empty());
    }

    /** Opens the request now and records {@code approval.requested}. */
    public ApprovalLedger open(ApprovalRequest request) {
        ApprovalLedger ledger = ApprovalLedger.open(request, clock);
        audit.accept(AuditEvent.of(AuditAction.APPROVAL_REQUESTED, actor(request.triggeredBy()), "approval "
                + request.id() + " requested: " + request.rule().describe(), refs(ledger)));
        return ledger;
    }

    /** Casts the ballot; records the vote and, when it decides the request, the decision. */
    public Step vote(ApprovalLedger ledger, Ballot ballot, ApproverDirectory directory) {
        boolean wasFinal = ledger.status().isFinal();
        ApprovalLedger.VoteResult result = ledger.vote(ballot, directory, clock);
        LedgerEntry e = result.entry();
        audit.accept(AuditEvent.of(AuditAction.APPROVAL_VOTE, actor(e.approver()), e.describe(),
                refs(result.ledger())));
        boolean decidedNow = !wasFinal && result.ledger().status().isFinal();
        if (decidedNow) {
            decided(result.ledger());
        }
        return new Step(result.ledger(), Optional.of(e), decidedNow);
    }

    /** EXPIRED (a rejection) when the deadline has passed while PENDING; records the decision once. */
    public Step expireIfDue(ApprovalLedger ledger) {
        ApprovalLedger now = ledger.expireIfDue(clock);
        if (now != ledger) {
            decided(now);
            return new Step(now, Optional.empty(), true);
        }
        return new Step(ledger, Optional.empty(), false);
    }

    /**
     * The decision as signed evidence: an in-toto statement about the artifact the approvers were shown, with the
     * approval predicate, in a DSSE envelope (JSON bytes).
     */
    public byte[] evidence(ApprovalDecision decision, String subjectName, List<? extends Signer> signers) {
        return ApprovalEvidence.sign(decision, subjectName, signers);
    }

    private void decided(ApprovalLedger ledger) {
        ApprovalDecision d = ledger.decision().orElseThrow();
        audit.accept(AuditEvent.of(AuditAction.APPROVAL_DECIDED, AuditEvent.SYSTEM, "approval " + ledger.id() + " "
                + d.headline(), refs(ledger)));
    }

    private static String actor(String id) {
        return id == null || id.isBlank() ? AuditEvent.SYSTEM : id;
    }

    private static AuditRef[] refs(ApprovalLedger ledger) {
        List<AuditRef> refs = new ArrayList<>();
        refs.add(AuditRef.of(AuditRef.Kind.APPROVAL, ledger.id()));
        ledger.request().shown().artifactDigest().digests().values().forEach(d -> refs.add(AuditRef.artifact(d)));
        return refs.toArray(AuditRef[]::new);
    }
}
