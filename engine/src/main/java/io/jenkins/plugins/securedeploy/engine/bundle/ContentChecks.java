package io.jenkins.plugins.securedeploy.engine.bundle;

import io.jenkins.plugins.securedeploy.engine.attest.GateReportReader;
import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomSource;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomSummary;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomValidator;
import io.jenkins.plugins.securedeploy.engine.sbom.ValidationReport;
import io.jenkins.plugins.securedeploy.engine.sign.ArtifactSource;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.Verifications;
import io.jenkins.plugins.securedeploy.engine.sign.TrustMaterial;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationPolicy;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationRequest;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationResult;
import io.jenkins.plugins.securedeploy.engine.sign.registry.VerificationService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What is checked inside the files once their digests hold: each attestation (and a signed approval) through the
 * sign package's verification service, with the bundle's own trust material (vouched for by the signed manifest) and
 * the manifest's artifact digest as the subject it must name; each SBOM's validity and the artifact it describes; the
 * audit excerpt's chain through {@link AuditExcerptCheck}; the gate report's recorded verdict; and, when the caller
 * has it, the artifact itself against the manifest.
 */
final class ContentChecks {
    static final int MAX_SBOM_PROBLEMS = 10;

    private final VerificationService service;
    private final AuditExcerptCheck audit;

    ContentChecks(VerificationService service, AuditExcerptCheck audit) {
        this.service = service;
        this.audit = audit;
    }

    /** {@code intact}: the files whose size and digest match the manifest, path → content (null if not held). */
    void check(BundleManifest manifest, Map<String, byte[]> intact, Optional<ArtifactSource> artifact,
            Findings findings) {
        DigestSet expected = manifest.artifact().digests();
        artifact.ifPresent(a -> artifact(a, expected, findings));
        TrustMaterial trust = trust(manifest, intact, findings);
        VerificationPolicy policy = (artifact.isPresent() ? VerificationPolicy.STRICT
                : VerificationPolicy.STRICT.withoutArtifact()).withExpectedDigests(expected)
                .withAllowedIdentities(manifest.identities());
        for (BundleManifest.File f : manifest.files()) {
            byte[] content = intact.get(f.path());
            if (content == null) {
                continue;
            }
            switch (f.role()) {
                case ATTESTATION -> signed(f, content, trust, policy, artifact, findings);
                case APPROVAL -> {
                    if (MediaTypes.isSigned(f.mediaType())) {
                        signed(f, content, trust, policy, artifact, findings);
                    } else {
                        findings.notChecked.add(f.path() + ": not a signed statement (" + f.mediaType() + "); only "
                                + "its bytes are checked, through the manifest");
                    }
                }
                case SBOM -> sbom(f, content, expected, findings);
                case AUDIT -> audit(f, content, trust, findings);
                case GATE_REPORT -> gateReport(f, content, findings);
                default -> { }
            }
        }
    }

    private void signed(BundleManifest.File f, byte[] content, TrustMaterial trust, VerificationPolicy policy,
            Optional<ArtifactSource> artifact, Findings findings) {
        VerificationResult r = service.verify(new VerificationRequest(new EvidenceFile(f.path(), content), artifact,
                trust, policy));
        if (r.isVerified()) {
            findings.checks.add(f.path() + ": VERIFIED " + r.family() + ", its subject is the bundle's artifact"
                    + (artifact.isPresent() ? " (checked against the file given)" : "") + " (signed by "
                    + String.join(", ", r.signers()) + ")");
        } else {
            findings.add(r.status(), r.reasons());
        }
    }

    private static void sbom(BundleManifest.File f, byte[] content, DigestSet artifact, Findings findings) {
        ValidationReport report;
        try {
            report = new SbomValidator().validate(SbomSource.ofBytes(f.path(), content));
        } catch (RuntimeException e) {
            findings.errors.add(Problem.of("sbom.unreadable", "the SBOM could not be validated ("
                    + e.getClass().getSimpleName() + ")", Location.ofFile(f.path())));
            return;
        }
        if (!report.valid()) {
            List<Problem> problems = report.problems();
            findings.failures.addAll(problems.subList(0, Math.min(problems.size(), MAX_SBOM_PROBLEMS)));
            if (problems.size() > MAX_SBOM_PROBLEMS) {
                findings.failures.add(Problem.of("sbom.more-problems", (problems.size() - MAX_SBOM_PROBLEMS)
                        + " more problems in this SBOM", Location.ofFile(f.path())));
            }
            return;
        }
        SbomSummary summary = report.summary().orElse(null);
        String what = report.format() == null ? "SBOM" : report.format().displayName() + " " + report.specVersion();
        if (summary == null || summary.artifacts().isEmpty()) {
            findings.checks.add(f.path() + ": valid " + what);
            findings.notChecked.add(f.path() + ": names no artifact digest, so it is not tied to the bundle's "
                    + "artifact");
        } else if (summary.artifacts().stream().anyMatch(a -> a.digests().matches(artifact))) {
            findings.checks.add(f.path() + ": valid " + what + " (" + summary.componentCount() + " components), "
                    + "describes the bundle's artifact");
        } else {
            findings.failures.add(Problem.of("sbom.other-artifact", "describes " + summary.artifacts().size()
                    + " artifact(s), none with the digest of the bundle's artifact", Location.ofFile(f.path())));
        }
    }

    private void audit(BundleManifest.File f, byte[] content, TrustMaterial trust, Findings findings) {
        Optional<List<Problem>> problems;
        try {
            problems = audit.check(f.path(), f.mediaType(), content, trust);
        } catch (RuntimeException e) {
            findings.errors.add(Problem.of("audit.unreadable", "the audit excerpt could not be checked ("
                    + e.getClass().getSimpleName() + ")", Location.ofFile(f.path())));
            return;
        }
        if (problems.isEmpty()) {
            findings.notChecked.add(f.path() + ": audit hash chain not checked (no audit verifier in this build); "
                    + "its bytes are checked, through the manifest");
        } else if (problems.get().isEmpty()) {
            findings.checks.add(f.path() + ": audit hash chain holds");
        } else {
            findings.failures.addAll(problems.get());
        }
    }

    private static void gateReport(BundleManifest.File f, byte[] content, Findings findings) {
        if (!f.path().endsWith("/gate-report.json") || findings.gateVerdict.isPresent()) {
            return;
        }
        try {
            String verdict = new GateReportReader().read(content, f.path(), null).gateVerdict();
            findings.gateVerdict = Optional.of(verdict);
            findings.checks.add(f.path() + ": gate verdict recorded: " + verdict);
        } catch (InvalidInputException e) {
            findings.errors.addAll(e.problems());
        } catch (RuntimeException e) {
            findings.errors.add(Problem.of("gate-report.unreadable", "the gate report could not be read ("
                    + e.getClass().getSimpleName() + ")", Location.ofFile(f.path())));
        }
    }

    private static void artifact(ArtifactSource artifact, DigestSet expected, Findings findings) {
        DigestSet actual;
        try {
            actual = Verifications.hash(artifact, expected.digests().keySet());
        } catch (RuntimeException e) {
            findings.errors.add(Problem.of("artifact.unreadable", "cannot read the artifact ("
                    + e.getClass().getSimpleName() + ")", Location.ofFile(artifact.name())));
            return;
        }
        if (actual.matches(expected)) {
            findings.checks.add(artifact.name() + ": is the bundle's artifact (" + expected.digests().values().iterator().next() + ")");
        } else {
            findings.failures.add(Problem.of("bundle.artifact-mismatch", "is not the bundle's artifact (" + actual
                    .digests().values().iterator().next() + ", the manifest records " + expected.digests().values()
                    .iterator().next() + ")", Location.ofFile(artifact.name())));
        }
    }

    /** The trust material the intact trust files make up (a second sigstore trusted root is an ERROR). */
    private static TrustMaterial trust(BundleManifest manifest, Map<String, byte[]> intact, Findings findings) {
        List<EvidenceFile> keys = new ArrayList<>();
        List<EvidenceFile> keyrings = new ArrayList<>();
        List<EvidenceFile> roots = new ArrayList<>();
        List<EvidenceFile> sigstore = new ArrayList<>();
        for (BundleManifest.File f : manifest.filesOf(BundleRole.TRUST)) {
            byte[] content = intact.get(f.path());
            if (content == null) {
                continue;
            }
            EvidenceFile file = new EvidenceFile(f.path(), content);
            switch (f.trust().orElseThrow()) {
                case PUBLIC_KEY -> keys.add(file);
                case PGP_KEYRING -> keyrings.add(file);
                case X509_ROOT -> roots.add(file);
                case SIGSTORE_TRUSTED_ROOT -> sigstore.add(file);
            }
        }
        if (sigstore.size() > 1) {
            findings.errors.add(Problem.of("trust.ambiguous", "the bundle holds " + sigstore.size() + " sigstore "
                    + "trusted roots; a verification uses exactly one", Location.ofFile(sigstore.get(1).name())));
        }
        return new TrustMaterial(keys, keyrings, roots, sigstore.stream().findFirst());
    }
}
