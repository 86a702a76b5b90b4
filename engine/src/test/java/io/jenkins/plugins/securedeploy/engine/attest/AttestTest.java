package io.jenkins.plugins.securedeploy.engine.attest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.host.BuildContext;
import io.jenkins.plugins.securedeploy.engine.sign.DsseEnvelope;
import io.jenkins.plugins.securedeploy.engine.sign.DsseEnvelopeReader;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.SignFixtures;
import io.jenkins.plugins.securedeploy.engine.sign.TrustMaterial;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationPolicy;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationRequest;
import io.jenkins.plugins.securedeploy.engine.sign.dsse.DsseVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AttestTest {
    static final Instant START = Instant.parse("2026-12-01T10:00:00.123Z");
    static final BuildContext CONTEXT = new BuildContext("team/app", "42", "https://ci.example/job/app/42/",
            "0123abcd", "https://ci.example/", START);

    static Subject subject() {
        return Subject.of("app.bin", Hashing.bytes(SignFixtures.ARTIFACT));
    }

    @Test
    void shouldBuildSlsaProvenanceFromTheBuildContextWithTheSbom() {
        ResourceDescriptor sbom = ResourceDescriptor.of("sbom.json", Hashing.bytes(new byte[] {1}),
                ResourceDescriptor.CYCLONEDX_JSON);
        Statement s = new ProvenanceBuilder(CONTEXT).build(List.of(subject()), sbom, List.of(),
                Instant.parse("2026-12-01T10:05:00Z"));
        assertThat(s.type()).isEqualTo(Statement.TYPE_V1);
        assertThat(s.predicateType()).isEqualTo("https://slsa.dev/provenance/v1");
        String json = new String(s.toCanonicalJson(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"builder\":{\"id\":\"https://ci.example/\"}")
                .contains("\"invocationId\":\"42\"").contains("\"startedOn\":\"2026-12-01T10:00:00Z\"")
                .contains("\"finishedOn\":\"2026-12-01T10:05:00Z\"")
                .contains("\"resolvedDependencies\":[{\"digest\":{\"sha256\":\"" + Hashing.sha256(new byte[] {1}).hex())
                .contains("\"byproducts\":[").contains("\"externalParameters\":{\"commit\":\"0123abcd\",\"job\":\"team/app\"}");
        Statement back = new StatementReader().read(s.toCanonicalJson(), "p", true);
        assertThat(back).isEqualTo(s);
    }

    @Test
    void shouldSignAStatementIntoAnEnvelopeThatVerifies() {
        Statement s = Statement.of(List.of(subject()), ScanPredicate.PREDICATE_TYPE, Map.of());
        byte[] json = new Attestor().attestJson(s, List.of(SignFixtures.signer(), SignFixtures.otherSigner()));
        DsseEnvelope e = new DsseEnvelopeReader().read(json, "e", true);
        assertThat(e.payloadType()).isEqualTo("application/vnd.in-toto+json");
        assertThat(e.payload()).isEqualTo(s.toCanonicalJson());
        assertThat(e.signatures()).extracting(DsseEnvelope.Signature::keyId)
                .containsExactly(SignFixtures.signer().keyId(), SignFixtures.otherSigner().keyId());
        TrustMaterial both = new TrustMaterial(List.of(SignFixtures.evidence("keys/test-p256.pub.pem"),
                SignFixtures.evidence("keys/other-p256.pub.pem")), List.of(), List.of(), Optional.empty());
        assertThat(new DsseVerifier().verify(VerificationRequest.of(new EvidenceFile("e", json),
                SignFixtures.artifact(), both, VerificationPolicy.STRICT)).signers()).hasSize(2);
        assertThatThrownBy(() -> new Attestor().attest(s, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldReadStatementsStrictlyWithLocatedProblems() {
        assertProblem("{\"_type\":\"https://in-toto.io/Statement/v1\",\"_type\":\"x\"}", "json.duplicate-key");
        assertProblem("{\"_type\":\"https://example.com/v2\",\"subject\":[{\"digest\":{\"sha256\":\"00\"}}],"
                + "\"predicateType\":\"p\"}", "statement.unknown-type");
        assertProblem("{\"_type\":\"https://in-toto.io/Statement/v1\",\"predicateType\":\"p\"}",
                "statement.missing-subject");
        assertProblem("{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[],\"predicateType\":\"p\"}",
                "statement.missing-subject");
        assertProblem("{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"name\":\"a\",\"digest\":"
                + "{\"sha256\":\"ABC\"}}],\"predicateType\":\"p\"}", "statement.subject-digest");
        assertProblem("{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"name\":\"a\",\"digest\":"
                + "{\"x\":\"1\"}}],\"extra\":1,\"predicateType\":\"p\"}", "statement.unknown-field");
        assertProblem("{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"name\":\"a\",\"digest\":"
                + "{\"x\":\"1\"}}]}", "statement.missing");
        assertProblem("{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"name\":\"a\",\"dig", "json.truncated");
        assertProblem("[]", "statement.not-object");
        assertProblem("", "statement.empty");
    }

    private static void assertProblem(String json, String code) {
        assertThatThrownBy(() -> new StatementReader().read(json.getBytes(StandardCharsets.UTF_8), "s.json", true))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::code).contains(code))
                .hasMessageContaining("s.json");
    }

    @Test
    void shouldWriteAndReadTheApprovalPredicateWithExactlyItsFields() {
        ApprovalPredicate p = new ApprovalPredicate(ApprovalPredicate.Decision.APPROVED,
                new ApprovalPredicate.Rule(2, List.of("alice", "group:release"), List.of("release-manager"), true,
                        Duration.ofHours(24), true),
                List.of(new ApprovalPredicate.Vote("alice", true, "looks good", Instant.parse("2026-12-01T10:00:00.5Z"),
                        List.of("release"))),
                new ApprovalPredicate.Shown(Map.of("sha256", Hashing.sha256(SignFixtures.ARTIFACT).hex()), "PASSED",
                        List.of(), Map.of("HIGH", 1L), List.of("id:CVE-2024-1"), Map.of(), null),
                START, Instant.parse("2026-12-01T11:00:00Z"));
        Map<String, Object> json = p.toJson();
        assertThat(json).containsOnlyKeys("decision", "rule", "votes", "shown", "requestedAt", "decidedAt");
        assertThat(new String(io.jenkins.plugins.securedeploy.engine.json.CanonicalJson.encode(json),
                StandardCharsets.UTF_8)).contains("\"timeout\":\"PT24H\"").contains("\"at\":\"2026-12-01T10:00:00Z\"")
                .contains("\"requestedAt\":\"2026-12-01T10:00:00Z\"").doesNotContain("sbomDigest");
        Statement s = Statement.of(List.of(subject()), ApprovalPredicate.PREDICATE_TYPE, json);
        Statement read = new StatementReader().read(s.toCanonicalJson(), "approval.json", true);
        assertThat(ApprovalPredicate.fromJson(read.predicate(), "approval.json")).isEqualTo(p);
        assertThatThrownBy(() -> ApprovalPredicate.fromJson(Map.of("decision", "MAYBE"), "a.json"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("/predicate/rule");
    }

    @Test
    void shouldRecordTheGateReportInTheScanPredicate() {
        String report = "{\"format\":\"secure-deploy-gate-report\",\"version\":1,\"generatedAt\":\"2026-12-01T10:00:00Z\","
                + "\"decision\":{\"verdict\":\"FAILED\",\"allowsDeployment\":false,\"reasons\":[{\"outcome\":\"FAILED\","
                + "\"rule\":\"thresholds.total.high\",\"message\":\"1 HIGH finding(s) (max 0)\"}]},"
                + "\"summary\":{\"bySeverity\":{\"HIGH\":{\"total\":1,\"new\":1,\"waived\":0}}},"
                + "\"waivers\":{\"applied\":[{\"kind\":\"id\",\"value\":\"CVE-2024-1\"}],\"expired\":[]}}";
        AttestationService service = new AttestationService(Clock.fixed(START, ZoneOffset.UTC));
        AttestationService.Request request = new AttestationService.Request(List.of(subject()),
                Set.of(AttestationService.Kind.SCAN, AttestationService.Kind.PROVENANCE), CONTEXT, Optional.empty(),
                Optional.of(new EvidenceFile("gate-report.json", report.getBytes(StandardCharsets.UTF_8))),
                Optional.of(ResourceDescriptor.of("policy.yml", Hashing.bytes(new byte[] {2}), "")));
        Statement scan = service.statement(AttestationService.Kind.SCAN, request);
        assertThat(scan.predicate()).containsEntry("gateVerdict", "FAILED").containsEntry("allowsDeployment", false)
                .containsEntry("waiversApplied", List.of("id:CVE-2024-1"))
                .containsEntry("findingsBySeverity", Map.of("HIGH", 1L));
        assertThat(service.attest(request, List.of(SignFixtures.signer()))).containsOnlyKeys(
                AttestationService.Kind.PROVENANCE, AttestationService.Kind.SCAN);
        assertThatThrownBy(() -> new GateReportReader().read("{\"format\":\"x\"}".getBytes(StandardCharsets.UTF_8),
                "r.json", null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("/format");
        assertThatThrownBy(() -> service.statement(AttestationService.Kind.SCAN, new AttestationService.Request(
                List.of(subject()), Set.of(AttestationService.Kind.SCAN), CONTEXT, null, null, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("gate report");
    }

    @Test
    void shouldValidateSubjectsAndStatements() {
        assertThatThrownBy(() -> new Subject("a", Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Subject("a", Map.of("sha256", "zz"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Subject("a", Map.of("gce_image_id", "1")).knownDigests()).isEmpty();
        assertThatThrownBy(() -> new Statement("x", List.of(subject()), "p", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Statement.of(List.of(), "p", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
