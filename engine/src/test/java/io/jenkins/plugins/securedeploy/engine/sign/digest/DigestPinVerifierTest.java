package io.jenkins.plugins.securedeploy.engine.sign.digest;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.DigestAlgorithm;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.sign.AbstractVerifierTest;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.SignFixtures;
import io.jenkins.plugins.securedeploy.engine.sign.TrustMaterial;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationPolicy;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationRequest;
import io.jenkins.plugins.securedeploy.engine.sign.Verifier;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DigestPinVerifierTest extends AbstractVerifierTest {
    @Override
    protected Verifier verifier() {
        return new DigestPinVerifier();
    }

    @Override
    protected VerificationRequest validRequest() {
        return VerificationRequest.of(new EvidenceFile("app.bin.sha256", SignFixtures.digestPin()),
                SignFixtures.artifact(), TrustMaterial.NONE, VerificationPolicy.STRICT);
    }

    /** A digest pin trusts no key: "the wrong key" is the digest of other content. */
    @Override
    protected TrustMaterial wrongTrust() {
        return TrustMaterial.NONE;
    }

    @Override
    protected boolean needsTrust() {
        return false;
    }

    @Override
    protected VerificationRequest wrongKeyRequest() {
        return withEvidence(validRequest(), (Hashing.sha256(new byte[] {1}) + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void shouldAcceptSha256sumLinesBareHexAndSha512() throws Exception {
        String hex = Hashing.sha256(SignFixtures.ARTIFACT).hex();
        String sha512 = Hashing.stream(new java.io.ByteArrayInputStream(SignFixtures.ARTIFACT),
                Set.of(DigestAlgorithm.SHA512)).get(DigestAlgorithm.SHA512).orElseThrow().hex();
        for (String pin : new String[] {hex + "  app.bin\n", hex, "sha512:" + sha512, sha512 + " *app.bin"}) {
            assertThat(verifier().verify(withEvidence(validRequest(), pin.getBytes(StandardCharsets.US_ASCII)))
                    .isVerified()).as(pin).isTrue();
        }
        assertThat(verifier().verify(withEvidence(validRequest(), ("sha512:" + hex).getBytes(StandardCharsets.US_ASCII)))
                .reasons().get(0).code()).isEqualTo("digest.malformed");
    }
}
