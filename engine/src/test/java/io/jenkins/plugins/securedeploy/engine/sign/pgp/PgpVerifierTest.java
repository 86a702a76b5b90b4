package io.jenkins.plugins.securedeploy.engine.sign.pgp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.sign.AbstractVerifierTest;
import io.jenkins.plugins.securedeploy.engine.sign.ArtifactSource;
import io.jenkins.plugins.securedeploy.engine.sign.SignFixtures;
import io.jenkins.plugins.securedeploy.engine.sign.TrustMaterial;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationPolicy;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationRequest;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationResult;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationStatus;
import io.jenkins.plugins.securedeploy.engine.sign.Verifier;
import org.junit.jupiter.api.Test;

class PgpVerifierTest extends AbstractVerifierTest {
    @Override
    protected Verifier verifier() {
        return new PgpVerifier(SignFixtures.CLOCK);
    }

    @Override
    protected VerificationRequest validRequest() {
        return request("pgp/artifact.txt.asc", "pgp/test-keyring.asc");
    }

    @Override
    protected TrustMaterial wrongTrust() {
        return TrustMaterial.ofKeyrings(SignFixtures.evidence("pgp/other-keyring.asc"));
    }

    private static VerificationRequest request(String signature, String keyring) {
        return VerificationRequest.of(SignFixtures.evidence(signature),
                ArtifactSource.of(SignFixtures.resource("pgp/artifact.txt"), "artifact.txt"),
                TrustMaterial.ofKeyrings(SignFixtures.evidence(keyring)), VerificationPolicy.STRICT);
    }

    @Test
    void shouldVerifyBinarySignaturesAndNameTheFingerprint() {
        VerificationResult r = verifier().verify(request("pgp/artifact.txt.sig", "pgp/test-keyring.asc"));
        assertThat(r.isVerified()).as(r.headline()).isTrue();
        assertThat(r.signers().get(0)).matches("[0-9A-F]{40}");
        assertThat(r.signedAt()).isPresent();
    }

    @Test
    void shouldFailForARevokedKey() {
        VerificationResult r = verifier().verify(request("pgp/artifact.txt.revoked-key.asc", "pgp/revoked-keyring.asc"));
        assertThat(r.status()).isEqualTo(VerificationStatus.FAILED);
        assertThat(r.reasons().get(0).message()).contains("revoked");
    }

    @Test
    void shouldFailForAnExpiredKey() {
        VerificationResult r = verifier().verify(request("pgp/artifact.txt.expired-key.asc", "pgp/expired-keyring.asc"));
        assertThat(r.status()).isEqualTo(VerificationStatus.FAILED);
        assertThat(r.reasons().get(0).message()).contains("expired on 2020-01-02");
    }

    @Test
    void shouldFailForASignatureOfAnotherKey() {
        VerificationResult r = verifier().verify(request("pgp/artifact.txt.other-key.asc", "pgp/test-keyring.asc"));
        assertThat(r.status()).isEqualTo(VerificationStatus.FAILED);
        assertThat(r.reasons().get(0).message()).contains("not in the keyring");
    }
}
