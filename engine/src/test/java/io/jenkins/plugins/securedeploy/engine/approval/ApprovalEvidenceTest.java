package io.jenkins.plugins.securedeploy.engine.approval;

import static io.jenkins.plugins.securedeploy.engine.approval.ApprovalLedgerTest.approve;
import static io.jenkins.plugins.securedeploy.engine.approval.ApprovalLedgerTest.at;
import static io.jenkins.plugins.securedeploy.engine.approval.ApprovalLedgerTest.ledger;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.securedeploy.engine.attest.ApprovalPredicate;
import io.jenkins.plugins.securedeploy.engine.attest.Attestor;
import io.jenkins.plugins.securedeploy.engine.attest.ScanPredicate;
import io.jenkins.plugins.securedeploy.engine.attest.Statement;
import io.jenkins.plugins.securedeploy.engine.attest.StatementReader;
import io.jenkins.plugins.securedeploy.engine.attest.Subject;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.sign.ArtifactSource;
import io.jenkins.plugins.securedeploy.engine.sign.DsseEnvelopeReader;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.SignFixtures;
import io.jenkins.plugins.securedeploy.engine.sign.TrustMaterial;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationPolicy;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationRequest;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationResult;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationStatus;
import io.jenkins.plugins.securedeploy.engine.sign.dsse.DsseVerifier;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 14: the approval decision as a signed statement that a later promotion re-checks offline. */
class ApprovalEvidenceTest {
    static final byte[] ARTIFACT_BYTES = "app-1.0.0".getBytes(StandardCharsets.UTF_8);
    static final ArtifactSource ARTIFACT = ArtifactSource.of(ARTIFACT_BYTES, "app-1.0.0.jar");

    static ApprovalDecision approved() {
        ApprovalLedger l = ledger(ApprovalRule.of(2, List.of("group:release")));
        return approve(approve(l, "alice", 1).ledger(), "bob", 2).ledger().decision().orElseThrow();
    }

    static VerificationResult verify(byte[] envelope, ArtifactSource artifact, TrustMaterial trust) {
        return ApprovalEvidence.verify(new DsseVerifier(),
                VerificationRequest.of(new EvidenceFile("approval.intoto.json", envelope), artifact, trust,
                        VerificationPolicy.STRICT));
    }

    @Test
    void shouldSignTheDecisionAsAnApprovalStatementThatVerifiesOffline() {
        ApprovalDecision d = approved();
        byte[] envelope = ApprovalEvidence.sign(d, "app-1.0.0.jar", List.of(SignFixtures.signer()));

        Statement statement = new StatementReader().read(
                new DsseEnvelopeReader().read(envelope, "e", true).payload(), "p", true);
        assertThat(statement.predicateType()).isEqualTo(ApprovalPredicate.PREDICATE_TYPE);
        assertThat(statement.subjects()).containsExactly(Subject.of("app-1.0.0.jar", d.shown().artifactDigest()));
        ApprovalPredicate p = ApprovalPredicate.fromJson(statement.predicate(), "p");
        assertThat(p).isEqualTo(ApprovalEvidence.predicate(d));
        assertThat(p.votes()).extracting(ApprovalPredicate.Vote::approver).containsExactly("alice", "bob");
        assertThat(p.rule().required()).isEqualTo(2);
        assertThat(p.shown().gateVerdict()).isEqualTo("PASSED");
        assertThat(p.decidedAt()).isEqualTo(d.decidedAt());

        VerificationResult r = verify(envelope, ARTIFACT, SignFixtures.trustedKey());
        assertThat(r.status()).as(r.headline()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(r.family()).isEqualTo(ApprovalEvidence.FAMILY);
        assertThat(r.signers()).isNotEmpty();
        assertThat(r.subjectDigests().orElseThrow().matches(d.shown().artifactDigest())).isTrue();
    }

    @Test
    void shouldFailAfterAnyChangeToThePayload() throws Exception {
        byte[] envelope = ApprovalEvidence.sign(approved(), "app-1.0.0.jar", List.of(SignFixtures.signer()));
        ObjectMapper json = io.jenkins.plugins.securedeploy.engine.json.Json.strict().mapper();
        ObjectNode node = (ObjectNode) json.readTree(envelope);
        byte[] payload = Base64.getDecoder().decode(node.get("payload").asText());
        int checked = 0;
        for (int i = 0; i < payload.length; i += Math.max(1, payload.length / 97)) {
            byte[] changed = payload.clone();
            changed[i] = (byte) (changed[i] == 'x' ? 'y' : 'x');
            ObjectNode copy = node.deepCopy();
            copy.put("payload", Base64.getEncoder().encodeToString(changed));
            VerificationResult r = verify(json.writeValueAsBytes(copy), ARTIFACT, SignFixtures.trustedKey());
            assertThat(r.isVerified()).as("payload byte %d changed", i).isFalse();
            checked++;
        }
        assertThat(checked).isGreaterThan(90);
        // the gate verdict the approvers saw rewritten: the signature no longer holds
        String rewritten = new String(payload, StandardCharsets.UTF_8).replace("\"PASSED\"", "\"FAILED\"");
        ObjectNode copy = node.deepCopy();
        copy.put("payload", Base64.getEncoder().encodeToString(rewritten.getBytes(StandardCharsets.UTF_8)));
        VerificationResult r = verify(json.writeValueAsBytes(copy), ARTIFACT, SignFixtures.trustedKey());
        assertThat(r.status()).isEqualTo(VerificationStatus.FAILED);
        assertThat(r.reasons()).extracting(Problem::code).contains("approval.signature");
    }

    @Test
    void shouldRefuseAnotherKeyAnotherArtifactAndNoArtifact() {
        byte[] envelope = ApprovalEvidence.sign(approved(), "app-1.0.0.jar", List.of(SignFixtures.signer()));
        assertThat(verify(envelope, ARTIFACT, SignFixtures.otherKey()).isVerified()).isFalse();
        VerificationResult other = verify(envelope,
                ArtifactSource.of("app-1.0.1".getBytes(StandardCharsets.UTF_8), "app-1.0.0.jar"),
                SignFixtures.trustedKey());
        assertThat(other.isVerified()).isFalse();
        VerificationResult none = ApprovalEvidence.verify(new DsseVerifier(), new VerificationRequest(
                new EvidenceFile("approval.intoto.json", envelope), null, SignFixtures.trustedKey(), null));
        assertThat(none.status()).isEqualTo(VerificationStatus.ERROR);
        assertThat(none.reasons()).extracting(Problem::code).containsExactly("approval.no-artifact");
    }

    @Test
    void shouldNeverLetARejectionOrATimeoutThroughEvenWhenProperlySigned() {
        ApprovalLedger l = ledger(ApprovalRule.of(2, List.of("group:release")));
        ApprovalDecision rejected = l.vote(Ballot.reject("alice", "not tested", l.request().shown().fingerprint()),
                ApprovalLedgerTest.PEOPLE, at(1)).ledger().decision().orElseThrow();
        ApprovalDecision expired = l.expireIfDue(at(60 * 25)).decision().orElseThrow();
        for (ApprovalDecision d : List.of(rejected, expired)) {
            byte[] envelope = ApprovalEvidence.sign(d, "app-1.0.0.jar", List.of(SignFixtures.signer()));
            VerificationResult r = verify(envelope, ARTIFACT, SignFixtures.trustedKey());
            assertThat(r.status()).as(d.headline()).isEqualTo(VerificationStatus.FAILED);
            assertThat(r.reasons()).extracting(Problem::code).containsExactly("approval.not-approved");
            assertThat(r.reasons().get(0).message()).contains(d.decision().name());
        }
    }

    @Test
    void shouldRefuseASignedStatementThatIsNotAnApproval() {
        Statement scan = Statement.of(List.of(Subject.of("app-1.0.0.jar", approved().shown().artifactDigest())),
                ScanPredicate.PREDICATE_TYPE, Map.of());
        byte[] envelope = new Attestor().attestJson(scan, List.of(SignFixtures.signer()));
        VerificationResult r = verify(envelope, ARTIFACT, SignFixtures.trustedKey());
        assertThat(r.status()).isEqualTo(VerificationStatus.FAILED);
        assertThat(r.reasons()).extracting(Problem::code).containsExactly("approval.wrong-predicate");
    }
}
