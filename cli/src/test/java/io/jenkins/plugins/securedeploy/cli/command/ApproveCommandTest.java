package io.jenkins.plugins.securedeploy.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.cli.CliRun;
import io.jenkins.plugins.securedeploy.cli.ExitCode;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalLedger;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalLedgerReader;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalLedgerWriter;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalRequest;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalRule;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalStatus;
import io.jenkins.plugins.securedeploy.engine.approval.ShownReader;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApproveCommandTest {
    @TempDir
    Path dir;

    Path ledger;
    Path members;

    @BeforeEach
    void files() throws Exception {
        ledger = dir.resolve("ledger.json");
        members = dir.resolve("members.yml");
        Files.writeString(dir.resolve("rule.yml"), "required: 2\napprovers: ['group:release']\n");
        Files.writeString(dir.resolve("shown.json"), "{\"artifactDigest\": {\"sha256\": \"" + "ab".repeat(32)
                + "\"}, \"gateVerdict\": \"PASSED\"}");
        Files.writeString(members, "users:\n  alice: {groups: [release]}\n  bob: {groups: [release]}\n"
                + "  dave: {groups: [release]}\n");
    }

    CliRun request() {
        return CliRun.of("approve", "request", "--ledger", ledger.toString(), "--id", "app#42/prod", "--rule",
                dir.resolve("rule.yml").toString(), "--shown", dir.resolve("shown.json").toString(),
                "--triggered-by", "dave");
    }

    CliRun vote(String who, String how, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("approve", "--ledger", ledger.toString(), "--members",
                members.toString(), "--approver", who, how, "--reason", "checked"));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void shouldOpenVoteAndApproveWithTheDocumentedExitCodes() {
        CliRun opened = request();
        assertThat(opened.exitCode()).isEqualTo(ExitCode.PASS);
        assertThat(opened.out()).contains("Approval app#42/prod: PENDING: 0 of 2 approval(s)");
        assertThat(request().exitCode()).as("opened once").isEqualTo(ExitCode.ERROR);

        CliRun dave = vote("dave", "--approve");
        assertThat(dave.exitCode()).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(dave.out()).contains("Vote: dave approves at ").contains(": REFUSED - separation of duties");

        CliRun alice = vote("alice", "--approve");
        assertThat(alice.exitCode()).isEqualTo(ExitCode.PASS);
        assertThat(alice.out()).contains("PENDING: 1 of 2 approval(s)");
        assertThat(CliRun.of("approve", "status", "--ledger", ledger.toString()).exitCode())
                .as("pending blocks").isEqualTo(ExitCode.GATE_FAILED);

        CliRun bob = vote("bob", "--approve", "--json");
        assertThat(bob.exitCode()).isEqualTo(ExitCode.PASS);
        JsonNode doc = Json.strict().readTree(new java.io.ByteArrayInputStream(bob.out().getBytes(
                java.nio.charset.StandardCharsets.UTF_8)), "out");
        assertThat(doc.get("status").asText()).isEqualTo("APPROVED");
        assertThat(doc.get("vote").get("status").asText()).isEqualTo("COUNTED");
        assertThat(doc.get("entries")).hasSize(3);
        assertThat(doc.get("relaxations")).isEmpty();

        CliRun status = CliRun.of("approve", "status", "--ledger", ledger.toString());
        assertThat(status.exitCode()).isEqualTo(ExitCode.PASS);
        assertThat(status.out()).contains("APPROVED by alice, bob");
        assertThat(vote("dave", "--reject").exitCode()).as("decided: refused").isEqualTo(ExitCode.GATE_FAILED);
    }

    @Test
    void shouldExitOneWhenARejectionEndsIt() {
        request();
        CliRun no = vote("bob", "--reject");
        assertThat(no.exitCode()).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(no.out()).contains("Vote: bob rejects at ").contains("(\"checked\"): COUNTED").contains("REJECTED by bob: checked");
        assertThat(new ApprovalLedgerReader().read(ledger, "l").status()).isEqualTo(ApprovalStatus.REJECTED);
    }

    @Test
    void shouldRefuseAVoteOnWhatIsNoLongerShown() {
        request();
        CliRun stale = vote("alice", "--approve", "--shown", "sha256:" + "00".repeat(32));
        assertThat(stale.exitCode()).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(stale.out()).contains("the artifact digest or gate decision changed");
        assertThat(vote("alice", "--approve", "--shown", "nonsense").err())
                .startsWith("error: --shown: --shown must be a digest");
    }

    @Test
    void shouldExpireAtTheDeadlineWhenAskedForTheStatus() throws Exception {
        ApprovalLedger old = ApprovalLedger.open(new ApprovalRequest("old", ApprovalRule.of(1, List.of("alice"))
                .withTimeout(Duration.ofHours(1)), new ShownReader().read(dir.resolve("shown.json"), "s"), "",
                List.of()), Clock.fixed(Instant.parse("2020-01-01T00:00:00Z"), ZoneOffset.UTC));
        new ApprovalLedgerWriter().write(old, ledger);
        CliRun status = CliRun.of("approve", "status", "--ledger", ledger.toString());
        assertThat(status.exitCode()).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(status.out()).contains("EXPIRED after PT1H with 0 of 1 approval(s)");
        assertThat(new ApprovalLedgerReader().read(ledger, "l").status()).isEqualTo(ApprovalStatus.EXPIRED);
        CliRun late = vote("alice", "--approve");
        assertThat(late.exitCode()).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(late.out()).contains("the request is already EXPIRED");
    }

    @Test
    void shouldReportUsageAndBadInputWithoutAStackTrace() throws Exception {
        assertThat(CliRun.of("approve", "--ledger", ledger.toString()).exitCode()).isEqualTo(ExitCode.USAGE);
        request();
        CliRun both = vote("alice", "--approve", "--reject");
        assertThat(both.exitCode()).isEqualTo(ExitCode.USAGE);
        Files.writeString(ledger, "{\"format\": \"secure-deploy-approval-ledger\", \"version\": 1, \"bogus\": 1}");
        CliRun bad = vote("alice", "--approve");
        assertThat(bad.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(bad.err()).contains("ledger.json").contains("/bogus: unknown field").doesNotContain("\tat ");
        Files.delete(ledger);
        request();
        Files.writeString(members, "users: [alice]\n");
        assertThat(vote("alice", "--approve").err()).contains("members.yml");
    }
}
