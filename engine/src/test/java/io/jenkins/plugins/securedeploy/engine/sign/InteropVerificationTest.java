package io.jenkins.plugins.securedeploy.engine.sign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.engine.attest.Statement;
import io.jenkins.plugins.securedeploy.engine.attest.StatementReader;
import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.core.DigestAlgorithm;
import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import io.jenkins.plugins.securedeploy.engine.sign.cosign.CosignBlobVerifier;
import io.jenkins.plugins.securedeploy.engine.sign.dsse.DsseVerifier;
import io.jenkins.plugins.securedeploy.engine.sign.pgp.PgpVerifier;
import io.jenkins.plugins.securedeploy.engine.sign.registry.Verifiers;
import io.jenkins.plugins.securedeploy.engine.testing.InteropData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every plain-DSSE, in-toto, cosign and PGP case of ../shared/interop gives the outcome its SOURCES.md states. */
class InteropVerificationTest {
    private static EvidenceFile file(String relative) throws Exception {
        return new EvidenceFile(relative, Files.readAllBytes(InteropData.file(relative)));
    }

    private static VerificationResult dsse(EvidenceFile envelope, String key, VerificationPolicy policy) throws Exception {
        return new DsseVerifier().verify(new VerificationRequest(envelope, java.util.Optional.empty(),
                TrustMaterial.ofPublicKeys(file(key)), policy));
    }

    @Test
    void shouldVerifyTheDsseSpecVectorWithItsRawP1363Signature() throws Exception {
        VerificationResult r = dsse(file("dsse/spec-hello-world.envelope.json"), "dsse/spec-hello-world.pub.pem",
                VerificationPolicy.STRICT.withoutArtifact());
        assertThat(r.isVerified()).as(r.headline()).isTrue();
        assertThat(dsse(file("dsse/spec-hello-world.envelope.json"), "dsse/bcid-vsa.pub.pem",
                VerificationPolicy.STRICT.withoutArtifact()).status()).isEqualTo(VerificationStatus.FAILED);
    }

    @Test
    void shouldVerifyTheGoogleBcidVsa() throws Exception {
        VerificationResult r = dsse(file("dsse/bcid-vsa.gke-gce-pre.dsse.json"), "dsse/bcid-vsa.pub.pem",
                VerificationPolicy.STRICT.withoutArtifact()
                        .withExpectedPredicateType("https://slsa.dev/verification_summary/v1"));
        assertThat(r.isVerified()).as(r.headline()).isTrue();
    }

    @Test
    void shouldVerifyTheInTotoDemoLinkSignedWithRsaPss() throws Exception {
        VerificationResult r = dsse(file("dsse/intoto-demo-package.2f89b927.link.dsse.json"),
                "dsse/intoto-demo-carl.pub.pem", VerificationPolicy.STRICT.withoutArtifact());
        assertThat(r.isVerified()).as(r.headline()).isTrue();
    }

    @Test
    void shouldVerifyTheNpmPublishAttestationWithTheRegistryKey() throws Exception {
        JsonNode doc = Json.strict().readTree(InteropData.file("slsa/npm-gundam-visor-1.0.1.tgz.attestations.json"),
                "attestations.json");
        byte[] envelope = Json.strict().mapper().writeValueAsBytes(doc.path("attestations").get(0).path("bundle")
                .path("dsseEnvelope"));
        String sha512 = Files.readString(InteropData.file("slsa/npm-gundam-visor-1.0.1.tgz.sha512"),
                StandardCharsets.US_ASCII).trim();
        EvidenceFile e = new EvidenceFile("npm publish attestation", envelope);
        VerificationPolicy pinned = VerificationPolicy.STRICT.withoutArtifact()
                .withExpectedDigests(DigestSet.of(new Digest(DigestAlgorithm.SHA512, sha512)));
        VerificationResult r = dsse(e, "slsa/npm-attestations-key.pub.pem", pinned);
        assertThat(r.isVerified()).as(r.headline()).isTrue();
        assertThat(dsse(e, "dsse/bcid-vsa.pub.pem", pinned).status()).isEqualTo(VerificationStatus.FAILED);
    }

    @Test
    void shouldReadTheInTotoStatementVectors() throws Exception {
        Statement go = new StatementReader().read(Files.readAllBytes(InteropData.file(
                "intoto/statement-v1.attestation-go-test.json")), "go", true);
        assertThat(go.predicateType()).isEqualTo("thePredicate");
        assertThat(go.subjects().get(0).digest()).containsEntry("alg1", "abc123");
        Statement bcr = new StatementReader().read(Files.readAllBytes(InteropData.file(
                "intoto/bcr-MODULE.bazel.statement.json")), "bcr", true);
        String sha = Files.readString(InteropData.file("slsa/bcr-MODULE.bazel.sha256"), StandardCharsets.US_ASCII)
                .trim();
        assertThat(bcr.predicateType()).isEqualTo("https://slsa.dev/provenance/v1");
        assertThat(bcr.subjectMatching(DigestSet.of(new Digest(DigestAlgorithm.SHA256, sha)))).isPresent();
    }

    @Test
    void shouldVerifyTheCosignBlobSignature() throws Exception {
        Path blob = InteropData.file("cosign/cosign.pub");
        VerificationResult r = new CosignBlobVerifier().verify(VerificationRequest.of(file("cosign/cosign.pub.sig"),
                ArtifactSource.of(blob, "cosign.pub"), TrustMaterial.ofPublicKeys(file("cosign/cosign.pub")),
                VerificationPolicy.STRICT));
        assertThat(r.isVerified()).as(r.headline()).isTrue();
        assertThat(Verifiers.standard().detect(file("cosign/cosign.pub.sig")).verifier().orElseThrow().family())
                .isEqualTo("cosign");
    }

    @Test
    void shouldVerifyTheJacksonReleaseSignatureWithItsKeysFile() throws Exception {
        VerificationResult r = new PgpVerifier(SignFixtures.CLOCK).verify(VerificationRequest.of(
                file("pgp/jackson-annotations-2.17.2.pom.asc"),
                ArtifactSource.of(InteropData.file("pgp/jackson-annotations-2.17.2.pom"), "jackson-annotations.pom"),
                TrustMaterial.ofKeyrings(file("pgp/jackson-KEYS.txt")), VerificationPolicy.STRICT));
        assertThat(r.isVerified()).as(r.headline()).isTrue();
        assertThat(r.signers()).containsExactly("28118C070CB22A0175A2E8D43D12CA2AC19F3181");
        VerificationResult changed = new PgpVerifier(SignFixtures.CLOCK).verify(VerificationRequest.of(
                file("pgp/jackson-annotations-2.17.2.pom.asc"), ArtifactSource.of("changed".getBytes(
                        StandardCharsets.UTF_8), "jackson-annotations.pom"),
                TrustMaterial.ofKeyrings(file("pgp/jackson-KEYS.txt")), VerificationPolicy.STRICT));
        assertThat(changed.status()).isEqualTo(VerificationStatus.FAILED);
    }

    @Test
    void shouldDetectEveryInteropFileOfTheseFamiliesUnambiguously() throws Exception {
        Verifiers all = Verifiers.standard();
        for (String f : List.of("dsse/spec-hello-world.envelope.json", "dsse/bcid-vsa.gke-gce-pre.dsse.json",
                "dsse/intoto-demo-package.2f89b927.link.dsse.json")) {
            assertThat(all.detect(file(f)).verifier().map(Verifier::family)).as(f).contains("dsse");
        }
        assertThat(all.detect(file("pgp/jackson-annotations-2.17.2.pom.asc")).verifier().map(Verifier::family))
                .contains("pgp");
        assertThat(all.detect(file("slsa/bcr-MODULE.bazel.sha256")).verifier().map(Verifier::family))
                .contains("digest");
        for (String f : List.of("sigstore/py-bundle.txt.sigstore.json", "sigstore/js-bundleV02-dsse.sigstore.json",
                "slsa/bcr-MODULE.bazel.intoto.jsonl")) {
            assertThat(all.detect(file(f)).verifier().map(Verifier::family))
                    .as("%s is a sigstore bundle (DSSE inside or not), never plain DSSE", f).contains("sigstore");
        }
    }
}
