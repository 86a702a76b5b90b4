package io.jenkins.plugins.securedeploy.engine.approval;

import io.jenkins.plugins.securedeploy.engine.attest.ApprovalPredicate;
import io.jenkins.plugins.securedeploy.engine.attest.Attestor;
import io.jenkins.plugins.securedeploy.engine.attest.Statement;
import io.jenkins.plugins.securedeploy.engine.attest.Subject;
import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import io.jenkins.plugins.securedeploy.engine.sign.Signer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An {@link ApprovalDecision} as the approval predicate, and as a signed in-toto statement about the artifact. */
final class ApprovalEvidence {
    private ApprovalEvidence() {}

    static ApprovalPredicate predicate(ApprovalDecision d) {
        ApprovalRule r = d.rule();
        Shown s = d.shown();
        Map<String, Long> findings = new LinkedHashMap<>();
        s.findingsSummary().forEach((k, v) -> findings.put(k.name(), v.longValue()));
        return new ApprovalPredicate(ApprovalPredicate.Decision.valueOf(d.decision().name()),
                new ApprovalPredicate.Rule(r.required(), r.approvers(), r.requiredRoles(), r.separationOfDuties(),
                        r.timeout(), r.reasonRequired()),
                d.votes().stream().map(v -> new ApprovalPredicate.Vote(v.approver(), v.approved(), v.reason(), v.at(),
                        v.groups())).toList(),
                new ApprovalPredicate.Shown(digests(s.artifactDigest()), s.gateVerdict().name(), s.gateReasons(),
                        findings, s.waiversApplied(), s.sbomDigest().map(ApprovalEvidence::digests).orElse(Map.of()),
                        s.provenanceDigest().map(ApprovalEvidence::digests).orElse(Map.of())),
                d.requestedAt(), d.decidedAt());
    }

    static byte[] envelope(ApprovalDecision d, String subjectName, List<? extends Signer> signers) {
        Statement statement = Statement.of(List.of(Subject.of(subjectName, d.shown().artifactDigest())),
                ApprovalPredicate.PREDICATE_TYPE, predicate(d).toJson());
        return new Attestor().attestJson(statement, signers);
    }

    private static Map<String, String> digests(DigestSet set) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Digest digest : set.digests().values()) {
            out.put(digest.algorithm().id(), digest.hex());
        }
        return out;
    }
}
