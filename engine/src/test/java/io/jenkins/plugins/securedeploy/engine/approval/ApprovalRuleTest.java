package io.jenkins.plugins.securedeploy.engine.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.policy.GateDecision;
import io.jenkins.plugins.securedeploy.engine.policy.GateEvaluator;
import io.jenkins.plugins.securedeploy.engine.policy.GateInput;
import io.jenkins.plugins.securedeploy.engine.policy.GateOverride;
import io.jenkins.plugins.securedeploy.engine.policy.Policy;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyFloor;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyMerger;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyReader;
import io.jenkins.plugins.securedeploy.engine.policy.Verdict;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.testing.TestClocks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApprovalRuleTest {
    @TempDir
    Path dir;

    @Test
    void shouldDefaultToTheSecureSettings() {
        ApprovalRule r = ApprovalRule.of(2, List.of("alice", "group:release"));
        assertThat(r.separationOfDuties()).isTrue();
        assertThat(r.reasonRequired()).isTrue();
        assertThat(r.timeout()).isEqualTo(Duration.ofHours(24));
        assertThat(r.relaxations()).isEmpty();
        assertThat(r.users()).containsExactly("alice");
        assertThat(r.groups()).containsExactly("release");
        assertThat(r.describe()).isEqualTo("2 of [alice, group:release], timeout PT24H");
        assertThat(ApprovalRule.of(1, List.of("a")).withoutRequiredReason().relaxations())
                .containsExactly("reasonRequired=false: votes without a reason are counted",
                        "required=1: a single person can approve");
    }

    @Test
    void shouldRefuseRulesThatCanNeverBeMetOrNeverFailClosed() {
        assertThatThrownBy(() -> ApprovalRule.of(0, List.of("a"))).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> ApprovalRule.of(1, List.of())).hasMessageContaining("at least one approver");
        assertThatThrownBy(() -> ApprovalRule.of(3, List.of("a", "b"))).hasMessageContaining("can never be met");
        assertThatThrownBy(() -> ApprovalRule.of(1, List.of("a", "a"))).hasMessageContaining("twice");
        assertThatThrownBy(() -> ApprovalRule.of(1, List.of("a b"))).hasMessageContaining("without spaces");
        assertThatThrownBy(() -> ApprovalRule.of(1, List.of("group:"))).hasMessageContaining("without spaces");
        assertThatThrownBy(() -> ApprovalRule.of(1, List.of("a")).withTimeout(Duration.ZERO))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> ApprovalRule.of(1, List.of("a")).withTimeout(Duration.ofDays(31)))
                .hasMessageContaining("at most");
        assertThatThrownBy(() -> ApprovalRule.of(1, List.of("a")).withTimeout(Duration.ofMillis(1500)))
                .hasMessageContaining("whole seconds");
        assertThatThrownBy(() -> ApprovalRule.of(1, List.of("a")).withRequiredRoles(List.of("sec ops")))
                .hasMessageContaining("role names");
        assertThat(ApprovalRule.of(5, List.of("group:ops")).required()).as("a group may hold enough people")
                .isEqualTo(5);
    }

    @Test
    void shouldReadARuleFileWithDefaults() throws Exception {
        Path f = dir.resolve("rule.yml");
        Files.writeString(f, "required: 2\napprovers: [alice, 'group:release']\nrequiredRoles: [security]\n"
                + "timeout: PT4H\n");
        ApprovalRule r = new ApprovalRuleReader().read(f, "rule.yml");
        assertThat(r).isEqualTo(new ApprovalRule(2, List.of("alice", "group:release"), List.of("security"), true,
                Duration.ofHours(4), true));
    }

    @Test
    void shouldLocateEveryProblemInARuleFile() throws Exception {
        Path f = dir.resolve("rule.json");
        Files.writeString(f, "{\n  \"required\": \"two\",\n  \"approvers\": [1],\n  \"timeout\": \"4h\",\n"
                + "  \"separationOfDuties\": \"no\",\n  \"quorum\": 2\n}\n");
        assertThatThrownBy(() -> new ApprovalRuleReader().read(f, "rule.json"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(p -> p.describe())
                        .containsExactlyInAnyOrder(
                                "rule.json:6:3 at /quorum: unknown field (known: approvers, reasonRequired, required, "
                                        + "requiredRoles, separationOfDuties, timeout) [approval.rule.unknown-field]",
                                "rule.json:2:3 at /required: must be an integer [approval.rule.type]",
                                "rule.json:3:17 at /approvers/0: must be a string [approval.rule.type]",
                                "rule.json:5:3 at /separationOfDuties: must be true or false [approval.rule.type]",
                                "rule.json:4:3 at /timeout: must be an ISO-8601 duration such as PT24H or P2D "
                                        + "[approval.rule.duration]"));
        Files.writeString(f, "{\"required\": 3, \"approvers\": [\"a\"]}");
        assertThatThrownBy(() -> new ApprovalRuleReader().read(f, "rule.json")).hasMessageContaining("can never be met")
                .hasMessageContaining("[approval.rule.invalid]");
    }

    @Test
    void shouldShowWhatTheGateDecided() {
        Policy p = new PolicyMerger().merge(PolicyFloor.NONE, new PolicyReader().read("""
                version: 1
                thresholds: {total: {high: 0}}
                waivers:
                  - {id: CVE-1, tool: trivy, owner: alice, reason: not reachable, expires: 2026-12-31}
                """.getBytes(StandardCharsets.UTF_8), "p.yml"), LocalDate.of(2026, 1, 15));
        Finding waived = Finding.builder("trivy", "CVE-1").id("CVE-1").severity(Severity.HIGH).build();
        Finding high = Finding.builder("bandit", "B602").severity(Severity.HIGH).build();
        Finding low = Finding.builder("bandit", "B101").severity(Severity.LOW).build();
        GateDecision d = new GateEvaluator(TestClocks.fixed()).evaluate(GateInput.of(p, List.of(
                ScanResult.ok("trivy", "1", "t.json", List.of(waived)),
                ScanResult.ok("bandit", "1", "b.json", List.of(high, low))))
                .withOverride(new GateOverride("ops", "hotfix", "INC-1", LocalDate.of(2026, 1, 16))));
        DigestSet artifact = DigestSet.of(Hashing.sha256(new byte[] {1}));
        DigestSet sbom = DigestSet.of(Hashing.sha256(new byte[] {2}));
        Shown s = Shown.of(artifact, d, sbom, null);
        assertThat(s.gateVerdict()).isEqualTo(Verdict.FAILED);
        assertThat(s.gateReasons()).hasSize(2).last().asString().startsWith("OVERRIDDEN by ops until 2026-01-16");
        assertThat(s.findingsSummary()).isEqualTo(Map.of(Severity.HIGH, 2, Severity.LOW, 1));
        assertThat(s.waiversApplied()).containsExactly("id:CVE-1#trivy");
        assertThat(s.sbomDigest()).contains(sbom);
        assertThat(s.provenanceDigest()).isEmpty();
        assertThat(s.describe()).isEqualTo(artifact.sha256() + " gate FAILED, 3 finding(s), 1 waiver(s)");
    }

    @Test
    void shouldGiveEveryChangeOfWhatIsShownANewFingerprint() {
        DigestSet a = DigestSet.of(Hashing.sha256(new byte[] {1}));
        Shown base = new Shown(a, Verdict.PASSED, List.of("r"), Map.of(Severity.LOW, 1), List.of("w"),
                Optional.empty(), Optional.empty());
        List<Shown> variants = List.of(
                base.withArtifactDigest(DigestSet.of(Hashing.sha256(new byte[] {2}))),
                new Shown(a, Verdict.FAILED, List.of("r"), Map.of(Severity.LOW, 1), List.of("w"), Optional.empty(),
                        Optional.empty()),
                new Shown(a, Verdict.PASSED, List.of("r2"), Map.of(Severity.LOW, 1), List.of("w"), Optional.empty(),
                        Optional.empty()),
                new Shown(a, Verdict.PASSED, List.of("r"), Map.of(Severity.LOW, 2), List.of("w"), Optional.empty(),
                        Optional.empty()),
                new Shown(a, Verdict.PASSED, List.of("r"), Map.of(Severity.LOW, 1), List.of(), Optional.empty(),
                        Optional.empty()),
                new Shown(a, Verdict.PASSED, List.of(), Map.of(Severity.LOW, 1), List.of("r", "w"), Optional.empty(),
                        Optional.empty()),
                new Shown(a, Verdict.PASSED, List.of("r"), Map.of(Severity.LOW, 1), List.of("w"), Optional.of(a),
                        Optional.empty()),
                new Shown(a, Verdict.PASSED, List.of("r"), Map.of(Severity.LOW, 1), List.of("w"), Optional.empty(),
                        Optional.of(a)));
        assertThat(variants).extracting(Shown::fingerprint).doesNotHaveDuplicates()
                .doesNotContain(base.fingerprint());
        assertThat(new Shown(a, Verdict.PASSED, List.of("r"), Map.of(Severity.LOW, 1, Severity.HIGH, 0),
                List.of("w", "w"), null, null).fingerprint()).as("zero counts and duplicate waivers are not content")
                .isEqualTo(base.fingerprint());
        assertThatThrownBy(() -> new Shown(a, Verdict.PASSED, null, Map.of(Severity.LOW, -1), null, null, null))
                .hasMessageContaining(">= 0");
    }

    @Test
    void shouldReadAShownFile() throws Exception {
        Path f = dir.resolve("shown.json");
        String hex = "ab".repeat(32);
        Files.writeString(f, "{\"artifactDigest\": {\"sha256\": \"" + hex + "\"}, \"gateVerdict\": \"PASSED\","
                + " \"findingsSummary\": {\"LOW\": 2}, \"provenanceDigest\": {\"sha256\": \"" + hex + "\"}}");
        Shown s = new ShownReader().read(f, "shown.json");
        assertThat(s.findingsSummary()).isEqualTo(Map.of(Severity.LOW, 2));
        assertThat(s.provenanceDigest()).isPresent();
        Files.writeString(f, "{\"artifactDigest\": {\"md5\": \"00\"}, \"gateVerdict\": \"OK\","
                + " \"findingsSummary\": {\"low\": -1, \"HIGH\": 1.5}, \"sbomDigest\": []}");
        assertThatThrownBy(() -> new ShownReader().read(f, "shown.json"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(p -> p.code())
                        .containsExactlyInAnyOrder("approval.shown.digest", "approval.shown.verdict",
                                "approval.shown.severity", "approval.shown.type", "approval.shown.type"));
    }

    @Test
    void shouldReadAMembershipFile() throws Exception {
        Path f = dir.resolve("members.yml");
        Files.writeString(f, """
                users:
                  alice: {groups: [release], roles: [security], aliases: [alice@example.com]}
                  bob: {groups: [release, ops]}
                  erin:
                """);
        StaticApproverDirectory d = new ApproverDirectoryReader().read(f, "members.yml");
        assertThat(d.size()).isEqualTo(3);
        assertThat(d.lookup("alice").orElseThrow().roles()).containsExactly("security");
        assertThat(d.lookup("alice").orElseThrow().aliases()).containsExactly("alice@example.com");
        assertThat(d.lookup("erin").orElseThrow().groups()).isEmpty();
        assertThat(d.lookup("Alice")).as("ids are exact").isEmpty();
        Files.writeString(f, "users:\n  alice: {group: [release]}\n");
        assertThatThrownBy(() -> new ApproverDirectoryReader().read(f, "members.yml"))
                .hasMessageContaining("members.yml:2:")
                .hasMessageContaining("/users/alice/group: unknown field");
        Files.writeString(f, "people: {}\n");
        assertThatThrownBy(() -> new ApproverDirectoryReader().read(f, "members.yml"))
                .hasMessageContaining("unknown field");
    }
}
