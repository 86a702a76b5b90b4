package io.jenkins.plugins.securedeploy.engine.sign.sigstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationResult;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationStatus;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real corpus passes with the identities SOURCES.md lists, and every tampered case fails with its precise reason.
 * Written as plain cases so they can move under the shared {@code AbstractVerifierTest} at merge.
 */
class SigstoreBundleVerifierTest {
    private final SigstoreBundleVerifier verifier = new SigstoreBundleVerifier();

    static List<SigstoreCorpus.Case> corpus() {
        return SigstoreCorpus.cases();
    }

    static List<TamperedBundles.Attack> attacks() {
        return TamperedBundles.attacks();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void shouldVerifyEveryRealBundleAsSourcesSays(SigstoreCorpus.Case c) {
        VerificationResult result = verifier.verify(c.request());
        assertThat(result.isVerified()).as(result.reasons().toString()).isTrue();
        assertThat(result.family()).isEqualTo("sigstore");
        assertThat(result.signers()).containsExactly(c.identity().map(i -> i.subject() + " from " + i.issuer())
                .orElseGet(() -> "SHA256:HpCKVUWf5t2sHMvBN+qGMe6DcDL+wqLMxSizjYHxcQg"));
        assertThat(result.signedAt()).isPresent();
        assertThat(verifier.recognizes(c.bundle())).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void shouldRefuseEveryTamperedBundleWithItsReason(TamperedBundles.Attack attack) {
        VerificationResult result = verifier.verify(attack.target().request());
        assertThat(result.status()).as(result.reasons().toString()).isEqualTo(attack.status());
        assertThat(result.reasons()).extracting(Problem::code).contains(attack.code());
        assertThat(result.reasons()).allSatisfy(p -> assertThat(p.location().file()).startsWith(
                attack.target().bundle().name().replace(".sigstore.json", "")));
        assertThat(result.headline()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void shouldVerifyTheForgedBundleTheAttacksStartFrom() {
        VerificationResult result = verifier.verify(TamperedBundles.forgedValid().request());
        assertThat(result.isVerified()).as(result.reasons().toString()).isTrue();
        assertThat(result.signers()).containsExactly(BundleForge.SAN + " from " + BundleForge.ISSUER);
        assertThat(result.signedAt()).contains(BundleForge.NOT_BEFORE.plusSeconds(60));
    }

    @Test
    void shouldNameTheFileAndPointerOfAnAlteredInclusionProof() {
        TamperedBundles.Attack attack = attacks().stream().filter(a -> a.name().equals("inclusion-proof-altered"))
                .findFirst().orElseThrow();
        VerificationResult result = verifier.verify(attack.target().request());
        assertThat(result.reasons()).extracting(Problem::describe).anySatisfy(d -> assertThat(d).startsWith(
                "tampered-inclusion-proof.json:").contains(" at /verificationMaterial/tlogEntries/0/inclusionProof: "
                        + "the root hash computed from the audit path does not match the proof's rootHash"));
        assertThat(result.status()).isEqualTo(VerificationStatus.FAILED);
    }
}
