package io.jenkins.plugins.securedeploy.engine.sign.sigstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import io.jenkins.plugins.securedeploy.engine.sign.ArtifactSource;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.IdentityRule;
import io.jenkins.plugins.securedeploy.engine.sign.TrustMaterial;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationPolicy;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationRequest;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationResult;
import io.jenkins.plugins.securedeploy.engine.testing.InteropData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the examples of docs/sigstore.md as written. */
class SigstoreDocsExampleTest {
    @Test
    void shouldRunTheDocumentedExample() throws Exception {
        byte[] bundleBytes = Files.readAllBytes(InteropData.file("sigstore/py-bundle_v3.txt.sigstore.json"));
        byte[] trustedRootBytes = Files.readAllBytes(InteropData.file("sigstore/trusted_root.staging.json"));
        Path artifact = InteropData.file("sigstore/py-bundle_v3.txt");

        VerificationPolicy policy = VerificationPolicy.STRICT.withAllowedIdentities(List.of(
                IdentityRule.exact("william@yossarian.net", "https://github.com/login/oauth")));
        VerificationRequest request = VerificationRequest.of(
                new EvidenceFile("bundle_v3.txt.sigstore.json", bundleBytes),
                ArtifactSource.of(artifact, "bundle_v3.txt"),
                TrustMaterial.ofSigstoreTrustedRoot(new EvidenceFile("trusted_root.json", trustedRootBytes)),
                policy);
        VerificationResult result = new SigstoreBundleVerifier().verify(request);

        assertThat(result.headline()).isEqualTo("VERIFIED sigstore bundle_v3.txt.sigstore.json for bundle_v3.txt"
                + " (signed by william@yossarian.net from https://github.com/login/oauth)");

        String sha256 = "sha256:" + io.jenkins.plugins.securedeploy.engine.core.Hashing.file(artifact).sha256().hex();
        VerificationResult byDigest = new SigstoreBundleVerifier().verify(VerificationRequest.of(request.evidence(),
                null, request.trust(), policy.withExpectedDigests(DigestSet.of(Digest.parse(sha256)))));
        assertThat(byDigest.isVerified()).isTrue();
    }
}
