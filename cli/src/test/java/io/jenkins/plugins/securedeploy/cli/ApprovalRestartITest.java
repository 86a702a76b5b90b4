package io.jenkins.plugins.securedeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.approval.ApprovalLedger;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalLedgerReader;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalLedgerWriter;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalRequest;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalRule;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalStatus;
import io.jenkins.plugins.securedeploy.engine.approval.Ballot;
import io.jenkins.plugins.securedeploy.engine.approval.Shown;
import io.jenkins.plugins.securedeploy.engine.approval.StaticApproverDirectory;
import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.policy.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restart mid-approval: the ledger is serialised here, restored in a new JVM (the packaged CLI) and continued. */
class ApprovalRestartITest {
    @TempDir
    Path dir;

    @Test
    void shouldContinueAnApprovalInANewProcess() throws Exception {
        Shown shown = Shown.of(DigestSet.of(Hashing.sha256(new byte[] {42})), Verdict.PASSED);
        ApprovalLedger started = ApprovalLedger.open(new ApprovalRequest("app#7/prod", ApprovalRule.of(2, List.of(
                "group:release")), shown, "dave", List.of()), Clock.systemUTC());
        started = started.vote(Ballot.approve("alice", "checked", shown.fingerprint()), StaticApproverDirectory.of(
                StaticApproverDirectory.member("alice", "release")), Clock.systemUTC()).ledger();
        Path ledger = dir.resolve("ledger.json");
        new ApprovalLedgerWriter().write(started, ledger);
        Files.writeString(dir.resolve("members.yml"), "users:\n  bob: {groups: [release]}\n");

        JarITest.ProcessResult second = JarITest.run("approve", "--ledger", ledger.toString(), "--members",
                dir.resolve("members.yml").toString(), "--approver", "bob", "--approve", "--reason", "after restart",
                "--shown", shown.fingerprint().toString());
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.output()).contains("APPROVED by alice, bob");

        ApprovalLedger back = new ApprovalLedgerReader().read(ledger, "ledger.json");
        assertThat(back.status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(back.entries().subList(0, 1)).isEqualTo(started.entries());
        assertThat(back.decision().orElseThrow().votes()).extracting(v -> v.approver()).containsExactly("alice", "bob");
    }
}
