package io.jenkins.plugins.securedeploy.engine.sign.x509;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.sign.AbstractVerifierTest;
import io.jenkins.plugins.securedeploy.engine.sign.SignFixtures;
import io.jenkins.plugins.securedeploy.engine.sign.TrustMaterial;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationPolicy;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationRequest;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationResult;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationStatus;
import io.jenkins.plugins.securedeploy.engine.sign.Verifier;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class X509ChainVerifierTest extends AbstractVerifierTest {
    @Override
    protected Verifier verifier() {
        return new X509ChainVerifier(SignFixtures.CLOCK);
    }

    @Override
    protected VerificationRequest validRequest() {
        return request("x509/leaf-codesigning.pem", "x509/root.pem");
    }

    @Override
    protected TrustMaterial wrongTrust() {
        return TrustMaterial.ofRoots(SignFixtures.evidence("x509/other-root.pem"));
    }

    @Override
    protected boolean bindsArtifact() {
        return false;
    }

    private static VerificationRequest request(String chain, String root) {
        return VerificationRequest.of(SignFixtures.evidence(chain), null,
                TrustMaterial.ofRoots(SignFixtures.evidence(root)), VerificationPolicy.STRICT.withoutArtifact());
    }

    @Test
    void shouldRefuseToCallAChainVerifiedUnderTheStrictArtifactRule() {
        VerificationRequest v = validRequest();
        VerificationResult r = verifier().verify(new VerificationRequest(v.evidence(), SignFixtures.artifact() == null
                ? java.util.Optional.empty() : java.util.Optional.of(SignFixtures.artifact()), v.trust(),
                VerificationPolicy.STRICT));
        assertThat(r.reasons().get(0).code()).isEqualTo("x509.unbound");
    }

    @Test
    void shouldRequireCodeSigningUsage() {
        VerificationResult r = verifier().verify(request("x509/leaf-serverauth.pem", "x509/root.pem"));
        assertThat(r.status()).isEqualTo(VerificationStatus.FAILED);
        assertThat(r.reasons().get(0).code()).isEqualTo("x509.usage");
    }

    @Test
    void shouldFailWhenACertificateIsExpiredAtTheCheckTime() {
        Clock later = Clock.fixed(Instant.parse("2040-01-01T00:00:00Z"), ZoneOffset.UTC);
        VerificationResult r = new X509ChainVerifier(later).verify(validRequest());
        assertThat(r.status()).isEqualTo(VerificationStatus.FAILED);
        assertThat(r.reasons().get(0).message()).contains("2040-01-01");
    }
}
