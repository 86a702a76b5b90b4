package io.jenkins.plugins.securedeploy.engine.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.sign.ArtifactSource;
import io.jenkins.plugins.securedeploy.engine.sign.SignFixtures;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample project's bundle verifies as a directory and as an archive, pinned by key or by key id; any changed,
 * removed or added file, a manifest signed by another key and a tampered attestation make it FAILED, naming the file.
 */
class BundleVerifierTest {
    static SealedBundle sealed;

    @TempDir
    Path dir;

    @BeforeAll
    static void seal() {
        sealed = BundleFixtures.sealed();
    }

    static BundleVerification verifyDir(Path bundle) {
        return new BundleVerifier().verify(BundleSource.directory(bundle),
                ManifestAnchor.keyId(BundleFixtures.systemKeyId()));
    }

    static BundleVerification verifyArchive(byte[] archive) {
        return new BundleVerifier().verify(BundleSource.archive("bundle.tar.gz",
                () -> new java.io.ByteArrayInputStream(archive)), ManifestAnchor.keyId(BundleFixtures.systemKeyId()));
    }

    static List<String> codes(BundleVerification v) {
        return v.reasons().stream().map(Problem::code).toList();
    }

    static List<String> files(BundleVerification v) {
        return v.reasons().stream().map(p -> p.location().file()).toList();
    }

    @Test
    void shouldVerifyTheSampleBundleAsDirectoryAndArchive() throws Exception {
        BundleVerification d = verifyDir(BundleFixtures.writeDirectory(sealed, dir));
        assertThat(d.status()).as(d.reasons().toString()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(d.signers()).containsExactly(BundleFixtures.systemKeyId());
        assertThat(d.manifest().orElseThrow().deploymentId()).isEqualTo(BundleFixtures.DEPLOYMENT);
        assertThat(d.checks()).anyMatch(c -> c.startsWith("attestations/provenance.intoto.json: VERIFIED dsse"))
                .anyMatch(c -> c.startsWith("attestations/scan.intoto.json: VERIFIED dsse"))
                .anyMatch(c -> c.startsWith("sbom/sbom.cdx.json: valid CycloneDX JSON 1.6")
                        && c.contains("describes the bundle's artifact"))
                .anyMatch(c -> c.contains("files: each present with the size and SHA-256"));
        assertThat(d.gateVerdict()).contains("ERROR");
        assertThat(d.headline()).startsWith("VERIFIED evidence bundle").contains("deployment sample-app-42 to staging");

        BundleVerification a = verifyArchive(sealed.archive());
        assertThat(a.status()).as(a.reasons().toString()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(a.checks()).isEqualTo(d.checks());

        BundleVerification byKey = new BundleVerifier().verify(BundleSource.directory(dir),
                ManifestAnchor.key(BundleFixtures.systemPublicKey()));
        assertThat(byKey.isVerified()).as(byKey.headline()).isTrue();
        assertThat(byKey.checks().get(0)).contains("the key in keys/test-p256.pub.pem");
    }

    @Test
    void shouldFailForEveryChangedFileInTheDirectoryAndTheArchive() throws Exception {
        for (String path : sealed.files().keySet()) {
            Map<String, byte[]> files = sealed.files();
            byte[] changed = files.get(path).clone();
            changed[changed.length / 2] ^= 0x01;
            files.put(path, changed);
            Path d = Files.createDirectories(dir.resolve("changed-" + path.replace('/', '_')));
            write(files, d);
            BundleVerification v = verifyDir(d);
            assertThat(v.status()).as(path + ": " + v.reasons()).isEqualTo(VerificationStatus.FAILED);
            assertThat(files(v)).as(path).anyMatch(f -> f.equals(path) || path.startsWith("manifest"));
            BundleVerification a = verifyArchive(TarCrafter.of(files).tarGz());
            assertThat(a.status()).as(path + " in the archive: " + a.reasons()).isEqualTo(VerificationStatus.FAILED);
            assertThat(a.reasons()).isEqualTo(v.reasons());
        }
    }

    @Test
    void shouldFailForEveryRemovedFileAndForAnAddedOne() throws Exception {
        for (String path : sealed.files().keySet()) {
            Map<String, byte[]> files = sealed.files();
            files.remove(path);
            Path d = Files.createDirectories(dir.resolve("removed-" + path.replace('/', '_')));
            write(files, d);
            BundleVerification v = verifyDir(d);
            assertThat(v.status()).as(path).isEqualTo(VerificationStatus.FAILED);
            assertThat(v.reasons()).as(path).anyMatch(p -> p.location().file().equals(path)
                    && List.of("bundle.missing-file", "bundle.no-manifest").contains(p.code()));
            if (!path.equals(BundlePaths.MANIFEST)) {
                assertThat(verifyArchive(TarCrafter.of(files).tarGz()).reasons()).isEqualTo(v.reasons());
            }
        }
        Map<String, byte[]> files = sealed.files();
        files.put("scan-reports/extra.json", "{}".getBytes(StandardCharsets.UTF_8));
        Path d = Files.createDirectories(dir.resolve("added"));
        write(files, d);
        BundleVerification v = verifyDir(d);
        assertThat(v.status()).isEqualTo(VerificationStatus.FAILED);
        assertThat(codes(v)).containsExactly("bundle.extra-file");
        assertThat(files(v)).containsExactly("scan-reports/extra.json");
        assertThat(verifyArchive(TarCrafter.of(files).tarGz()).reasons()).isEqualTo(v.reasons());
        assertThat(v.manifest()).as("the manifest itself verified").isPresent();
    }

    @Test
    void shouldFailForAManifestSignedByAnotherKey() throws Exception {
        SealedBundle other = new BundleWriter(BundleFixtures.buildSigner(),
                io.jenkins.plugins.securedeploy.engine.mask.SecretMasker.none()).seal(BundleFixtures.builder().build());
        BundleVerification pinned = verifyArchive(other.archive());
        assertThat(pinned.status()).isEqualTo(VerificationStatus.FAILED);
        assertThat(pinned.reasons()).extracting(Problem::describe).containsExactly("manifest.dsse.json: is not "
                + "signed by the pinned key id " + BundleFixtures.systemKeyId() + ": no key in the bundle's trust folder "
                + "has it [manifest.key-not-found]");
        assertThat(pinned.manifest()).isEmpty();
        // the forger copies the real (public) system key into the trust folder: the pin finds it, the signature fails
        SealedBundle forged = new BundleWriter(BundleFixtures.buildSigner(),
                io.jenkins.plugins.securedeploy.engine.mask.SecretMasker.none()).seal(BundleFixtures.builder()
                .trust(io.jenkins.plugins.securedeploy.engine.sign.TrustMaterial.ofPublicKeys(
                        BundleFixtures.systemPublicKey())).build());
        BundleVerification copied = verifyArchive(forged.archive());
        assertThat(copied.status()).isEqualTo(VerificationStatus.FAILED);
        assertThat(copied.reasons()).extracting(Problem::code).containsExactly("dsse.signature");
        assertThat(copied.reasons().get(0).describe()).startsWith("manifest.dsse.json at /signatures/0");
        BundleVerification byKey = new BundleVerifier().verify(BundleSource.archive("b.tar.gz",
                () -> new java.io.ByteArrayInputStream(other.archive())),
                ManifestAnchor.key(BundleFixtures.systemPublicKey()));
        assertThat(byKey.status()).isEqualTo(VerificationStatus.FAILED);
        assertThat(byKey.gateVerdict()).isEmpty();
    }

    @Test
    void shouldFailWhenThePinnedKeyIdIsNotInTheBundle() {
        BundleVerification v = new BundleVerifier().verify(BundleSource.archive("b.tar.gz",
                () -> new java.io.ByteArrayInputStream(sealed.archive())),
                ManifestAnchor.keyId("sha256:" + "ab".repeat(32)));
        assertThat(v.status()).isEqualTo(VerificationStatus.FAILED);
        assertThat(codes(v)).containsExactly("manifest.key-not-found");
    }

    @Test
    void shouldFailForATamperedAttestationThatWasSealedAnyway() {
        String envelope = new String(BundleFixtures.sample().provenance(), StandardCharsets.UTF_8);
        byte[] tampered = envelope.replace("\"payload\":\"ey", "\"payload\":\"ez").getBytes(StandardCharsets.UTF_8);
        SealedBundle s = BundleFixtures.writer().seal(BundleFixtures.builder()
                .attestation("tampered.intoto.json", tampered).build());
        BundleVerification v = verifyArchive(s.archive());
        assertThat(v.status()).isEqualTo(VerificationStatus.FAILED);
        assertThat(files(v)).allMatch(f -> f.startsWith("attestations/tampered.intoto.json"));
    }

    @Test
    void shouldFailForAnAttestationAboutAnotherArtifact() {
        byte[] otherSubject = new io.jenkins.plugins.securedeploy.engine.attest.Attestor().attestJson(
                SignFixtures.statement("another artifact".getBytes(StandardCharsets.UTF_8)),
                List.of(BundleFixtures.buildSigner()));
        BundleVerification v = verifyArchive(BundleFixtures.writer().seal(BundleFixtures.builder()
                .attestation("other.intoto.json", otherSubject).build()).archive());
        assertThat(v.status()).isEqualTo(VerificationStatus.FAILED);
        assertThat(codes(v)).containsExactly("statement.digest-not-expected");
        assertThat(files(v)).containsExactly("attestations/other.intoto.json");
    }

    @Test
    void shouldFailForAnAttestationByAnUntrustedKey() {
        EvidenceBundle b = EvidenceBundle.builder(BundleFixtures.DEPLOYMENT, BundleFixtures.ENVIRONMENT,
                BundleFixtures.sample().artifact(), BundleFixtures.CLOCK.instant())
                .attestation("provenance.intoto.json", BundleFixtures.sample().provenance()).build();
        BundleVerification v = verifyArchive(BundleFixtures.writer().seal(b).archive());
        assertThat(v.status()).isEqualTo(VerificationStatus.FAILED);
        assertThat(codes(v)).containsExactly("dsse.signature");
    }

    @Test
    void shouldCheckTheArtifactWhenGiven() throws Exception {
        Path bundle = BundleFixtures.writeDirectory(sealed, dir);
        ManifestAnchor anchor = ManifestAnchor.keyId(BundleFixtures.systemKeyId());
        BundleVerification ok = new BundleVerifier().verify(BundleSource.of(bundle), anchor, Optional.of(
                ArtifactSource.of(BundleFixtures.sample().artifactBytes(), "app-1.0.0.txt")));
        assertThat(ok.isVerified()).as(ok.headline()).isTrue();
        assertThat(ok.checks()).anyMatch(c -> c.contains("checked against the file given"))
                .anyMatch(c -> c.startsWith("app-1.0.0.txt: is the bundle's artifact"));
        BundleVerification wrong = new BundleVerifier().verify(BundleSource.of(bundle), anchor, Optional.of(
                ArtifactSource.of("not it".getBytes(StandardCharsets.UTF_8), "other.txt")));
        assertThat(wrong.status()).isEqualTo(VerificationStatus.FAILED);
        assertThat(codes(wrong)).contains("bundle.artifact-mismatch", "statement.subject-mismatch");
    }

    @Test
    void shouldReportTheAuditChainAsNotCheckedOrAsTheHookSays() throws Exception {
        byte[] excerpt = "{\"seq\":1}\n{\"seq\":2}\n".getBytes(StandardCharsets.UTF_8);
        SealedBundle s = BundleFixtures.writer().seal(BundleFixtures.builder()
                .audit("audit.jsonl", MediaTypes.JSON_LINES, excerpt).build());
        BundleVerification plain = verifyArchive(s.archive());
        assertThat(plain.isVerified()).isTrue();
        assertThat(plain.notChecked()).anyMatch(n -> n.startsWith("audit/audit.jsonl: audit hash chain not checked"));
        byte[] archive = s.archive();
        AuditExcerptCheck broken = (path, type, content, trust) -> Optional.of(List.of(Problem.of("audit.chain",
                "entry 2 does not chain to entry 1", io.jenkins.plugins.securedeploy.engine.core.Location.of(path,
                        2, 0))));
        BundleVerification failed = new BundleVerifier(
                io.jenkins.plugins.securedeploy.engine.sign.registry.VerificationService.standard(),
                BundleLimits.DEFAULT, broken).verify(BundleSource.archive("b", () -> new java.io.ByteArrayInputStream(
                        archive)), ManifestAnchor.keyId(BundleFixtures.systemKeyId()));
        assertThat(failed.status()).isEqualTo(VerificationStatus.FAILED);
        assertThat(failed.reasons().get(0).describe()).isEqualTo("audit/audit.jsonl:2: entry 2 does not chain to entry "
                + "1 [audit.chain]");
        AuditExcerptCheck holds = (path, type, content, trust) -> Optional.of(List.of());
        BundleVerification ok = new BundleVerifier(
                io.jenkins.plugins.securedeploy.engine.sign.registry.VerificationService.standard(),
                BundleLimits.DEFAULT, holds).verify(BundleSource.archive("b", () -> new java.io.ByteArrayInputStream(
                        archive)), ManifestAnchor.keyId(BundleFixtures.systemKeyId()));
        assertThat(ok.checks()).contains("audit/audit.jsonl: audit hash chain holds");
    }

    @Test
    void shouldFailForAnInvalidSbomAndForAnSbomOfAnotherArtifact() {
        BundleVerification invalid = verifyArchive(BundleFixtures.writer().seal(BundleFixtures.builder()
                .sbom("broken.cdx.json", "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":7}"
                        .getBytes(StandardCharsets.UTF_8)).build()).archive());
        assertThat(invalid.status()).isEqualTo(VerificationStatus.FAILED);
        assertThat(files(invalid)).allMatch(f -> f.equals("sbom/broken.cdx.json"));
    }

    @Test
    void shouldVerifySignedApprovalsAndListUnsignedOnesAsNotChecked() {
        BundleVerification v = verifyArchive(BundleFixtures.writer().seal(BundleFixtures.builder()
                .approval("approval.intoto.json", MediaTypes.DSSE, BundleFixtures.sample().provenance())
                .approval("ledger.json", MediaTypes.JSON, "{\"decision\":\"APPROVED\"}".getBytes(
                        StandardCharsets.UTF_8)).build()).archive());
        assertThat(v.isVerified()).as(v.headline()).isTrue();
        assertThat(v.checks()).anyMatch(c -> c.startsWith("approval/approval.intoto.json: VERIFIED dsse"));
        assertThat(v.notChecked()).anyMatch(c -> c.startsWith("approval/ledger.json: not a signed statement"));
    }

    @Test
    void shouldErrorWhenTheBundleIsMissingOrNotABundle() throws Exception {
        BundleVerification missing = new BundleVerifier().verify(BundleSource.of(dir.resolve("nope.tar.gz")),
                ManifestAnchor.keyId(BundleFixtures.systemKeyId()));
        assertThat(missing.status()).isEqualTo(VerificationStatus.ERROR);
        assertThat(codes(missing)).containsExactly("bundle.missing");
        BundleVerification empty = verifyDir(Files.createDirectories(dir.resolve("empty")));
        assertThat(empty.status()).isEqualTo(VerificationStatus.FAILED);
        assertThat(codes(empty)).containsExactly("bundle.no-manifest");
    }

    static void write(Map<String, byte[]> files, Path d) throws Exception {
        for (Map.Entry<String, byte[]> f : new LinkedHashMap<>(files).entrySet()) {
            Path t = d.resolve(f.getKey());
            Files.createDirectories(t.getParent());
            Files.write(t, f.getValue());
        }
    }
}
