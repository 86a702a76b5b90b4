package io.jenkins.plugins.securedeploy.engine.sign.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.sign.ArtifactSource;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.SignFixtures;
import io.jenkins.plugins.securedeploy.engine.sign.TrustMaterial;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationPolicy;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationRequest;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationResult;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationStatus;
import io.jenkins.plugins.securedeploy.engine.sign.Verifier;
import io.jenkins.plugins.securedeploy.engine.sign.digest.DigestPinVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VerificationServiceTest {
    @Test
    void shouldDetectEveryFamilysEvidenceUnambiguously() {
        Verifiers all = Verifiers.standard(SignFixtures.CLOCK);
        assertThat(all.families()).containsExactly("cosign", "digest", "dsse", "pgp", "sigstore", "x509");
        for (Map.Entry<String, EvidenceFile> e : SignFixtures.evidenceByFamily().entrySet()) {
            assertThat(all.detect(e.getValue()).verifier().map(Verifier::family)).as(e.getKey()).contains(e.getKey());
        }
        Verifiers.Detection none = all.detect(new EvidenceFile("x.txt", "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(none.problem().orElseThrow().code()).isEqualTo("verify.unrecognised");
    }

    @Test
    void shouldRefuseAmbiguousEvidence() {
        Verifier pin = new DigestPinVerifier();
        Verifier claimsAll = new Verifier() {
            @Override
            public String family() {
                return "greedy";
            }

            @Override
            public boolean recognizes(EvidenceFile evidence) {
                return true;
            }

            @Override
            public VerificationResult verify(VerificationRequest request) {
                return pin.verify(request);
            }
        };
        Verifiers two = new Verifiers(List.of(new DigestPinVerifier(), claimsAll));
        VerificationResult r = new VerificationService(two).verify(VerificationRequest.of(
                new EvidenceFile("pin", SignFixtures.digestPin()), SignFixtures.artifact(), null, null));
        assertThat(r.status()).isEqualTo(VerificationStatus.ERROR);
        assertThat(r.reasons().get(0).code()).isEqualTo("verify.ambiguous");
        assertThat(r.reasons().get(0).message()).contains("digest, greedy").contains("--type");
        assertThat(new VerificationService(two).verify(VerificationRequest.of(new EvidenceFile("pin",
                SignFixtures.digestPin()), SignFixtures.artifact(), null, null), Optional.of("digest")).isVerified())
                .isTrue();
        assertThatThrownBy(() -> new Verifiers(List.of(new DigestPinVerifier(), new DigestPinVerifier())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldCacheByEvidenceArtifactTrustAndPolicy() {
        AtomicInteger opened = new AtomicInteger();
        ArtifactSource counting = new ArtifactSource() {
            @Override
            public String name() {
                return "app.bin";
            }

            @Override
            public InputStream open() throws IOException {
                opened.incrementAndGet();
                return SignFixtures.artifact().open();
            }
        };
        VerificationService service = new VerificationService(Verifiers.standard(SignFixtures.CLOCK));
        VerificationRequest request = VerificationRequest.of(new EvidenceFile("app.intoto.json",
                SignFixtures.dsseEnvelope()), counting, SignFixtures.trustedKey(), VerificationPolicy.STRICT);
        VerificationResult first = service.verify(request);
        VerificationResult second = service.verify(request);
        assertThat(first.isVerified()).isTrue();
        assertThat(second).isSameAs(first);
        assertThat(service.cachedResults()).isEqualTo(1);
        service.verify(VerificationRequest.of(request.evidence(), counting, SignFixtures.otherKey(),
                VerificationPolicy.STRICT));
        service.verify(VerificationRequest.of(request.evidence(), counting, SignFixtures.trustedKey(),
                VerificationPolicy.STRICT.allowingAnySignature()));
        assertThat(service.cachedResults()).isEqualTo(3);
        VerificationResult unknown = service.verify(request, Optional.of("nope"));
        assertThat(unknown.reasons().get(0).code()).isEqualTo("verify.unknown-family");
        assertThat(opened.get()).isGreaterThan(0);
        assertThat(VerificationService.standard()).isNotNull();
        assertThat(new Verifiers(List.of()).find("dsse")).isEmpty();
        assertThat(TrustMaterial.NONE.publicKeys()).isEmpty();
    }

    @Test
    void shouldReportAnUnreadableArtifactAsError() {
        ArtifactSource broken = new ArtifactSource() {
            @Override
            public String name() {
                return "gone.bin";
            }

            @Override
            public InputStream open() throws IOException {
                throw new java.nio.file.NoSuchFileException("gone.bin");
            }
        };
        VerificationResult r = VerificationService.standard().verify(VerificationRequest.of(
                new EvidenceFile("pin", SignFixtures.digestPin()), broken, null, null));
        assertThat(r.status()).isEqualTo(VerificationStatus.ERROR);
        assertThat(r.reasons().get(0).code()).isEqualTo("artifact.unreadable");
        assertThat(r.reasons().get(0).location().file()).isEqualTo("gone.bin");
    }
}
