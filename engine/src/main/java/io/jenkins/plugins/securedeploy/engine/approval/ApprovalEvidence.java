package io.jenkins.plugins.securedeploy.engine.approval;

import io.jenkins.plugins.securedeploy.engine.attest.ApprovalPredicate;
import io.jenkins.plugins.securedeploy.engine.attest.Attestor;
import io.jenkins.plugins.securedeploy.engine.attest.Statement;
import io.jenkins.plugins.securedeploy.engine.attest.StatementReader;
import io.jenkins.plugins.securedeploy.engine.attest.Subject;
import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.sign.DsseEnvelopeReader;
import io.jenkins.plugins.securedeploy.engine.sign.Signer;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationRequest;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationResult;
import io.jenkins.plugins.securedeploy.engine.sign.Verifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An approval decision as signed evidence, and its re-check before a later promotion. The decision becomes an in-toto
 * statement about the artifact (the digest the approvers were shown) with the {@link ApprovalPredicate}, signed in a
 * DSSE envelope by the system key; {@link #verify} accepts it only when the envelope's signature verifies against
 * trusted keys, the statement binds the artifact being promoted, the predicate is well formed, and the decision is
 * APPROVED. REJECTED and EXPIRED decisions are evidence too, but never let a promotion through.
 */
public final class ApprovalEvidence {
    /** The family name of {@link #verify}'s results. */
    public static final String FAMILY = "approval";

    private ApprovalEvidence() {}

    /** The approval predicate that records {@code decision}: exactly its rule, votes, what was shown and times. */
    public static ApprovalPredicate predicate(ApprovalDecision decision) {
        ApprovalRule r = decision.rule();
        List<ApprovalPredicate.Vote> votes = new ArrayList<>();
        for (ApprovalVote v : decision.votes()) {
            votes.add(new ApprovalPredicate.Vote(v.approver(), v.approved(), v.reason(), v.at(), v.groups()));
        }
        Shown s = decision.shown();
        Map<String, Long> summary = new LinkedHashMap<>();
        for (Map.Entry<Severity, Integer> e : s.findingsSummary().entrySet()) {
            summary.put(e.getKey().name(), e.getValue().longValue());
        }
        ApprovalPredicate.Shown shown = new ApprovalPredicate.Shown(digestMap(s.artifactDigest()),
                s.gateVerdict().name(), s.gateReasons(), summary, s.waiversApplied(),
                s.sbomDigest().map(ApprovalEvidence::digestMap).orElse(Map.of()),
                s.provenanceDigest().map(ApprovalEvidence::digestMap).orElse(Map.of()));
        return new ApprovalPredicate(ApprovalPredicate.Decision.valueOf(decision.decision().name()),
                new ApprovalPredicate.Rule(r.required(), r.approvers(), r.requiredRoles(), r.separationOfDuties(),
                        r.timeout(), r.reasonRequired()),
                votes, shown, decision.requestedAt(), decision.decidedAt());
    }

    /** The statement: subject {@code artifactName} with the digests the approvers were shown. */
    public static Statement statement(ApprovalDecision decision, String artifactName) {
        return Statement.of(List.of(Subject.of(artifactName, decision.shown().artifactDigest())),
                ApprovalPredicate.PREDICATE_TYPE, predicate(decision).toJson());
    }

    /** The signed DSSE envelope (JSON bytes) of {@link #statement}, one signature per signer. */
    public static byte[] sign(ApprovalDecision decision, String artifactName, List<? extends Signer> signers) {
        return new Attestor().attestJson(statement(decision, artifactName), signers);
    }

    /**
     * Re-checks approval evidence offline: {@code dsse} verifies the envelope against the request's trust material
     * and artifact (under the request's policy), then the statement must carry the approval predicate, bind the same
     * digests as the artifact, and record an APPROVED decision. Any other outcome is FAILED (or ERROR when the
     * evidence cannot be read), with the reason; never VERIFIED by default.
     */
    public static VerificationResult verify(Verifier dsse, VerificationRequest request) {
        String subject = request.describe();
        if (request.artifact().isEmpty()) {
            return VerificationResult.error(FAMILY, subject, List.of(problem("approval.no-artifact",
                    "approval evidence is checked against the artifact being promoted; none was given", request)));
        }
        VerificationResult signature = dsse.verify(request);
        if (!signature.isVerified()) {
            List<Problem> reasons = new ArrayList<>(signature.reasons());
            reasons.add(0, problem("approval.signature", "the approval's signature did not verify ("
                    + signature.status() + ")", request));
            return signature.status() == io.jenkins.plugins.securedeploy.engine.sign.VerificationStatus.ERROR
                    ? VerificationResult.error(FAMILY, subject, reasons)
                    : VerificationResult.failed(FAMILY, subject, reasons);
        }
        ApprovalPredicate predicate;
        try {
            byte[] payload = new DsseEnvelopeReader().read(request.evidence().content(), request.evidence().name(),
                    false).payload();
            Statement statement = new StatementReader().read(payload, request.evidence().name() + " (payload)", false);
            if (!ApprovalPredicate.PREDICATE_TYPE.equals(statement.predicateType())) {
                return VerificationResult.failed(FAMILY, subject, List.of(problem("approval.wrong-predicate",
                        "the signed statement is not an approval (predicate type " + statement.predicateType()
                                + ")", request)));
            }
            predicate = ApprovalPredicate.fromJson(statement.predicate(), request.evidence().name());
        } catch (InvalidInputException e) {
            return VerificationResult.error(FAMILY, subject, e.problems());
        }
        Optional<DigestSet> shown = new Subject("shown", predicate.shown().artifactDigest()).knownDigests();
        Optional<DigestSet> bound = signature.subjectDigests();
        if (shown.isEmpty() || bound.isEmpty() || !shown.get().matches(bound.get())) {
            return VerificationResult.failed(FAMILY, subject, List.of(problem("approval.other-artifact",
                    "the approvers were shown a different artifact digest than the one being promoted", request)));
        }
        if (predicate.decision() != ApprovalPredicate.Decision.APPROVED) {
            return VerificationResult.failed(FAMILY, subject, List.of(problem("approval.not-approved",
                    "the recorded decision is " + predicate.decision() + ", not APPROVED", request)));
        }
        return VerificationResult.verified(FAMILY, subject, signature.signers(), bound.get(),
                signature.signedAt().orElse(null), signature.relaxations());
    }

    private static Map<String, String> digestMap(DigestSet digests) {
        return Subject.of("d", digests).digest();
    }

    private static Problem problem(String code, String message, VerificationRequest request) {
        return Problem.of(code, message, Location.ofFile(request.evidence().name()));
    }
}
