package io.jenkins.plugins.securedeploy.engine.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.ArtifactRef;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.core.SecurityViolationException;
import io.jenkins.plugins.securedeploy.engine.host.EvidenceRef;
import io.jenkins.plugins.securedeploy.engine.host.FileSystemEvidenceStore;
import io.jenkins.plugins.securedeploy.engine.mask.SecretMasker;
import io.jenkins.plugins.securedeploy.engine.sign.IdentityRule;
import io.jenkins.plugins.securedeploy.engine.testing.InMemoryEvidenceStore;
import io.jenkins.plugins.securedeploy.engine.testing.SecretCanary;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer: the same evidence gives the same archive bytes; files are masked or refused as their kind demands;
 * the manifest lists every file; the bundle is stored through the EvidenceStore port as a directory and an archive.
 */
class BundleWriterTest {
    @TempDir
    Path dir;

    @Test
    void shouldWriteTheSameArchiveBytesFromTheSameEvidence() {
        byte[] first = BundleFixtures.sealed().archive();
        byte[] second = BundleFixtures.writer().seal(BundleFixtures.builder().build()).archive();
        assertThat(second).isEqualTo(first);
        // the same files handed over in another order
        EvidenceBundle b = BundleFixtures.builder().build();
        List<BundleEntry> reversed = new ArrayList<>(b.entries());
        java.util.Collections.reverse(reversed);
        EvidenceBundle shuffled = new EvidenceBundle(b.deploymentId(), b.environment(), b.artifact(), b.createdAt()
                .plusMillis(400), reversed, b.identities());
        assertThat(BundleFixtures.writer().seal(shuffled).archive()).isEqualTo(first);
        EvidenceBundle later = new EvidenceBundle(b.deploymentId(), b.environment(), b.artifact(), b.createdAt()
                .plusSeconds(1), b.entries(), b.identities());
        assertThat(BundleFixtures.writer().seal(later).archive()).isNotEqualTo(first);
    }

    @Test
    void shouldLayTheArchiveOutAsAPlainUstarOfRegularFilesManifestFirst() throws Exception {
        SealedBundle s = BundleFixtures.sealed();
        byte[] archive = s.archive();
        assertThat(java.util.Arrays.copyOf(archive, 10)).containsExactly(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 0xff);
        byte[] tar;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(archive))) {
            tar = in.readAllBytes();
        }
        assertThat(tar.length % ArchiveWriter.RECORD).isZero();
        List<String> names = new ArrayList<>();
        EntrySink sink = new EntrySink() {
            @Override
            public void file(String name, long size, int mode, java.io.InputStream content) {
                names.add(name);
                assertThat(mode).isEqualTo(0644);
            }

            @Override
            public void refused(String name, String kind) {
                throw new AssertionError(name + " is " + kind);
            }
        };
        ArchiveReader.read(new ByteArrayInputStream(archive), BundleLimits.DEFAULT, sink);
        assertThat(names).containsExactlyElementsOf(s.files().keySet());
        assertThat(names.subList(0, 2)).containsExactly(BundlePaths.MANIFEST, BundlePaths.MANIFEST_DSSE);
        assertThat(names.subList(2, names.size())).isSorted();
        byte[] header = java.util.Arrays.copyOf(tar, 512);
        assertThat(new String(header, 108, 7, StandardCharsets.US_ASCII)).isEqualTo("0000000");
        assertThat(Long.parseLong(new String(header, 136, 11, StandardCharsets.US_ASCII), 8))
                .isEqualTo(BundleFixtures.CLOCK.instant().getEpochSecond());
    }

    @Test
    void shouldListEveryFileInTheManifestWithRoleTypeSizeAndDigest() {
        SealedBundle s = BundleFixtures.sealed();
        BundleManifest m = s.manifest();
        Map<String, byte[]> files = s.files();
        assertThat(m.files()).extracting(BundleManifest.File::path)
                .containsExactlyElementsOf(files.keySet().stream().filter(p -> !BundlePaths.reserved(p)).toList());
        for (BundleManifest.File f : m.files()) {
            assertThat(f.size()).isEqualTo(files.get(f.path()).length);
            assertThat(f.sha256()).isEqualTo(Hashing.sha256(files.get(f.path())));
        }
        assertThat(m.file("attestations/provenance.intoto.json").orElseThrow().mediaType()).isEqualTo(MediaTypes.DSSE);
        assertThat(m.file("sbom/sbom.cdx.json").orElseThrow().mediaType()).isEqualTo(MediaTypes.CYCLONEDX_JSON);
        assertThat(m.file("gate-report/index.html").orElseThrow().role()).isEqualTo(BundleRole.GATE_REPORT);
        assertThat(m.file("revocations/revocations.json").orElseThrow().role()).isEqualTo(BundleRole.REVOCATIONS);
        assertThat(m.file(BundleWriter.SIGNER_KEY).orElseThrow().trust()).contains(TrustKind.PUBLIC_KEY);
        assertThat(m.file("trust/public-key-1.pem")).isPresent();
        assertThat(new String(files.get(BundlePaths.MANIFEST), StandardCharsets.UTF_8))
                .startsWith("{\"artifact\":{\"digest\":{\"sha256\":\"")
                .contains("\"format\":\"secure-deploy-evidence-bundle\",\"formatVersion\":1");
        assertThat(new ManifestReader().read(files.get(BundlePaths.MANIFEST), "manifest.json")).isEqualTo(m);
        assertThat(s.manifestDigest()).isEqualTo(Hashing.sha256(files.get(BundlePaths.MANIFEST)));
    }

    @Test
    void shouldMaskUnsignedFilesAndKeepTheSecretOutOfTheBundle() throws Exception {
        SecretCanary canary = SecretCanary.create();
        SecretMasker masker = SecretMasker.of(List.of(SecretValue.of(canary.value())));
        byte[] report = ("{\"token\": \"" + canary.value() + "\"}").getBytes(StandardCharsets.UTF_8);
        SealedBundle s = new BundleWriter(BundleFixtures.systemSigner(), masker).seal(BundleFixtures.builder()
                .scanReport("leaky.json", report).build());
        assertThat(s.masked()).containsExactly("scan-reports/leaky.json");
        s.files().forEach((path, content) -> canary.assertAbsent(path, new String(content, StandardCharsets.UTF_8)));
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(s.archive()))) {
            canary.assertAbsent("archive", new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
        }
        WrittenBundle w = BundleWriter.store(s, BundleTarget.in(new FileSystemEvidenceStore(dir), "bundle"));
        canary.assertAbsentFromDirectory(dir);
        BundleVerification v = new BundleVerifier().verify(BundleSource.of(dir.resolve("bundle")),
                ManifestAnchor.keyId(BundleFixtures.systemKeyId()));
        assertThat(v.isVerified()).as(v.headline()).isTrue();
        canary.assertAbsent("verification", v.toString() + v.checks() + v.notChecked());
        assertThat(w.masked()).containsExactly("scan-reports/leaky.json");
    }

    @Test
    void shouldRefuseASignedOrChainedFileOrAManifestHoldingASecret() {
        SecretCanary canary = SecretCanary.create();
        BundleWriter writer = new BundleWriter(BundleFixtures.systemSigner(),
                SecretMasker.of(List.of(SecretValue.of(canary.value()))));
        byte[] leaky = canary.value().getBytes(StandardCharsets.UTF_8);
        for (EvidenceBundle b : List.of(
                BundleFixtures.builder().attestation("leaky.intoto.json", leaky).build(),
                BundleFixtures.builder().audit("audit.jsonl", MediaTypes.JSON_LINES, leaky).build(),
                BundleFixtures.builder().approval("a.json", MediaTypes.DSSE, leaky).build(),
                BundleFixtures.builder().trust(TrustKind.PUBLIC_KEY, new io.jenkins.plugins.securedeploy.engine.sign
                        .EvidenceFile("k.pem", leaky)).build(),
                EvidenceBundle.builder("deploy " + canary.value(), "prod", BundleFixtures.sample().artifact(),
                        BundleFixtures.CLOCK.instant()).build())) {
            assertThatThrownBy(() -> writer.seal(b)).isInstanceOf(SecurityViolationException.class)
                    .satisfies(canary::assertAbsentFromThrowable)
                    .hasMessageContaining("secret value");
        }
    }

    @Test
    void shouldStoreTheDirectoryAndTheArchiveThroughTheEvidenceStore() {
        InMemoryEvidenceStore store = new InMemoryEvidenceStore();
        WrittenBundle w = BundleFixtures.writer().write(BundleFixtures.builder().build(),
                BundleTarget.in(store, "evidence-bundle"));
        assertThat(w.files()).extracting(EvidenceRef::name).first().isEqualTo("evidence-bundle/manifest.json");
        assertThat(w.files()).extracting(EvidenceRef::name).contains("evidence-bundle/manifest.dsse.json",
                "evidence-bundle/attestations/provenance.intoto.json", "evidence-bundle/gate-report/index.html");
        assertThat(w.archive().orElseThrow().name()).isEqualTo("evidence-bundle.tar.gz");
        assertThat(w.archive().orElseThrow().mediaType()).isEqualTo(MediaTypes.TAR_GZIP);
        assertThat(store.content("evidence-bundle.tar.gz")).isEqualTo(BundleFixtures.sealed().archive());
        assertThat(w.manifestDigest()).isEqualTo(Hashing.sha256(store.content("evidence-bundle/manifest.json")));
        assertThat(w.signerKeyId()).isEqualTo(BundleFixtures.systemKeyId());
        byte[] archive = store.content("evidence-bundle.tar.gz");
        BundleVerification v = new BundleVerifier().verify(BundleSource.archive("evidence-bundle.tar.gz",
                () -> new ByteArrayInputStream(archive)), ManifestAnchor.keyId(w.signerKeyId()));
        assertThat(v.isVerified()).as(v.headline()).isTrue();
        InMemoryEvidenceStore dirOnly = new InMemoryEvidenceStore();
        assertThat(BundleFixtures.writer().write(BundleFixtures.builder().build(),
                BundleTarget.directory(dirOnly, "")).archive()).isEmpty();
        assertThat(dirOnly.contents()).containsKey("manifest.json");
    }

    @Test
    void shouldRecordIdentitiesAndRefuseClashingNames() {
        ArtifactRef a = BundleFixtures.sample().artifact();
        EvidenceBundle b = EvidenceBundle.builder("d", "prod", a, BundleFixtures.CLOCK.instant())
                .trustedIdentity(IdentityRule.exact("https://github.com/o/r/.github/workflows/r.yml@refs/heads/main",
                        "https://token.actions.githubusercontent.com")).build();
        BundleManifest m = BundleFixtures.writer().seal(b).manifest();
        assertThat(m.identities()).hasSize(1);
        assertThat(new ManifestReader().read(m.toCanonicalJson(), "m").identities()).isEqualTo(m.identities());
        assertThatThrownBy(() -> EvidenceBundle.builder("d", "prod", a, BundleFixtures.CLOCK.instant())
                .scanReport("a.json", new byte[0]).scanReport("A.json", new byte[0]).build())
                .hasMessageContaining("differ in more than case");
        EvidenceBundle clash = new EvidenceBundle("d", "prod", a, BundleFixtures.CLOCK.instant(), List.of(
                new BundleEntry(BundleWriter.SIGNER_KEY, BundleRole.TRUST, MediaTypes.PEM,
                        java.util.Optional.of(TrustKind.PUBLIC_KEY), new byte[1])), List.of());
        assertThatThrownBy(() -> BundleFixtures.writer().seal(clash))
                .hasMessageContaining("written by the bundle writer itself");
        assertThatThrownBy(() -> EvidenceBundle.builder("d", "prod", a, BundleFixtures.CLOCK.instant())
                .scanReport("../x.json", new byte[0])).isInstanceOf(SecurityViolationException.class);
        assertThatThrownBy(() -> EvidenceBundle.builder(" ", "prod", a, BundleFixtures.CLOCK.instant()).build())
                .hasMessageContaining("deployment id");
    }
}
