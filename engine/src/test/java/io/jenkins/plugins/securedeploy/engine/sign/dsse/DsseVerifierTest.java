package io.jenkins.plugins.securedeploy.engine.sign.dsse;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.attest.Attestor;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.sign.AbstractVerifierTest;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.SignFixtures;
import io.jenkins.plugins.securedeploy.engine.sign.TrustMaterial;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationPolicy;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationRequest;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationResult;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationStatus;
import io.jenkins.plugins.securedeploy.engine.sign.Verifier;
import java.util.List;
import org.junit.jupiter.api.Test;

class DsseVerifierTest extends AbstractVerifierTest {
    @Override
    protected Verifier verifier() {
        return new DsseVerifier();
    }

    @Override
    protected VerificationRequest validRequest() {
        return VerificationRequest.of(new EvidenceFile("app.intoto.json", SignFixtures.dsseEnvelope()),
                SignFixtures.artifact(), SignFixtures.trustedKey(), VerificationPolicy.STRICT);
    }

    @Override
    protected TrustMaterial wrongTrust() {
        return SignFixtures.otherKey();
    }

    @Test
    void shouldBindTheArtifactDigestAndNameTheSigner() {
        VerificationResult r = verifier().verify(validRequest());
        assertThat(r.subjectDigests()).contains(Hashing.bytes(SignFixtures.ARTIFACT));
        assertThat(r.signers()).containsExactly(SignFixtures.signer().keyId());
        assertThat(r.relaxations()).isEmpty();
    }

    @Test
    void shouldRequireEverySignatureUnderStrictAndOneWhenRelaxed() {
        byte[] twoSigners = new Attestor().attestJson(SignFixtures.statement(SignFixtures.ARTIFACT),
                List.of(SignFixtures.signer(), SignFixtures.otherSigner()));
        VerificationRequest strict = withEvidence(validRequest(), twoSigners);
        VerificationResult r = verifier().verify(strict);
        assertThat(r.status()).isEqualTo(VerificationStatus.FAILED);
        assertThat(r.reasons()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("dsse.signature");
            assertThat(p.location().pointer()).isEqualTo("/signatures/1");
        });
        VerificationResult relaxed = verifier().verify(new VerificationRequest(strict.evidence(), strict.artifact(),
                strict.trust(), VerificationPolicy.STRICT.allowingAnySignature()));
        assertThat(relaxed.isVerified()).isTrue();
        assertThat(relaxed.relaxations()).hasSize(1);
    }

    @Test
    void shouldRequireTheArtifactUnderStrict() {
        VerificationRequest v = validRequest();
        VerificationResult r = verifier().verify(new VerificationRequest(v.evidence(), java.util.Optional.empty(),
                v.trust(), v.policy()));
        assertThat(r.status()).isEqualTo(VerificationStatus.ERROR);
        assertThat(r.reasons().get(0).code()).isEqualTo("artifact.missing");
    }

    @Test
    void shouldCheckThePredicateTypeAndPinnedDigest() {
        VerificationRequest v = validRequest();
        VerificationResult wrongType = verifier().verify(new VerificationRequest(v.evidence(), v.artifact(), v.trust(),
                VerificationPolicy.STRICT.withExpectedPredicateType("https://slsa.dev/provenance/v1")));
        assertThat(wrongType.reasons().get(0).code()).isEqualTo("statement.predicate-type");
        VerificationResult rightType = verifier().verify(new VerificationRequest(v.evidence(), v.artifact(), v.trust(),
                VerificationPolicy.STRICT.withExpectedPredicateType(SignFixtures.PREDICATE)));
        assertThat(rightType.isVerified()).isTrue();
        VerificationResult pinnedOnly = verifier().verify(new VerificationRequest(v.evidence(),
                java.util.Optional.empty(), v.trust(), VerificationPolicy.STRICT.withoutArtifact()
                        .withExpectedDigests(Hashing.bytes(SignFixtures.ARTIFACT))));
        assertThat(pinnedOnly.isVerified()).isTrue();
        VerificationResult pinnedOther = verifier().verify(new VerificationRequest(v.evidence(),
                java.util.Optional.empty(), v.trust(), VerificationPolicy.STRICT.withoutArtifact()
                        .withExpectedDigests(Hashing.bytes(new byte[] {1}))));
        assertThat(pinnedOther.reasons().get(0).code()).isEqualTo("statement.digest-not-expected");
    }

    @Test
    void shouldHonourTheKeyAllowList() {
        VerificationRequest v = validRequest();
        VerificationResult r = verifier().verify(new VerificationRequest(v.evidence(), v.artifact(), v.trust(),
                VerificationPolicy.STRICT.withAllowedKeyIds(List.of("sha256:" + "0".repeat(64)))));
        assertThat(r.reasons().get(0).code()).isEqualTo("key.not-allowed");
        VerificationResult ok = verifier().verify(new VerificationRequest(v.evidence(), v.artifact(), v.trust(),
                VerificationPolicy.STRICT.withAllowedKeyIds(List.of(SignFixtures.signer().keyId()))));
        assertThat(ok.isVerified()).isTrue();
    }
}
