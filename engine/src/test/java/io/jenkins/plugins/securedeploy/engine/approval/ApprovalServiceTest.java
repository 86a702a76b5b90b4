package io.jenkins.plugins.securedeploy.engine.approval;

import static io.jenkins.plugins.securedeploy.engine.approval.StaticApproverDirectory.member;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.audit.AuditAction;
import io.jenkins.plugins.securedeploy.engine.audit.AuditEvent;
import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.host.ApproverDirectory;
import io.jenkins.plugins.securedeploy.engine.policy.Verdict;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.TrustMaterial;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationPolicy;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationRequest;
import io.jenkins.plugins.securedeploy.engine.sign.dsse.DsseVerifier;
import io.jenkins.plugins.securedeploy.engine.testing.JcaTestKeys;
import io.jenkins.plugins.securedeploy.engine.testing.TestClocks;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApprovalServiceTest {
    static final DigestSet ARTIFACT = DigestSet.of(Hashing.sha256("app-1.0.0".getBytes(StandardCharsets.UTF_8)));
    static final ApproverDirectory PEOPLE = StaticApproverDirectory.of(member("alice", "release"),
            member("bob", "release"), member("dave", "release"));

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        Instant now = TestClocks.NOW;

        @Override
        public ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MovingClock clock = new MovingClock();
    final List<AuditEvent> audit = new ArrayList<>();
    final ApprovalService service = new ApprovalService(clock, audit::add);

    ApprovalLedger open(ApprovalRule rule) {
        Shown shown = new Shown(ARTIFACT, Verdict.PASSED, List.of(), Map.of(Severity.HIGH, 1), List.of("id:CVE-1"),
                Optional.empty(), Optional.empty());
        return service.open(new ApprovalRequest("team/app#42/prod", rule, shown, "dave", List.of()));
    }

    Ballot approve(ApprovalLedger l, String who) {
        return Ballot.approve(who, "reviewed", l.request().shown().fingerprint());
    }

    @Test
    void shouldRecordRequestVotesAndTheDecisionOnce() {
        ApprovalLedger l = open(ApprovalRule.of(2, List.of("group:release")));
        assertThat(audit).extracting(AuditEvent::action).containsExactly(AuditAction.APPROVAL_REQUESTED);
        assertThat(audit.get(0).actor()).isEqualTo("dave");

        ApprovalService.Step submitter = service.vote(l, approve(l, "dave"), PEOPLE);
        assertThat(submitter.entry().orElseThrow().counted()).isFalse();
        assertThat(submitter.decidedNow()).isFalse();

        ApprovalService.Step first = service.vote(submitter.ledger(), approve(l, "alice"), PEOPLE);
        assertThat(first.decidedNow()).isFalse();
        assertThat(first.decision()).isEmpty();
        ApprovalService.Step second = service.vote(first.ledger(), approve(l, "bob"), PEOPLE);
        assertThat(second.decidedNow()).isTrue();
        assertThat(second.decision().orElseThrow().isApproved()).isTrue();
        ApprovalService.Step late = service.vote(second.ledger(), approve(l, "alice"), PEOPLE);
        assertThat(late.decidedNow()).isFalse();

        assertThat(audit).extracting(AuditEvent::action).containsExactly(AuditAction.APPROVAL_REQUESTED,
                AuditAction.APPROVAL_VOTE, AuditAction.APPROVAL_VOTE, AuditAction.APPROVAL_VOTE,
                AuditAction.APPROVAL_DECIDED, AuditAction.APPROVAL_VOTE);
        assertThat(audit.get(1).actor()).isEqualTo("dave");
        assertThat(audit.get(4).note()).contains("APPROVED by alice, bob");
        assertThat(audit.get(4).refs()).extracting(r -> r.kind()).contains("approval", "artifact");
    }

    @Test
    void shouldExpireAtTheDeadlineAsARejection() {
        ApprovalLedger l = open(ApprovalRule.of(1, List.of("alice")).withTimeout(Duration.ofMinutes(30)));
        clock.now = clock.now.plus(Duration.ofMinutes(29));
        assertThat(service.expireIfDue(l).decidedNow()).isFalse();
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        ApprovalService.Step expired = service.expireIfDue(l);
        assertThat(expired.decidedNow()).isTrue();
        assertThat(expired.ledger().status()).isEqualTo(ApprovalStatus.EXPIRED);
        assertThat(expired.ledger().status().allowsDeployment()).isFalse();
        assertThat(service.expireIfDue(expired.ledger()).decidedNow()).isFalse();
        assertThat(audit).extracting(AuditEvent::action).containsExactly(AuditAction.APPROVAL_REQUESTED,
                AuditAction.APPROVAL_DECIDED);
    }

    @Test
    void shouldDecideExpiryWhenALateVoteIsTheFirstToNotice() {
        ApprovalLedger l = open(ApprovalRule.of(1, List.of("alice")).withTimeout(Duration.ofMinutes(30)));
        clock.now = clock.now.plus(Duration.ofHours(1));
        ApprovalService.Step late = service.vote(l, approve(l, "alice"), PEOPLE);
        assertThat(late.decidedNow()).isTrue();
        assertThat(late.ledger().status()).isEqualTo(ApprovalStatus.EXPIRED);
        assertThat(late.entry().orElseThrow().note()).contains("after the timeout");
    }

    @Test
    void shouldSignTheDecisionAsAnApprovalStatementAboutTheArtifact() {
        ApprovalLedger l = open(ApprovalRule.of(1, List.of("alice")).withoutRequiredReason());
        ApprovalDecision d = service.vote(l, approve(l, "alice"), PEOPLE).decision().orElseThrow();
        JcaTestKeys key = JcaTestKeys.generate();
        byte[] envelope = service.evidence(d, "app.tar.gz", List.of(key));
        String json = new String(envelope, StandardCharsets.UTF_8);
        assertThat(json).contains("payloadType");
        var result = new DsseVerifier().verify(VerificationRequest.of(new EvidenceFile("approval.intoto.json",
                envelope), null, TrustMaterial.ofPublicKeys(new EvidenceFile("k.pem", key.publicKeyPem()
                .getBytes(StandardCharsets.US_ASCII))), VerificationPolicy.STRICT.withoutArtifact()
                .withExpectedDigests(ARTIFACT)
                .withExpectedPredicateType("https://secure-deploy.jenkins.io/approval/v1")));
        assertThat(result.isVerified()).as(result.headline()).isTrue();
        assertThat(ApprovalEvidence.predicate(d).toJson()).containsEntry("decision", "APPROVED");
    }

    @Test
    void shouldSummariseTheLedgerForAPage() {
        ApprovalLedger l = open(ApprovalRule.of(2, List.of("group:release")).withoutSeparationOfDuties());
        ApprovalLedger voted = service.vote(l, approve(l, "alice"), PEOPLE).ledger();
        ApprovalSummary s = ApprovalSummary.of(voted, clock);
        assertThat(s.pending()).isTrue();
        assertThat(s.status()).isEqualTo("PENDING");
        assertThat(s.artifactDigests()).containsExactly(ARTIFACT.sha256().toString());
        assertThat(s.gateVerdict()).isEqualTo("PASSED");
        assertThat(s.findings()).containsExactly("HIGH: 1");
        assertThat(s.waivers()).containsExactly("id:CVE-1");
        assertThat(s.relaxations()).anySatisfy(r -> assertThat(r).contains("separationOfDuties=false"));
        assertThat(s.votes()).singleElement().satisfies(r -> {
            assertThat(r.approver()).isEqualTo("alice");
            assertThat(r.vote()).isEqualTo("approve");
            assertThat(r.status()).isEqualTo("COUNTED");
        });
        assertThat(s.shownFingerprint()).isEqualTo(l.request().shown().fingerprint().toString());
        clock.now = clock.now.plus(Duration.ofDays(2));
        assertThat(ApprovalSummary.of(voted, clock).status()).isEqualTo("EXPIRED");
        assertThat(ApprovalSummary.of(voted, clock).pending()).isFalse();
    }

    @Test
    void shouldShowTheGateReportsVerdictReasonsFindingsAndWaivers() {
        String report = "{\"format\":\"secure-deploy-gate-report\",\"version\":1,\"generatedAt\":\"2026-12-01T10:00:00Z\","
                + "\"decision\":{\"verdict\":\"FAILED\",\"allowsDeployment\":false,\"reasons\":[{\"outcome\":\"FAILED\","
                + "\"rule\":\"thresholds.total.high\",\"message\":\"1 HIGH finding(s) (max 0)\"}]},"
                + "\"summary\":{\"bySeverity\":{\"HIGH\":{\"total\":1,\"new\":1,\"waived\":0},"
                + "\"LOW\":{\"total\":0,\"new\":0,\"waived\":0}}},"
                + "\"waivers\":{\"applied\":[{\"kind\":\"id\",\"value\":\"CVE-2024-1\"}],\"expired\":[]}}";
        Shown s = ApprovalService.shown(ARTIFACT, new EvidenceFile("gate-report.json",
                report.getBytes(StandardCharsets.UTF_8)));
        assertThat(s.gateVerdict()).isEqualTo(Verdict.FAILED);
        assertThat(s.gateReasons()).containsExactly("FAILED thresholds.total.high: 1 HIGH finding(s) (max 0)");
        assertThat(s.findingsSummary()).containsExactly(Map.entry(Severity.HIGH, 1));
        assertThat(s.waiversApplied()).containsExactly("id:CVE-2024-1");
        assertThat(s.artifactDigest()).isEqualTo(ARTIFACT);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ApprovalService.shown(ARTIFACT, new EvidenceFile(
                "other.json", "{\"format\":\"x\"}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(io.jenkins.plugins.securedeploy.engine.core.InvalidInputException.class);
    }

    @Test
    void shouldMakeValidRequestIdsFromBuildIdsAndLabels() {
        assertThat(ApprovalRequest.idFor("team/app#42", "prod")).isEqualTo("team/app#42/prod");
        assertThat(ApprovalRequest.idFor("My Folder/app ü#7", "deploy prod")).isEqualTo("My-Folder/app--#7/deploy-prod");
        assertThat(ApprovalRequest.idFor("", "")).isEqualTo("approval");
        assertThat(ApprovalRequest.idFor(null, "-x")).isEqualTo("x");
        String longId = ApprovalRequest.idFor("a".repeat(300) + "#9", "prod");
        assertThat(longId).hasSize(190).endsWith("#9/prod");
        for (String id : List.of(ApprovalRequest.idFor("My Folder/app ü#7", "deploy prod"), longId)) {
            new ApprovalRequest(id, ApprovalRule.of(1, List.of("alice")), Shown.of(ARTIFACT, Verdict.PASSED), "",
                    List.of()); // accepted by the id rule
        }
    }

    @Test
    void shouldGiveRolesThroughUsersAndGroups() {
        RoleAssignments roles = new RoleAssignments(Map.of("security", List.of("group:sec", " carol "),
                "release-manager", List.of("bob")));
        assertThat(roles.rolesOf("alice", Set.of("sec"))).containsExactly("security");
        assertThat(roles.rolesOf("carol", Set.of())).containsExactly("security");
        assertThat(roles.rolesOf("bob", Set.of("sec"))).containsExactly("release-manager", "security");
        assertThat(roles.rolesOf("erin", Set.of("dev"))).isEmpty();
        assertThat(roles.membership("alice", Set.of(), Set.of("sec")).roles()).containsExactly("security");
        assertThat(RoleAssignments.none().rolesOf("x", Set.of())).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RoleAssignments(Map.of("two words",
                List.of()))).isInstanceOf(IllegalArgumentException.class);
    }
}
