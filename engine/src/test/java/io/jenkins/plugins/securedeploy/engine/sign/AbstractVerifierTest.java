package io.jenkins.plugins.securedeploy.engine.sign;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.testing.SecretCanary;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Verifier} family meets, tested once for all: valid evidence VERIFIED; empty, garbage and
 * truncated evidence ERROR with a reason located at the evidence file; the wrong key FAILED; missing trust material
 * ERROR; a changed artifact not VERIFIED; never an exception (also for thousands of byte mutations); no reason ever
 * quotes key, signature or payload material (long base64/hex runs of the evidence, a canary planted in it);
 * {@code recognizes} its own format and none of the other families' fixtures.
 *
 * <p>To add a family (the sigstore bundle verifier, for example): extend this class in the family's test package,
 * implement {@link #verifier()}, {@link #validRequest()} (evidence + artifact + trust + policy that must verify) and
 * {@link #wrongTrust()} (trust material of another signer), override {@link #needsTrust()} / {@link #bindsArtifact()}
 * where the family differs, and add one valid piece of the family's evidence to
 * {@link SignFixtures#evidenceByFamily()} so that every other family's test proves it does not claim it.
 */
public abstract class AbstractVerifierTest {
    /** The verifier under test. */
    protected abstract Verifier verifier();

    /** A request that must verify. */
    protected abstract VerificationRequest validRequest();

    /** Trust material of a different signer; with it the valid evidence must FAIL. */
    protected abstract TrustMaterial wrongTrust();

    /** Whether the family needs trust material (a digest pin does not). */
    protected boolean needsTrust() {
        return true;
    }

    /** Whether the evidence binds the artifact's content (an X.509 chain does not). */
    protected boolean bindsArtifact() {
        return true;
    }

    protected final VerificationRequest withEvidence(VerificationRequest r, byte[] content) {
        return new VerificationRequest(new EvidenceFile(r.evidence().name(), content), r.artifact(), r.trust(),
                r.policy());
    }

    @Test
    void shouldVerifyValidEvidence() {
        VerificationResult result = verifier().verify(validRequest());
        assertThat(result.status()).as(result.headline()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(result.family()).isEqualTo(verifier().family());
        assertThat(result.signers()).isNotEmpty();
        assertThat(result.reasons()).isEmpty();
    }

    @Test
    void shouldReportEmptyEvidenceAsLocatedError() {
        assertLocatedError(verifier().verify(withEvidence(validRequest(), new byte[0])));
    }

    @Test
    void shouldReportGarbageEvidenceAsLocatedError() {
        byte[] garbage = new byte[300];
        new Random(7).nextBytes(garbage);
        assertLocatedError(verifier().verify(withEvidence(validRequest(), garbage)));
        assertLocatedError(verifier().verify(withEvidence(validRequest(),
                "{\"not\": \"this format\"}".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void shouldReportTruncatedEvidenceAsLocatedError() {
        byte[] content = validRequest().evidence().content();
        VerificationResult r = verifier().verify(withEvidence(validRequest(), Arrays.copyOf(content, content.length / 2)));
        assertThat(r.status()).as(r.headline()).isNotEqualTo(VerificationStatus.VERIFIED);
        assertLocatedError(r);
    }

    /** The valid evidence checked with {@link #wrongTrust()}; a family without keys builds its own "other signer". */
    protected VerificationRequest wrongKeyRequest() {
        VerificationRequest v = validRequest();
        return new VerificationRequest(v.evidence(), v.artifact(), wrongTrust(), v.policy());
    }

    @Test
    void shouldFailWithTheWrongKey() {
        VerificationRequest wrong = wrongKeyRequest();
        VerificationResult r = verifier().verify(wrong);
        assertThat(r.status()).as(r.headline()).isEqualTo(VerificationStatus.FAILED);
        assertNoMaterial(r, wrong.evidence());
    }

    @Test
    void shouldReportMissingTrustMaterialAsError() {
        if (!needsTrust()) {
            return;
        }
        VerificationRequest v = validRequest();
        VerificationResult r = verifier().verify(new VerificationRequest(v.evidence(), v.artifact(),
                TrustMaterial.NONE, v.policy()));
        assertThat(r.status()).as(r.headline()).isEqualTo(VerificationStatus.ERROR);
        assertThat(r.reasons().get(0).code()).isEqualTo("trust.missing");
    }

    @Test
    void shouldNotVerifyAChangedArtifact() {
        if (!bindsArtifact()) {
            return;
        }
        VerificationRequest v = validRequest();
        VerificationResult r = verifier().verify(new VerificationRequest(v.evidence(),
                java.util.Optional.of(ArtifactSource.of("the release artifact, changed\n".getBytes(
                        StandardCharsets.UTF_8), "app.bin")), v.trust(), v.policy()));
        assertThat(r.status()).as(r.headline()).isEqualTo(VerificationStatus.FAILED);
        assertNoMaterial(r, v.evidence());
    }

    @Test
    void shouldNeverThrowForMutatedEvidence() {
        VerificationRequest v = validRequest();
        byte[] content = v.evidence().content();
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            byte[] m = content.clone();
            int at = random.nextInt(m.length);
            m[at] = (byte) (m[at] ^ (1 + random.nextInt(255)));
            VerificationResult r = verifier().verify(withEvidence(v, m));
            assertThat(r).isNotNull();
            assertNoMaterial(r, v.evidence());
        }
    }

    @Test
    void shouldNeverEchoACanaryPlantedInTheEvidence() {
        SecretCanary canary = SecretCanary.create();
        VerificationRequest v = validRequest();
        byte[] secret = canary.value().getBytes(StandardCharsets.UTF_8);
        byte[] content = v.evidence().content();
        byte[] appended = Arrays.copyOf(content, content.length + secret.length);
        System.arraycopy(secret, 0, appended, content.length, secret.length);
        for (byte[] evil : List.of(secret, appended, ("{\"payloadType\":\"" + canary.value() + "\",\"signatures\":[]}")
                .getBytes(StandardCharsets.UTF_8))) {
            VerificationResult r = verifier().verify(withEvidence(v, evil));
            assertThat(r.isVerified()).isFalse();
            canary.assertAbsent("reasons of " + verifier().family(), r.headline() + r.reasons());
        }
    }

    @Test
    void shouldRecognizeItsOwnFormatAndNoOtherFamilysFixture() {
        assertThat(verifier().recognizes(validRequest().evidence())).as("own format").isTrue();
        for (Map.Entry<String, EvidenceFile> e : SignFixtures.evidenceByFamily().entrySet()) {
            if (!e.getKey().equals(verifier().family())) {
                assertThat(verifier().recognizes(e.getValue())).as(e.getKey() + " fixture").isFalse();
            }
        }
        assertThat(verifier().recognizes(new EvidenceFile("empty", new byte[0]))).isFalse();
    }

    private void assertLocatedError(VerificationResult r) {
        assertThat(r.status()).as(r.headline()).isEqualTo(VerificationStatus.ERROR);
        assertThat(r.reasons()).isNotEmpty();
        for (Problem p : r.reasons()) {
            assertThat(p.location().file()).as(p.describe()).contains(validRequest().evidence().name());
        }
    }

    /** No run of 20+ base64/hex characters from the evidence (signatures, payloads, keys) appears in a reason. */
    protected static void assertNoMaterial(VerificationResult r, EvidenceFile evidence) {
        String text = r.headline() + " " + r.reasons();
        Matcher m = Pattern.compile("[A-Za-z0-9+/=_-]{20,}").matcher(new String(evidence.content(),
                StandardCharsets.ISO_8859_1));
        List<String> runs = new ArrayList<>();
        while (m.find()) {
            // digests and key ids are not secret; nor are field names (all letters, e.g. verificationMaterial), which
            // pointers quote - 20+ characters of real base64/hex material without a digit or symbol do not occur
            if (!m.group().matches("[0-9a-f]{64}|[0-9a-f]{128}|[A-Za-z]+")) {
                runs.add(m.group());
            }
        }
        for (String run : runs) {
            assertThat(text).as("reason quotes evidence material").doesNotContain(run);
        }
    }
}
