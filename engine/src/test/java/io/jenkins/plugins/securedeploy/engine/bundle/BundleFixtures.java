package io.jenkins.plugins.securedeploy.engine.bundle;

import io.jenkins.plugins.securedeploy.engine.attest.AttestationService;
import io.jenkins.plugins.securedeploy.engine.attest.ResourceDescriptor;
import io.jenkins.plugins.securedeploy.engine.attest.Subject;
import io.jenkins.plugins.securedeploy.engine.core.ArtifactRef;
import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.credentials.RevocationRecord;
import io.jenkins.plugins.securedeploy.engine.credentials.RevocationReport;
import io.jenkins.plugins.securedeploy.engine.host.BuildContext;
import io.jenkins.plugins.securedeploy.engine.host.FileSystemWorkspace;
import io.jenkins.plugins.securedeploy.engine.gate.GateRequest;
import io.jenkins.plugins.securedeploy.engine.gate.GateService;
import io.jenkins.plugins.securedeploy.engine.gate.NamedBytes;
import io.jenkins.plugins.securedeploy.engine.mask.SecretMasker;
import io.jenkins.plugins.securedeploy.engine.policy.EvidenceFacts;
import io.jenkins.plugins.securedeploy.engine.report.EvidenceEntry;
import io.jenkins.plugins.securedeploy.engine.sbom.GeneratedSbom;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomGenerator;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomOptions;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.scan.secrets.SecretScanOptions;
import io.jenkins.plugins.securedeploy.engine.scan.secrets.SecretScanner;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.SignFixtures;
import io.jenkins.plugins.securedeploy.engine.sign.TrustMaterial;
import io.jenkins.plugins.securedeploy.engine.sign.keys.KeySigner;
import io.jenkins.plugins.securedeploy.engine.testing.InMemoryEvidenceStore;
import io.jenkins.plugins.securedeploy.engine.testing.TestClocks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The sample project's real evidence, made by the engine's own services on {@code samples/app}: the artifact under
 * {@code dist/}, its CycloneDX SBOM (from package-lock.json, bound to the artifact), the gate report folder (the
 * built-in secret scanner on the sample's policy; bandit and shellcheck are not run here, so the sample policy's
 * required reports make the verdict ERROR — the CLI end-to-end test uses the demo's full run) and SLSA provenance and
 * scan-result statements signed with the build key ({@code other-p256}); the manifest is signed with the system key
 * ({@code test-p256}). Keys are the sign fixtures' (see their README).
 */
final class BundleFixtures {
    static final Clock CLOCK = TestClocks.fixed(Instant.parse("2026-12-01T10:00:00Z"));
    static final String DEPLOYMENT = "sample-app-42";
    static final String ENVIRONMENT = "staging";

    private static Sample sample;

    private BundleFixtures() {}

    /** Everything the sample bundle is built from. */
    record Sample(ArtifactRef artifact, byte[] artifactBytes, byte[] sbom, Map<String, byte[]> gateReport,
            byte[] provenance, byte[] scanAttestation, byte[] banditReport) {}

    static Path repo() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("samples/app/.secure-deploy.yml"))) {
                return d;
            }
        }
        throw new IllegalStateException("repository root (samples/) not found above the module");
    }

    static KeySigner systemSigner() {
        return SignFixtures.signer();
    }

    static KeySigner buildSigner() {
        return SignFixtures.otherSigner();
    }

    static String systemKeyId() {
        return systemSigner().keyId();
    }

    static EvidenceFile systemPublicKey() {
        return SignFixtures.evidence("keys/test-p256.pub.pem");
    }

    static synchronized Sample sample() {
        if (sample == null) {
            try {
                sample = make();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sample;
    }

    private static Sample make() throws IOException {
        Path app = repo().resolve("samples/app");
        FileSystemWorkspace workspace = new FileSystemWorkspace(app);
        String artifactName = "dist/app-1.0.0.txt";
        byte[] artifactBytes = workspace.read(artifactName);
        ArtifactRef artifact = new ArtifactRef("app-1.0.0.txt", Hashing.bytes(artifactBytes), artifactBytes.length);
        GeneratedSbom sbom = new SbomGenerator(CLOCK, () -> new UUID(42, 42)).generate(workspace,
                List.of("package-lock.json"), List.of(new ArtifactRef(artifactName, artifact.digests(),
                        artifact.size())), SbomOptions.defaults().withProject("sample-app", "1.0.0"));
        ScanResult secrets = new SecretScanner().scan(workspace, SecretScanOptions.defaults()
                .plusExcludes(List.of("dist/**")));
        InMemoryEvidenceStore reportStore = new InMemoryEvidenceStore();
        new GateService(CLOCK).decide(GateRequest.of(List.of(secrets))
                .withPolicy(NamedBytes.read(app.resolve(".secure-deploy.yml"), ".secure-deploy.yml", "policy file"))
                .withFacts(EvidenceFacts.NONE.withSbomPresent(true))
                .withEvidence(List.of(new EvidenceEntry("sbom", "sbom.cdx.json", sbom.summary().sha256().toString(),
                        "present")))
                .withSboms(List.of(sbom.summary()))
                .withFolder(""), reportStore);
        Map<String, byte[]> report = new TreeMap<>(reportStore.contents());
        AttestationService.Request request = new AttestationService.Request(List.of(Subject.of(artifact.name(),
                artifact.digests())), EnumSet.of(AttestationService.Kind.PROVENANCE, AttestationService.Kind.SCAN),
                new BuildContext("sample-app", "42", "", "", "https://ci.example/secure-deploy", CLOCK.instant()),
                Optional.of(ResourceDescriptor.of("sbom.cdx.json", DigestSet.of(sbom.summary().sha256()),
                        ResourceDescriptor.CYCLONEDX_JSON)),
                Optional.of(new EvidenceFile("gate-report.json", report.get("gate-report.json"))), Optional.empty());
        Map<AttestationService.Kind, byte[]> envelopes = new AttestationService(CLOCK).attest(request,
                List.of(buildSigner()));
        byte[] bandit = "{\"results\": [], \"errors\": []}\n".getBytes(StandardCharsets.UTF_8);
        return new Sample(artifact, artifactBytes, sbom.json(), Map.copyOf(report),
                envelopes.get(AttestationService.Kind.PROVENANCE), envelopes.get(AttestationService.Kind.SCAN), bandit);
    }

    /** The sample bundle's evidence: gate report, SBOM, both attestations, a scan report, revocations, trust. */
    static EvidenceBundle.Builder builder() {
        Sample s = sample();
        Instant at = CLOCK.instant();
        return EvidenceBundle.builder(DEPLOYMENT, ENVIRONMENT, s.artifact(), at)
                .gateReport(s.gateReport())
                .sbom("sbom.cdx.json", s.sbom())
                .attestation("provenance.intoto.json", s.provenance())
                .attestation("scan.intoto.json", s.scanAttestation())
                .scanReport("bandit.json", s.banditReport())
                .revocations(new RevocationReport(List.of(new RevocationRecord("local", "token #1",
                        RevocationRecord.Outcome.EXPIRES, "local tokens cannot be revoked", at,
                        at.plusSeconds(900)))))
                .trust(TrustMaterial.ofPublicKeys(SignFixtures.evidence("keys/other-p256.pub.pem")));
    }

    static BundleWriter writer() {
        return new BundleWriter(systemSigner(), SecretMasker.none());
    }

    static SealedBundle sealed() {
        return writer().seal(builder().build());
    }

    /** Writes a sealed bundle's files under {@code dir} (as a directory bundle). */
    static Path writeDirectory(SealedBundle sealed, Path dir) throws IOException {
        for (Map.Entry<String, byte[]> f : sealed.files().entrySet()) {
            Path target = dir.resolve(f.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, f.getValue());
        }
        return dir;
    }

}
