package io.jenkins.plugins.securedeploy.engine.sign;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.sign.cosign.CosignBlobVerifier;
import io.jenkins.plugins.securedeploy.engine.sign.digest.DigestPinVerifier;
import io.jenkins.plugins.securedeploy.engine.sign.dsse.DsseVerifier;
import io.jenkins.plugins.securedeploy.engine.sign.pgp.PgpVerifier;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file of the tampered corpus (one per attack, named in tampered/README.md) fails with its precise reason. */
class TamperedCorpusTest {
    static Stream<Arguments> corpus() {
        return Stream.of(
                Arguments.of("tampered-payload.dsse.json", "FAILED", "dsse.signature", "/signatures/0"),
                Arguments.of("tampered-payload-type.dsse.json", "FAILED", "dsse.signature", "/signatures/0"),
                Arguments.of("tampered-other-key.dsse.json", "FAILED", "dsse.signature", "/signatures/0"),
                Arguments.of("tampered-subject-digest.dsse.json", "FAILED", "statement.subject-mismatch", ""),
                Arguments.of("tampered-truncated.dsse.json", "ERROR", "json.truncated", ""),
                Arguments.of("tampered-duplicate-keys.dsse.json", "ERROR", "json.duplicate-key", ""),
                Arguments.of("tampered-bad-base64.dsse.json", "ERROR", "dsse.base64", "/signatures/0/sig"),
                Arguments.of("tampered-unsigned.dsse.json", "FAILED", "dsse.unsigned", ""),
                Arguments.of("tampered-unknown-field.dsse.json", "ERROR", "dsse.unknown-field", "/critical"),
                Arguments.of("tampered-second-signature.dsse.json", "FAILED", "dsse.signature", "/signatures/1"),
                Arguments.of("tampered-statement-type.dsse.json", "ERROR", "statement.unknown-type", "/_type"),
                Arguments.of("tampered-statement-duplicate-keys.dsse.json", "ERROR", "json.duplicate-key", ""),
                Arguments.of("tampered-blob.cosign.sig", "FAILED", "cosign.signature", ""),
                Arguments.of("tampered-truncated.cosign.sig", "ERROR", "cosign.not-der", ""),
                Arguments.of("tampered-signature.pgp.sig", "FAILED", "pgp.signature", ""),
                Arguments.of("tampered-digest.sha256", "FAILED", "digest.mismatch", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void shouldFailWithAPreciseReason(String file, String status, String code, String pointer) {
        EvidenceFile evidence = SignFixtures.evidence("tampered/" + file);
        Verifier verifier;
        TrustMaterial trust = SignFixtures.trustedKey();
        ArtifactSource artifact = SignFixtures.artifact();
        if (file.endsWith(".cosign.sig")) {
            verifier = new CosignBlobVerifier();
        } else if (file.endsWith(".pgp.sig")) {
            verifier = new PgpVerifier(SignFixtures.CLOCK);
            trust = TrustMaterial.ofKeyrings(SignFixtures.evidence("pgp/test-keyring.asc"));
            artifact = ArtifactSource.of(SignFixtures.resource("pgp/artifact.txt"), "artifact.txt");
        } else if (file.endsWith(".sha256")) {
            verifier = new DigestPinVerifier();
        } else {
            verifier = new DsseVerifier();
        }
        VerificationResult r = verifier.verify(VerificationRequest.of(evidence, artifact, trust,
                VerificationPolicy.STRICT));
        assertThat(r.status().name()).as(r.headline()).isEqualTo(status);
        assertThat(r.reasons()).as(r.headline()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo(code);
            assertThat(p.location().file()).startsWith("tampered/" + file);
            if (!pointer.isEmpty()) {
                assertThat(p.location().pointer()).isEqualTo(pointer);
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void shouldBeNamedInTheReadme(String file) {
        String readme = new String(SignFixtures.resource("tampered/README.md"), StandardCharsets.UTF_8);
        assertThat(readme).contains("`" + file + "`");
    }
}
