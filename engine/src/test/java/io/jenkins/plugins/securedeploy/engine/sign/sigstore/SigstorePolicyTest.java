package io.jenkins.plugins.securedeploy.engine.sign.sigstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.sign.ArtifactSource;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.IdentityRule;
import io.jenkins.plugins.securedeploy.engine.sign.TrustMaterial;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationPolicy;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationRequest;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationResult;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Strict defaults and their explicit relaxations, and how missing inputs end (never a pass). */
class SigstorePolicyTest {
    private final SigstoreBundleVerifier verifier = new SigstoreBundleVerifier();
    private final SigstoreCorpus.Case v3 = TamperedBundles.corpusCase("sigstore/py-bundle_v3.txt");
    private final SigstoreCorpus.Case bcr = TamperedBundles.corpusCase("slsa/bcr-MODULE.bazel.intoto.jsonl");

    private VerificationResult verify(SigstoreCorpus.Case c, VerificationPolicy policy) {
        return verifier.verify(new VerificationRequest(c.bundle(), c.artifact().map(a -> ArtifactSource.of(
                a.content(), a.name())), c.trust(), policy));
    }

    private static List<String> codes(VerificationResult r) {
        return r.reasons().stream().map(Problem::code).toList();
    }

    @Test
    void shouldRefuseEveryKeylessSignatureWhenNoIdentityIsAllowed() {
        VerificationResult r = verify(v3, VerificationPolicy.STRICT);
        assertThat(r.status()).isEqualTo(VerificationStatus.FAILED);
        assertThat(r.reasons()).singleElement().satisfies(p -> assertThat(p.message())
                .contains("allowedIdentities is empty").contains("william@yossarian.net"));
    }

    @Test
    void shouldMatchIdentitiesByRegexAndIssuer() {
        VerificationPolicy byRegex = VerificationPolicy.STRICT.withAllowedIdentities(List.of(
                IdentityRule.regex(".*@yossarian\\.net", SigstoreCorpus.GITHUB)));
        assertThat(verify(v3, byRegex).isVerified()).isTrue();
        VerificationPolicy otherIssuer = VerificationPolicy.STRICT.withAllowedIdentities(List.of(
                IdentityRule.exact("william@yossarian.net", "https://accounts.google.com")));
        assertThat(codes(verify(v3, otherIssuer))).containsExactly("sigstore.identity");
    }

    @Test
    void shouldAcceptASetOnlyBundleOnlyUnderTheExplicitRelaxation() {
        TamperedBundles.Attack setOnly = TamperedBundles.attacks().stream()
                .filter(a -> a.name().equals("set-only-v0.1-bundle")).findFirst().orElseThrow();
        VerificationResult relaxed = verify(setOnly.target(), setOnly.target().policy().withoutTransparencyLog());
        assertThat(relaxed.isVerified()).as(relaxed.reasons().toString()).isTrue();
        assertThat(relaxed.relaxations()).anySatisfy(r -> assertThat(r).contains("transparency-log"));
        assertThat(relaxed.signedAt()).isPresent();
    }

    @Test
    void shouldFailWhenNothingBindsTheSignatureToAnArtifact() {
        SigstoreCorpus.Case noArtifact = new SigstoreCorpus.Case("v3", v3.bundle(), v3.trustedRoot(),
                SigstoreCorpus.Binding.NONE, Optional.empty(), Optional.empty(), v3.identity(), Optional.empty());
        VerificationPolicy strict = v3.policy();
        assertThat(codes(verify(noArtifact, strict))).containsExactly("sigstore.artifact-missing");
        VerificationResult relaxed = verify(noArtifact, strict.withoutArtifact());
        assertThat(relaxed.isVerified()).isTrue();
        assertThat(relaxed.subjectDigests()).isPresent();
        SigstoreCorpus.Case bcrNoDigest = new SigstoreCorpus.Case("bcr", bcr.bundle(), bcr.trustedRoot(),
                SigstoreCorpus.Binding.NONE, Optional.empty(), Optional.empty(), bcr.identity(), Optional.empty());
        assertThat(codes(verify(bcrNoDigest, VerificationPolicy.STRICT.withAllowedIdentities(List.of(
                bcr.identity().orElseThrow()))))).containsExactly("sigstore.artifact-missing");
    }

    @Test
    void shouldFailWhenTheArtifactIsNotTheSignedOne() {
        SigstoreCorpus.Case other = new SigstoreCorpus.Case("v3", v3.bundle(), v3.trustedRoot(),
                SigstoreCorpus.Binding.ARTIFACT, Optional.of(new EvidenceFile("other.txt",
                        "other\n".getBytes(StandardCharsets.UTF_8))), Optional.empty(), v3.identity(), Optional.empty());
        VerificationResult r = verifier.verify(other.request());
        assertThat(codes(r)).containsExactly("sigstore.artifact-digest");
        assertThat(r.reasons().get(0).message()).contains("sha256:");
    }

    @Test
    void shouldBindADsseStatementToItsArtifactAndPredicateType() {
        SigstoreCorpus.Case delegator = TamperedBundles.corpusCase("slsa/gha_delegator");
        VerificationResult ok = verify(delegator, delegator.policy().withExpectedPredicateType(
                "https://slsa.dev/provenance/v1"));
        assertThat(ok.isVerified()).as(ok.reasons().toString()).isTrue();
        assertThat(ok.subjectDigests().orElseThrow().sha256().hex()).startsWith("5891b5b5");
        assertThat(codes(verify(delegator, delegator.policy().withExpectedPredicateType("https://example.com/other"))))
                .containsExactly("sigstore.predicate-type");
        assertThat(codes(verify(v3, v3.policy().withExpectedPredicateType("https://slsa.dev/provenance/v1"))))
                .containsExactly("sigstore.predicate-type");
        SigstoreCorpus.Case wrongArtifact = new SigstoreCorpus.Case("d", delegator.bundle(), delegator.trustedRoot(),
                SigstoreCorpus.Binding.ARTIFACT, Optional.of(new EvidenceFile("x", new byte[] {1})), Optional.empty(),
                delegator.identity(), Optional.empty());
        assertThat(codes(verifier.verify(wrongArtifact.request()))).containsExactly("sigstore.subject");
    }

    @Test
    void shouldBeAnErrorWithoutTrustedRootOrTrustedKey() {
        VerificationResult noRoot = verifier.verify(new VerificationRequest(v3.bundle(), Optional.empty(),
                TrustMaterial.NONE, v3.policy().withoutArtifact()));
        assertThat(noRoot.status()).isEqualTo(VerificationStatus.ERROR);
        assertThat(codes(noRoot)).containsExactly("trust.missing");
        SigstoreCorpus.Case publish = TamperedBundles.corpusCase("npm-gundam-visor-1.0.1 attestations[0].bundle");
        VerificationResult noKey = verifier.verify(new VerificationRequest(publish.bundle(), Optional.empty(),
                TrustMaterial.ofSigstoreTrustedRoot(publish.trustedRoot()), publish.policy()));
        assertThat(codes(noKey)).containsExactly("sigstore.public-key");
        VerificationResult badKey = verifier.verify(new VerificationRequest(publish.bundle(), Optional.empty(),
                publish.withKey(new EvidenceFile("garbage.pem", "not a key".getBytes(StandardCharsets.UTF_8))).trust(),
                publish.policy()));
        assertThat(badKey.status()).isEqualTo(VerificationStatus.ERROR);
        assertThat(badKey.reasons().get(0).location().file()).isEqualTo("garbage.pem");
        VerificationResult badRoot = verifier.verify(new VerificationRequest(v3.bundle(), Optional.empty(),
                TrustMaterial.ofSigstoreTrustedRoot(new EvidenceFile("root.json", "{\"mediaType\":\"x\"}"
                        .getBytes(StandardCharsets.UTF_8))), v3.policy()));
        assertThat(codes(badRoot)).containsExactly("sigstore.trusted-root");
    }

    @Test
    void shouldRestrictKeyedBundlesToTheAllowedKeyIds() {
        SigstoreCorpus.Case publish = TamperedBundles.corpusCase("npm-gundam-visor-1.0.1 attestations[0].bundle");
        VerificationPolicy allowed = publish.policy().withAllowedKeyIds(List.of(
                "SHA256:HpCKVUWf5t2sHMvBN+qGMe6DcDL+wqLMxSizjYHxcQg"));
        assertThat(verify(publish, allowed).isVerified()).isTrue();
        assertThat(codes(verify(publish, publish.policy().withAllowedKeyIds(List.of("sha256:00")))))
                .containsExactly("sigstore.key-not-allowed");
    }

    @Test
    void shouldBeAnErrorWhenTheArtifactCannotBeRead() {
        ArtifactSource broken = new ArtifactSource() {
            @Override
            public String name() {
                return "gone.bin";
            }

            @Override
            public InputStream open() throws IOException {
                throw new IOException("gone");
            }
        };
        VerificationResult r = verifier.verify(new VerificationRequest(v3.bundle(), Optional.of(broken), v3.trust(),
                v3.policy()));
        assertThat(r.status()).isEqualTo(VerificationStatus.ERROR);
        assertThat(r.reasons().get(0).location().file()).isEqualTo("gone.bin");
    }

    @Test
    void shouldRecognizeOnlyBundles() {
        assertThat(verifier.family()).isEqualTo("sigstore");
        assertThat(verifier.recognizes(SigstoreCorpus.file("dsse/spec-hello-world.envelope.json"))).isFalse();
        assertThat(verifier.recognizes(SigstoreCorpus.file("sigstore/trusted_root.staging.json"))).isFalse();
        assertThat(verifier.recognizes(new EvidenceFile("x", "[1]".getBytes(StandardCharsets.UTF_8)))).isFalse();
        assertThat(verifier.recognizes(new EvidenceFile("x", ("{\"a\":{\"b\":1},\"mediaType\":"
                + "\"application/vnd.dev.sigstore.bundle.v0.3+json\"}").getBytes(StandardCharsets.UTF_8)))).isTrue();
        assertThat(verifier.recognizes(new EvidenceFile("x", "{\"mediaType\":".getBytes(StandardCharsets.UTF_8))))
                .isFalse();
    }
}
