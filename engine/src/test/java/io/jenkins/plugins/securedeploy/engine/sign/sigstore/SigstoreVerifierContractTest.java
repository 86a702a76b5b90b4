package io.jenkins.plugins.securedeploy.engine.sign.sigstore;

import io.jenkins.plugins.securedeploy.engine.sign.AbstractVerifierTest;
import io.jenkins.plugins.securedeploy.engine.sign.ArtifactSource;
import io.jenkins.plugins.securedeploy.engine.sign.IdentityRule;
import io.jenkins.plugins.securedeploy.engine.sign.TrustMaterial;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationPolicy;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationRequest;
import io.jenkins.plugins.securedeploy.engine.sign.Verifier;
import java.util.List;

/** The shared verifier contract, on a real staging v0.3 bundle from sigstore-python's test assets. */
class SigstoreVerifierContractTest extends AbstractVerifierTest {
    @Override
    protected Verifier verifier() {
        return new SigstoreBundleVerifier();
    }

    @Override
    protected VerificationRequest validRequest() {
        return VerificationRequest.of(SigstoreCorpus.file("sigstore/py-bundle_v3.txt.sigstore.json"),
                ArtifactSource.of(SigstoreCorpus.file("sigstore/py-bundle_v3.txt").content(), "bundle_v3.txt"),
                TrustMaterial.ofSigstoreTrustedRoot(SigstoreCorpus.root("staging")),
                VerificationPolicy.STRICT.withAllowedIdentities(
                        List.of(IdentityRule.exact("william@yossarian.net", SigstoreCorpus.GITHUB))));
    }

    @Override
    protected TrustMaterial wrongTrust() {
        return TrustMaterial.ofSigstoreTrustedRoot(SigstoreCorpus.root("production"));
    }
}
