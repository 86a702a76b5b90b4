package io.jenkins.plugins.securedeploy.engine.approval;

import io.jenkins.plugins.securedeploy.engine.core.Digest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an approval page shows, as plain strings (the view model; a page reads getters and holds no logic): the
 * request's state now, the artifact digests, the gate verdict with its reasons, the findings per severity, the
 * waivers, the rule and its relaxations, who voted how, and the fingerprint a vote must post back.
 */
public record ApprovalSummary(String id, String status, String headline, boolean pending, String requestedAt,
        String deadline, List<String> artifactDigests, String gateVerdict, List<String> gateReasons,
        List<String> findings, List<String> waivers, String rule, List<String> relaxations, List<Row> votes,
        String shownFingerprint) {

    /** One ballot as recorded: counted, refused (with why) or voided. */
    public record Row(String approver, String vote, String reason, String at, String status, String note) {}

    public ApprovalSummary {
        Objects.requireNonNull(id, "id");
        artifactDigests = List.copyOf(artifactDigests);
        gateReasons = List.copyOf(gateReasons);
        findings = List.copyOf(findings);
        waivers = List.copyOf(waivers);
        relaxations = List.copyOf(relaxations);
        votes = List.copyOf(votes);
    }

    /** The ledger as of {@code clock} (a PENDING request past its deadline shows as EXPIRED). */
    public static ApprovalSummary of(ApprovalLedger stored, Clock clock) {
        ApprovalLedger l = stored.expireIfDue(clock);
        Shown s = l.request().shown();
        List<String> findings = new ArrayList<>();
        s.findingsSummary().forEach((severity, n) -> findings.add(severity.name() + ": " + n));
        List<Row> rows = l.entries().stream().map(e -> new Row(e.approver(), e.approved() ? "approve" : "reject",
                e.reason(), e.at().toString(), e.status().name(), e.note())).toList();
        return new ApprovalSummary(l.id(), l.status().name(), l.describe(), !l.status().isFinal(),
                l.requestedAt().toString(), l.deadline().toString(),
                s.artifactDigest().digests().values().stream().map(Digest::toString).toList(), s.gateVerdict().name(),
                s.gateReasons(), findings, s.waiversApplied(), l.request().rule().describe(),
                l.request().rule().relaxations(), rows, s.fingerprint().toString());
    }
}
