package io.jenkins.plugins.securedeploy.engine.sign.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.sign.SignFixtures;
import io.jenkins.plugins.securedeploy.engine.sign.TrustMaterial;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationPolicy;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationStatus;
import io.jenkins.plugins.securedeploy.engine.sign.registry.VerificationOptions.Relaxation;
import io.jenkins.plugins.securedeploy.engine.testing.InMemoryWorkspace;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkspaceVerificationTest {
    private static final List<TrustEntry> TRUST = List.of(new TrustEntry(TrustEntry.Kind.PUBLIC_KEY, "signer.pub",
            SignFixtures.resource("keys/test-p256.pub.pem")));

    private static InMemoryWorkspace workspace() {
        InMemoryWorkspace ws = new InMemoryWorkspace();
        try {
            ws.write("app.bin", SignFixtures.ARTIFACT);
            ws.write("app.intoto.json", SignFixtures.dsseEnvelope());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return ws;
    }

    private static VerificationSummary verify(InMemoryWorkspace ws, WorkspaceVerification.Request r) {
        return new WorkspaceVerification(VerificationService.standard()).verify(ws, r);
    }

    @Test
    void shouldVerifyAnEnvelopeAgainstTheArtifactInTheWorkspace() {
        VerificationSummary s = verify(workspace(), new WorkspaceVerification.Request("app.intoto.json", "app.bin",
                null, null, TRUST));
        assertThat(s.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(s.family()).isEqualTo("dsse");
        assertThat(s.signers()).isNotEmpty();
        assertThat(s.subjectDigests()).contains(Hashing.sha256(SignFixtures.ARTIFACT).toString());
        assertThat(s.reasons()).isEmpty();
    }

    @Test
    void shouldFailWhenTheArtifactChangedAndErrorWithoutTrust() {
        InMemoryWorkspace changed = workspace().with("app.bin", "tampered\n");
        assertThat(verify(changed, new WorkspaceVerification.Request("app.intoto.json", "app.bin", null, null, TRUST))
                .status()).isNotEqualTo(VerificationStatus.VERIFIED);
        assertThat(verify(workspace(), new WorkspaceVerification.Request("app.intoto.json", "app.bin", null, null,
                List.of())).isVerified()).isFalse();
    }

    @Test
    void shouldFailClosedOnMissingFilesNamingThem() {
        VerificationSummary noEvidence = verify(workspace(), new WorkspaceVerification.Request("missing.json",
                "app.bin", null, null, TRUST));
        assertThat(noEvidence.status()).isEqualTo(VerificationStatus.ERROR);
        assertThat(noEvidence.reasons()).singleElement().asString().contains("missing.json");
        VerificationSummary noArtifact = verify(workspace(), new WorkspaceVerification.Request("app.intoto.json",
                "gone.bin", null, null, TRUST));
        assertThat(noArtifact.status()).isEqualTo(VerificationStatus.ERROR);
        assertThat(noArtifact.reasons()).singleElement().asString().contains("gone.bin");
    }

    @Test
    void shouldRefuseARelaxationTheAdminDoesNotAllowAndApplyOneItDoes() {
        VerificationOptions relaxed = new VerificationOptions("", "", "", List.of(), "", "",
                Set.of(Relaxation.NO_ARTIFACT));
        VerificationSummary refused = verify(workspace(), new WorkspaceVerification.Request("app.intoto.json", "",
                relaxed, Set.of(), TRUST));
        assertThat(refused.status()).isEqualTo(VerificationStatus.ERROR);
        assertThat(refused.reasons()).singleElement().asString().contains("noArtifact").contains("admin");
        VerificationSummary allowed = verify(workspace(), new WorkspaceVerification.Request("app.intoto.json", "",
                relaxed, Set.of(Relaxation.NO_ARTIFACT), TRUST));
        assertThat(allowed.isVerified()).isTrue();
        assertThat(allowed.relaxations()).isNotEmpty();
    }

    @Test
    void shouldMapOptionsOntoTheStrictPolicy() {
        assertThat(VerificationOptions.strict().policy(Set.of())).isEqualTo(VerificationPolicy.STRICT);
        String pin = Hashing.sha256(SignFixtures.ARTIFACT).toString();
        VerificationPolicy p = new VerificationOptions("dsse", pin, "https://slsa.dev/provenance/v1",
                List.of(" k1 ", "k1", ""), "ci@example.com", "https://issuer", EnumSet.allOf(Relaxation.class))
                .policy(EnumSet.allOf(Relaxation.class));
        assertThat(p.expectedDigests()).isPresent();
        assertThat(p.expectedPredicateType()).contains("https://slsa.dev/provenance/v1");
        assertThat(p.allowedKeyIds()).containsExactly("k1");
        assertThat(p.allowedIdentities()).hasSize(1);
        assertThat(p.relaxations()).hasSize(4);
        assertThat(Relaxation.NO_TRANSPARENCY_LOG.option()).isEqualTo("noTransparencyLog");
    }

    @Test
    void shouldNameEveryBadOption() {
        assertThatThrownBy(() -> new VerificationOptions("", "md5:zz", "", null, "ci@example.com", "",
                Set.of(Relaxation.ANY_SIGNATURE)).policy(null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::code).containsExactly("verify.option.digest", "verify.option.identity",
                                "verify.option.relaxation.refused"));
    }

    @Test
    void shouldBuildTrustMaterialAndRefuseTwoSigstoreRoots() throws Exception {
        TrustMaterial t = TrustEntry.material(List.of(new TrustEntry(TrustEntry.Kind.PUBLIC_KEY, "a", new byte[] {1}),
                new TrustEntry(TrustEntry.Kind.KEYRING, "b", new byte[] {2}),
                new TrustEntry(TrustEntry.Kind.ROOT, "c", new byte[] {3}),
                new TrustEntry(TrustEntry.Kind.SIGSTORE_TRUSTED_ROOT, "d", new byte[] {4})));
        assertThat(t.publicKeys()).hasSize(1);
        assertThat(t.keyrings()).hasSize(1);
        assertThat(t.roots()).hasSize(1);
        assertThat(t.sigstoreTrustedRoot()).isPresent();
        TrustEntry root = new TrustEntry(TrustEntry.Kind.SIGSTORE_TRUSTED_ROOT, "x", new byte[0]);
        assertThatThrownBy(() -> TrustEntry.material(List.of(root, root))).isInstanceOf(IllegalArgumentException.class);
        assertThat(TrustEntry.Kind.parse("sigstoreTrustedRoot")).contains(TrustEntry.Kind.SIGSTORE_TRUSTED_ROOT);
        assertThat(TrustEntry.Kind.parse("nope")).isEmpty();
        assertThat(root).isEqualTo(new TrustEntry(TrustEntry.Kind.SIGSTORE_TRUSTED_ROOT, "x", new byte[0]))
                .hasSameHashCodeAs(new TrustEntry(TrustEntry.Kind.SIGSTORE_TRUSTED_ROOT, "x", new byte[0]));
        assertThat(root.toString()).contains("sigstoreTrustedRoot x");
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(new WorkspaceVerification.Request("e", "a", VerificationOptions.strict(), Set.of(), TRUST));
        }
    }
}
