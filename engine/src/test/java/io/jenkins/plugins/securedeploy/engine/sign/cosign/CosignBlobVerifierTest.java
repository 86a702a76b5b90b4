package io.jenkins.plugins.securedeploy.engine.sign.cosign;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.sign.AbstractVerifierTest;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.SignFixtures;
import io.jenkins.plugins.securedeploy.engine.sign.TrustMaterial;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationPolicy;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationRequest;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationResult;
import io.jenkins.plugins.securedeploy.engine.sign.Verifier;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CosignBlobVerifierTest extends AbstractVerifierTest {
    @Override
    protected Verifier verifier() {
        return new CosignBlobVerifier();
    }

    @Override
    protected VerificationRequest validRequest() {
        return VerificationRequest.of(new EvidenceFile("app.bin.sig",
                SignFixtures.cosignSignature(SignFixtures.signer(), SignFixtures.ARTIFACT)), SignFixtures.artifact(),
                SignFixtures.trustedKey(), VerificationPolicy.STRICT);
    }

    @Override
    protected TrustMaterial wrongTrust() {
        return SignFixtures.otherKey();
    }

    @Test
    void shouldTolerateOnlyOneTrailingNewline() {
        String sig = new String(validRequest().evidence().content(), StandardCharsets.US_ASCII).trim();
        assertThat(verifier().verify(withEvidence(validRequest(), sig.getBytes(StandardCharsets.US_ASCII)))
                .isVerified()).isTrue();
        VerificationResult twoLines = verifier().verify(withEvidence(validRequest(),
                (sig + "\n\n").getBytes(StandardCharsets.US_ASCII)));
        assertThat(twoLines.reasons().get(0).code()).isEqualTo("cosign.base64");
    }

    @Test
    void shouldNeedTheBlob() {
        VerificationRequest v = validRequest();
        VerificationResult r = verifier().verify(new VerificationRequest(v.evidence(), java.util.Optional.empty(),
                v.trust(), VerificationPolicy.STRICT.withoutArtifact()));
        assertThat(r.reasons().get(0).code()).isEqualTo("artifact.missing");
    }

    @Test
    void shouldRefuseBase64ThatIsNotDerEcdsa() {
        VerificationResult r = verifier().verify(withEvidence(validRequest(),
                "aGVsbG8gd29ybGQgaGVsbG8gd29ybGQ=\n".getBytes(StandardCharsets.US_ASCII)));
        assertThat(r.reasons().get(0).code()).isEqualTo("cosign.not-der");
    }
}
