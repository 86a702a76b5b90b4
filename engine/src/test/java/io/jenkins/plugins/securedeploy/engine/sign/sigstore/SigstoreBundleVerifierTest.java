package io.jenkins.plugins.securedeploy.engine.sign.sigstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.sign.VerificationResult;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SigstoreBundleVerifierTest {
    private final SigstoreBundleVerifier verifier = new SigstoreBundleVerifier();

    static List<SigstoreCorpus.Case> corpus() {
        return SigstoreCorpus.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void shouldVerifyEveryRealBundleAsSourcesSays(SigstoreCorpus.Case c) {
        VerificationResult result = verifier.verify(c.request());
        assertThat(result.isVerified()).as(result.reasons().toString()).isTrue();
        assertThat(verifier.recognizes(c.bundle())).isTrue();
    }
}
