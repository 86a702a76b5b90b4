package io.jenkins.plugins.securedeploy.engine.approval;

import static io.jenkins.plugins.securedeploy.engine.approval.ApprovalLedgerTest.SHOWN;
import static io.jenkins.plugins.securedeploy.engine.approval.ApprovalLedgerTest.approve;
import static io.jenkins.plugins.securedeploy.engine.approval.ApprovalLedgerTest.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.policy.Verdict;
import io.jenkins.plugins.securedeploy.engine.testing.SecretCanary;
import io.jenkins.plugins.securedeploy.engine.testing.TestClocks;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApprovalLedgerReaderTest {
    @TempDir
    Path dir;

    static final Shown FULL = new Shown(DigestSet.of(Hashing.sha256(new byte[] {7}), Hashing.bytes(new byte[] {7})
            .digests().values().stream().filter(d -> d.algorithm().id().equals("sha512")).findFirst().orElseThrow()),
            Verdict.FAILED, List.of("FAILED thresholds.new.high: 1 new HIGH finding(s) (max 0)",
                    "OVERRIDDEN by ops until 2026-01-20: hotfix"),
            Map.of(Severity.HIGH, 1, Severity.LOW, 3), List.of("id:CVE-2024-1#trivy"),
            Optional.of(DigestSet.of(Hashing.sha256(new byte[] {8}))), Optional.empty());

    static ApprovalLedger pending() {
        ApprovalRule rule = new ApprovalRule(2, List.of("alice", "group:release"), List.of("security"), true,
                Duration.ofHours(4), true);
        ApprovalLedger l = ApprovalLedger.open(new ApprovalRequest("job/app#42/prod", rule, FULL, "dave",
                List.of("carol@example.com", "erin")), TestClocks.fixed());
        l = approve(l, "alice", 1).ledger();
        return approve(l, "mallory", 2).ledger();
    }

    byte[] write(ApprovalLedger l) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ApprovalLedgerWriter().write(l, out);
        return out.toByteArray();
    }

    @Test
    void shouldRoundTripAndContinueWhereItStopped() throws Exception {
        ApprovalLedger before = pending();
        Path file = dir.resolve("ledger.json");
        new ApprovalLedgerWriter().write(before, file);
        ApprovalLedger restored = new ApprovalLedgerReader().read(file, "ledger.json");
        assertThat(restored.entries()).isEqualTo(before.entries());
        assertThat(restored.request()).isEqualTo(before.request());
        assertThat(restored.requestedAt()).isEqualTo(before.requestedAt());
        assertThat(write(restored)).isEqualTo(write(before));
        assertThat(restored.entries().get(1).status()).isEqualTo(LedgerEntry.Status.REFUSED);

        ApprovalLedger done = restored.vote(Ballot.approve("carol", "security reviewed", FULL.fingerprint()),
                ApprovalLedgerTest.PEOPLE, at(3)).ledger();
        // carol is a commit author: refused; bob lacks the role: still pending
        assertThat(done.status()).isEqualTo(ApprovalStatus.PENDING);
        assertThat(done.entries().get(2).note()).contains("commit author");
    }

    @Test
    void shouldRoundTripAnApprovedLedgerAndItsDecision() throws Exception {
        ApprovalRule rule = ApprovalRule.of(1, List.of("group:release"));
        ApprovalLedger l = approve(ApprovalLedger.open(new ApprovalRequest("r", rule, SHOWN, "", List.of()),
                TestClocks.fixed()), "bob", 1).ledger();
        ApprovalLedger back = new ApprovalLedgerReader().read(write(l), "l.json");
        assertThat(back.decision()).isEqualTo(l.decision());
        ApprovalLedger expired = ApprovalLedger.open(new ApprovalRequest("e", rule, SHOWN, "", List.of()),
                TestClocks.fixed()).expireIfDue(at(24 * 60));
        assertThat(new ApprovalLedgerReader().read(write(expired), "e.json").decision()).isEqualTo(expired.decision());
    }

    @Test
    void shouldWriteThePredicateBodyWithTheDocumentedFields() {
        ApprovalLedger l = approve(approve(ApprovalLedger.open(new ApprovalRequest("r", ApprovalRule.of(2, List.of(
                "group:release")), FULL, "", List.of()), TestClocks.fixed()), "alice", 1).ledger(), "bob", 2).ledger();
        String json = new String(new ApprovalDecisionWriter().write(l.decision().orElseThrow()),
                StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("{\"decision\":\"APPROVED\",\"rule\":{\"required\":2,\"approvers\":"
                + "[\"group:release\"],\"requiredRoles\":[],\"separationOfDuties\":true,\"timeout\":\"PT24H\","
                + "\"reasonRequired\":true},\"votes\":[{\"approver\":\"alice\",\"approved\":true,\"reason\":"
                + "\"checked the gate report\",\"at\":\"2026-01-15T10:01:00Z\",\"groups\":[\"release\"]},"
                + "{\"approver\":\"bob\",\"approved\":true,\"reason\":\"checked the gate report\",\"at\":"
                + "\"2026-01-15T10:02:00Z\",\"groups\":[\"release\"]}],\"shown\":{\"artifactDigest\":{\"sha256\":\""
                + FULL.artifactDigest().sha256().hex() + "\",\"sha512\":\"" + FULL.artifactDigest().digests().values()
                .stream().skip(1).findFirst().orElseThrow().hex() + "\"},\"gateVerdict\":\"FAILED\",\"gateReasons\":"
                + "[\"FAILED thresholds.new.high: 1 new HIGH finding(s) (max 0)\",\"OVERRIDDEN by ops until "
                + "2026-01-20: hotfix\"],\"findingsSummary\":{\"HIGH\":1,\"LOW\":3},\"waiversApplied\":"
                + "[\"id:CVE-2024-1#trivy\"],\"sbomDigest\":{\"sha256\":\"" + FULL.sbomDigest().orElseThrow().sha256()
                .hex() + "\"}},\"requestedAt\":\"2026-01-15T10:00:00Z\",\"decidedAt\":\"2026-01-15T10:02:00Z\"}");
    }

    @Test
    void shouldRefuseALedgerClaimingApprovalWithoutTheVotes() throws Exception {
        String forged = new String(write(pending()), StandardCharsets.UTF_8)
                .replace("\"status\" : \"PENDING\"", "\"status\" : \"APPROVED\"")
                .replace("\"deadline\"", "\"decidedAt\" : \"2026-01-15T10:03:00Z\",\n  \"deadline\"");
        assertThatThrownBy(() -> new ApprovalLedgerReader().read(forged.getBytes(StandardCharsets.UTF_8), "l.json"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("l.json")
                .hasMessageContaining("does not follow from the counted votes");
    }

    @Test
    void shouldRefuseAVoteCountedForADifferentShownBlock() throws Exception {
        String text = new String(write(pending()), StandardCharsets.UTF_8);
        String other = SHOWN.fingerprint().toString();
        String forged = text.replaceFirst("(\"shown\" : \")sha256:[0-9a-f]{64}", "$1" + other);
        assertThatThrownBy(() -> new ApprovalLedgerReader().read(forged.getBytes(StandardCharsets.UTF_8), "l.json"))
                .hasMessageContaining("different shown block");
    }

    @Test
    void shouldDetectAnEditedShownBlock() throws Exception {
        String forged = new String(write(pending()), StandardCharsets.UTF_8).replace("\"FAILED\"", "\"PASSED\"");
        assertThatThrownBy(() -> new ApprovalLedgerReader().read(forged.getBytes(StandardCharsets.UTF_8), "l.json"))
                .hasMessageContaining("does not match its fingerprint");
    }

    @Test
    void shouldLocateUnknownFieldsAndWrongTypes() throws Exception {
        String text = new String(write(pending()), StandardCharsets.UTF_8)
                .replace("\"triggeredBy\" : \"dave\"", "\"triggeredBy\" : 7, \"extra\" : true");
        assertThatThrownBy(() -> new ApprovalLedgerReader().read(text.getBytes(StandardCharsets.UTF_8), "l.json"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(p -> p.describe())
                        .anyMatch(s -> s.matches("l\\.json:\\d+:\\d+ at /extra: unknown field.*"))
                        .anyMatch(s -> s.matches("l\\.json:\\d+:\\d+ at /triggeredBy: must be a string.*")));
        assertThatThrownBy(() -> new ApprovalLedgerReader().read("{\"format\":\"x\"}".getBytes(
                StandardCharsets.UTF_8), "l.json")).hasMessageContaining("not a secure-deploy approval ledger");
        assertThatThrownBy(() -> new ApprovalLedgerReader().read(dir.resolve("none.json"), "none.json"))
                .hasMessageContaining("none.json: file does not exist");
    }

    @Test
    void shouldReplaceTheFileAtomicallyAndLeaveNoTemporaryFile() throws Exception {
        Path file = dir.resolve("ledger.json");
        Files.writeString(file, "old");
        new ApprovalLedgerWriter().write(pending(), file);
        assertThat(new ApprovalLedgerReader().read(file, "ledger.json").entries()).hasSize(2);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void shouldNeverEchoAValueInAnError() {
        SecretCanary canary = SecretCanary.create();
        String doc = "{\"format\":\"secure-deploy-approval-ledger\",\"version\":1,\"id\":\"x\",\"status\":\""
                + canary.value().replace("\"", "\\\"") + "\",\"requestedAt\":\"" + canary.value().replace("\"", "\\\"")
                + "\"}";
        assertThatThrownBy(() -> new ApprovalLedgerReader().read(doc.getBytes(StandardCharsets.UTF_8), "l.json"))
                .satisfies(canary::assertAbsentFromThrowable);
    }
}
