package io.jenkins.plugins.securedeploy.engine.approval;

import static io.jenkins.plugins.securedeploy.engine.approval.StaticApproverDirectory.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.approval.ApprovalLedger.VoteResult;
import io.jenkins.plugins.securedeploy.engine.approval.LedgerEntry.Status;
import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.host.ApproverDirectory;
import io.jenkins.plugins.securedeploy.engine.host.ApproverDirectory.Membership;
import io.jenkins.plugins.securedeploy.engine.policy.Verdict;
import io.jenkins.plugins.securedeploy.engine.testing.TestClocks;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApprovalLedgerTest {
    static final DigestSet ARTIFACT = DigestSet.of(Hashing.sha256("app-1.0.0".getBytes(StandardCharsets.UTF_8)));
    static final Shown SHOWN = Shown.of(ARTIFACT, Verdict.PASSED);
    static final Clock T0 = TestClocks.fixed();

    static final ApproverDirectory PEOPLE = StaticApproverDirectory.of(
            member("alice", "release"),
            member("bob", "release", "ops"),
            new Membership("carol", Set.of("carol@example.com"), Set.of("release"), Set.of("security")),
            member("dave", "ops"),
            member("erin"));

    static ApprovalLedger ledger(ApprovalRule rule) {
        return ApprovalLedger.open(new ApprovalRequest("job/app#42/prod", rule, SHOWN, "dave",
                List.of("carol@example.com")), T0);
    }

    static Clock at(long minutes) {
        return TestClocks.fixed(TestClocks.NOW.plusSeconds(minutes * 60));
    }

    static VoteResult approve(ApprovalLedger l, String who, long minute) {
        return l.vote(Ballot.approve(who, "checked the gate report", l.request().shown().fingerprint()), PEOPLE,
                at(minute));
    }

    @Test
    void shouldApproveWhenTheQuorumIsReached() {
        ApprovalLedger l = ledger(ApprovalRule.of(2, List.of("group:release")));
        VoteResult first = approve(l, "alice", 1);
        assertThat(first.accepted()).isTrue();
        assertThat(first.ledger().status()).isEqualTo(ApprovalStatus.PENDING);
        assertThat(first.ledger().describe()).startsWith("PENDING: 1 of 2 approval(s)");
        assertThat(first.ledger().decision()).isEmpty();

        VoteResult second = approve(first.ledger(), "bob", 2);
        assertThat(second.ledger().status()).isEqualTo(ApprovalStatus.APPROVED);
        ApprovalDecision d = second.ledger().decision().orElseThrow();
        assertThat(d.isApproved()).isTrue();
        assertThat(d.headline()).isEqualTo("APPROVED by alice, bob");
        assertThat(d.votes()).extracting(ApprovalVote::approver).containsExactly("alice", "bob");
        assertThat(d.votes().get(1).groups()).containsExactly("release");
        assertThat(d.requestedAt()).isEqualTo(TestClocks.NOW);
        assertThat(d.decidedAt()).isEqualTo(TestClocks.NOW.plusSeconds(120));
        assertThat(d.shown()).isEqualTo(SHOWN);
    }

    @Test
    void shouldStayPendingWhileTheQuorumIsNotReached() {
        ApprovalLedger l = ledger(ApprovalRule.of(3, List.of("alice", "bob", "group:ops")));
        l = approve(l, "alice", 1).ledger();
        l = approve(l, "bob", 2).ledger();
        assertThat(l.status()).isEqualTo(ApprovalStatus.PENDING);
        assertThat(l.approvals()).isEqualTo(2);
        assertThat(l.statusAt(at(60))).isEqualTo(ApprovalStatus.PENDING);
    }

    @Test
    void shouldRefuseTheSubmitterUnderSeparationOfDuties() {
        ApprovalLedger l = ledger(ApprovalRule.of(1, List.of("group:ops")));
        VoteResult r = approve(l, "dave", 1);
        assertThat(r.accepted()).isFalse();
        assertThat(r.refusal()).contains("triggered the build");
        assertThat(r.entry().status()).isEqualTo(Status.REFUSED);
        assertThat(r.ledger().entries()).containsExactly(r.entry());
        assertThat(r.ledger().status()).isEqualTo(ApprovalStatus.PENDING);
    }

    @Test
    void shouldRefuseTheCommitAuthorByAliasIgnoringCase() {
        ApprovalLedger l = ApprovalLedger.open(new ApprovalRequest("a1", ApprovalRule.of(1, List.of("carol")),
                SHOWN, "", List.of("Carol@Example.com")), T0);
        VoteResult r = approve(l, "carol", 1);
        assertThat(r.accepted()).isFalse();
        assertThat(r.refusal()).contains("commit author");
    }

    @Test
    void shouldLetTheSubmitterApproveOnlyWhenSeparationOfDutiesIsExplicitlyOff() {
        ApprovalRule relaxed = ApprovalRule.of(1, List.of("group:ops")).withoutSeparationOfDuties();
        assertThat(relaxed.relaxations()).anyMatch(s -> s.startsWith("separationOfDuties=false"));
        assertThat(approve(ledger(relaxed), "dave", 1).ledger().status()).isEqualTo(ApprovalStatus.APPROVED);
    }

    @Test
    void shouldCountOnePersonOnceThroughTwoGroups() {
        ApprovalLedger l = ledger(ApprovalRule.of(2, List.of("group:release", "group:ops")));
        VoteResult first = approve(l, "bob", 1);
        assertThat(first.entry().groups()).containsExactly("release", "ops");
        VoteResult again = approve(first.ledger(), "bob", 2);
        assertThat(again.accepted()).isFalse();
        assertThat(again.refusal()).contains("one person counts once");
        assertThat(again.ledger().approvals()).isEqualTo(1);
        assertThat(again.ledger().status()).isEqualTo(ApprovalStatus.PENDING);
    }

    @Test
    void shouldCountTheRealmsCanonicalIdSoCaseVariantsAreOnePerson() {
        ApproverDirectory caseInsensitive = id -> Optional.of(member("alice", "release"))
                .filter(m -> id.equalsIgnoreCase("alice"));
        ApprovalLedger l = ledger(ApprovalRule.of(2, List.of("group:release")));
        Digest seen = l.request().shown().fingerprint();
        VoteResult first = l.vote(Ballot.approve("alice", "ok", seen), caseInsensitive, at(1));
        VoteResult second = first.ledger().vote(Ballot.approve("ALICE", "ok", seen), caseInsensitive, at(2));
        assertThat(second.accepted()).isFalse();
        assertThat(second.ledger().approvals()).isEqualTo(1);
    }

    @Test
    void shouldWaitForTheRequiredRole() {
        ApprovalLedger l = ApprovalLedger.open(new ApprovalRequest("a2", ApprovalRule.of(2, List.of(
                "group:release")).withRequiredRoles(List.of("security")), SHOWN, "", List.of()), T0);
        l = approve(l, "alice", 1).ledger();
        l = approve(l, "bob", 2).ledger();
        assertThat(l.approvals()).isEqualTo(2);
        assertThat(l.status()).as("quorum met but nobody from security").isEqualTo(ApprovalStatus.PENDING);
        assertThat(l.missingRoles()).containsExactly("security");
        assertThat(l.describe()).contains("missing role(s) [security]");
        VoteResult carol = approve(l, "carol", 3);
        assertThat(carol.entry().roles()).containsExactly("security");
        assertThat(carol.ledger().status()).isEqualTo(ApprovalStatus.APPROVED);
    }

    @Test
    void shouldExpireAtTheTimeoutAndTreatItAsARejection() {
        ApprovalLedger l = ledger(ApprovalRule.of(2, List.of("group:release")).withTimeout(Duration.ofHours(1)));
        l = approve(l, "alice", 1).ledger();
        assertThat(l.statusAt(at(59))).isEqualTo(ApprovalStatus.PENDING);
        assertThat(l.statusAt(at(60))).isEqualTo(ApprovalStatus.EXPIRED);
        ApprovalLedger expired = l.expireIfDue(at(90));
        ApprovalDecision d = expired.decision().orElseThrow();
        assertThat(d.decision()).isEqualTo(ApprovalStatus.EXPIRED);
        assertThat(d.isApproved()).isFalse();
        assertThat(d.decision().allowsDeployment()).isFalse();
        assertThat(d.decidedAt()).as("decided at the deadline, not when noticed")
                .isEqualTo(TestClocks.NOW.plus(Duration.ofHours(1)));
        assertThat(d.headline()).isEqualTo("EXPIRED after PT1H with 1 of 2 approval(s)");

        VoteResult late = approve(l, "bob", 61);
        assertThat(late.accepted()).isFalse();
        assertThat(late.refusal()).contains("after the timeout");
        assertThat(late.ledger().status()).isEqualTo(ApprovalStatus.EXPIRED);
    }

    @Test
    void shouldEndOnTheFirstEligibleRejection() {
        ApprovalLedger l = ledger(ApprovalRule.of(2, List.of("group:release")));
        l = approve(l, "alice", 1).ledger();
        VoteResult no = l.vote(Ballot.reject("bob", "tests not run", SHOWN.fingerprint()), PEOPLE, at(2));
        assertThat(no.accepted()).isTrue();
        assertThat(no.ledger().status()).isEqualTo(ApprovalStatus.REJECTED);
        assertThat(no.ledger().decision().orElseThrow().headline()).isEqualTo("REJECTED by bob: tests not run");
        VoteResult after = approve(no.ledger(), "carol", 3);
        assertThat(after.accepted()).isFalse();
        assertThat(after.refusal()).isEqualTo("the request is already REJECTED");
        assertThat(after.ledger().decision()).isEqualTo(no.ledger().decision());
    }

    @Test
    void shouldNotLetAnIneligibleRejectionEndIt() {
        ApprovalLedger l = ledger(ApprovalRule.of(1, List.of("group:release")));
        VoteResult r = l.vote(Ballot.reject("erin", "no", SHOWN.fingerprint()), PEOPLE, at(1));
        assertThat(r.accepted()).isFalse();
        assertThat(r.refusal()).contains("not an approver");
        assertThat(r.ledger().status()).isEqualTo(ApprovalStatus.PENDING);
    }

    @Test
    void shouldVoidVotesWhenTheDigestChangesMidApproval() {
        ApprovalLedger l = ledger(ApprovalRule.of(2, List.of("group:release")));
        l = approve(l, "alice", 1).ledger();
        Shown rebuilt = SHOWN.withArtifactDigest(DigestSet.of(Hashing.sha256(new byte[] {1})));
        ApprovalLedger changed = l.resubmit(rebuilt, at(5));
        assertThat(changed.approvals()).isZero();
        assertThat(changed.entries().get(0).status()).isEqualTo(Status.VOIDED);
        assertThat(changed.entries().get(0).note()).contains("what is shown changed");
        assertThat(changed.deadline()).as("a rebuild does not extend the deadline").isEqualTo(l.deadline());
        assertThat(l.resubmit(SHOWN, at(5))).as("the same block changes nothing").isSameAs(l);

        VoteResult stale = changed.vote(Ballot.approve("bob", "ok", SHOWN.fingerprint()), PEOPLE, at(6));
        assertThat(stale.accepted()).as("bob saw the old artifact").isFalse();
        assertThat(stale.refusal()).contains("changed");

        ApprovalLedger again = approve(approve(changed, "alice", 7).ledger(), "bob", 8).ledger();
        assertThat(again.status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(again.decision().orElseThrow().shown().artifactDigest()).isEqualTo(rebuilt.artifactDigest());
    }

    @Test
    void shouldNotReopenADecidedRequest() {
        ApprovalLedger approved = approve(ledger(ApprovalRule.of(1, List.of("alice"))), "alice", 1).ledger();
        Shown rebuilt = SHOWN.withArtifactDigest(DigestSet.of(Hashing.sha256(new byte[] {2})));
        assertThatThrownBy(() -> approved.resubmit(rebuilt, at(2))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already APPROVED");
    }

    @Test
    void shouldRequireAReasonUnlessRelaxed() {
        ApprovalLedger l = ledger(ApprovalRule.of(1, List.of("alice")));
        VoteResult r = l.vote(Ballot.approve("alice", "   ", SHOWN.fingerprint()), PEOPLE, at(1));
        assertThat(r.refusal()).isEqualTo("a reason is required");
        VoteResult ok = ledger(ApprovalRule.of(1, List.of("alice")).withoutRequiredReason())
                .vote(Ballot.approve("alice", "", SHOWN.fingerprint()), PEOPLE, at(1));
        assertThat(ok.accepted()).isTrue();
    }

    @Test
    void shouldRefuseUnknownUsersAndAFailingDirectory() {
        ApprovalLedger l = ledger(ApprovalRule.of(1, List.of("mallory")));
        assertThat(approve(l, "mallory", 1).refusal()).contains("does not know this user");
        ApproverDirectory down = id -> {
            throw new IllegalStateException("LDAP down at ldap://10.0.0.1");
        };
        VoteResult r = l.vote(Ballot.approve("mallory", "ok", SHOWN.fingerprint()), down, at(1));
        assertThat(r.accepted()).isFalse();
        assertThat(r.refusal()).contains("IllegalStateException").doesNotContain("ldap://");
        assertThat(l.vote(Ballot.approve(" ", "ok", SHOWN.fingerprint()), PEOPLE, at(1)).entry().approver())
                .isEqualTo("(none)");
    }

    @Test
    void shouldTreatAFailingDirectoryDuringTheSubmitterCheckAsTheSubmitter() {
        ApproverDirectory flaky = id -> {
            if (id.equals("alice")) {
                return Optional.of(member("alice", "release"));
            }
            throw new IllegalStateException("realm timeout");
        };
        ApprovalLedger l = ApprovalLedger.open(new ApprovalRequest("a3", ApprovalRule.of(1, List.of("alice")),
                SHOWN, "someone-else", List.of()), T0);
        VoteResult r = l.vote(Ballot.approve("alice", "ok", SHOWN.fingerprint()), flaky, at(1));
        assertThat(r.accepted()).as("fail closed: cannot prove alice is not the submitter").isFalse();
    }

    @Test
    void shouldKeepReasonsOnOneBoundedLine() {
        Ballot b = Ballot.approve("alice", "line1\nline2\u0007" + "x".repeat(5000), SHOWN.fingerprint());
        assertThat(b.reason()).startsWith("line1 line2 ").hasSize(Ballot.MAX_REASON);
    }

    @Test
    void shouldRecordTimesInWholeSeconds() {
        Clock odd = TestClocks.fixed(Instant.parse("2026-01-15T10:00:00.987Z"));
        ApprovalLedger l = ApprovalLedger.open(new ApprovalRequest("a4", ApprovalRule.of(1, List.of("alice")),
                SHOWN, "", List.of()), odd);
        assertThat(l.requestedAt()).isEqualTo(TestClocks.NOW);
        assertThat(l.vote(Ballot.approve("alice", "ok", SHOWN.fingerprint()), PEOPLE,
                TestClocks.fixed(Instant.parse("2026-01-15T10:01:00.5Z"))).entry().at())
                .isEqualTo(Instant.parse("2026-01-15T10:01:00Z"));
    }
}
