package io.jenkins.plugins.securedeploy.engine.bundle;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.SecureDeployException;
import io.jenkins.plugins.securedeploy.engine.sign.ArtifactSource;
import io.jenkins.plugins.securedeploy.engine.sign.registry.VerificationService;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies an evidence bundle fully offline (the engine service behind {@code secure-deploy verify-bundle}): reads the
 * directory or archive once, extracting nothing ({@link BundleLimits} bound it); checks that {@code manifest.json} is
 * what {@code manifest.dsse.json} signs and that the signature verifies with the user's {@link ManifestAnchor};
 * that every listed file is there with its size and SHA-256, that nothing else is (no extra, duplicate, link,
 * device or unsafe entry); then what is inside ({@link ContentChecks}). Never throws for a bad bundle: the result
 * says VERIFIED, FAILED or ERROR with reasons naming the file.
 */
public final class BundleVerifier {
    private final VerificationService verifications;
    private final BundleLimits limits;
    private final AuditExcerptCheck audit;

    /** The standard verifier families, default limits, and no audit chain check (not in this build). */
    public BundleVerifier() {
        this(VerificationService.standard(), BundleLimits.DEFAULT, AuditExcerptCheck.NOT_AVAILABLE);
    }

    public BundleVerifier(VerificationService verifications, BundleLimits limits, AuditExcerptCheck audit) {
        this.verifications = Objects.requireNonNull(verifications, "verifications");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    public BundleVerification verify(BundleSource source, ManifestAnchor anchor) {
        return verify(source, anchor, Optional.empty());
    }

    /** With {@code artifact}: also that it is the bundle's artifact, and attestations are checked against it. */
    public BundleVerification verify(BundleSource source, ManifestAnchor anchor, Optional<ArtifactSource> artifact) {
        Findings findings = new Findings();
        try {
            return run(source, anchor, artifact, findings);
        } catch (RuntimeException e) {
            findings.errors.add(Problem.of("bundle.internal", "verification could not complete ("
                    + e.getClass().getSimpleName() + "); not verified", Location.ofFile(source.name())));
            return findings.result(source.name(), Optional.empty());
        }
    }

    private BundleVerification run(BundleSource source, ManifestAnchor anchor, Optional<ArtifactSource> artifact,
            Findings findings) {
        String name = source.name();
        EntryCollector collector = new EntryCollector(limits, source.isArchive());
        try {
            source.read(limits, collector);
        } catch (BundleReadException e) {
            findings.failures.addAll(collector.failures());
            Problem p = Problem.of(e.code(), e.getMessage(), Location.ofFile(name));
            (e.tampered() ? findings.failures : findings.errors).add(p);
            return findings.result(name, Optional.empty());
        } catch (NoSuchFileException e) {
            findings.errors.add(Problem.of("bundle.missing", "does not exist", Location.ofFile(name)));
            return findings.result(name, Optional.empty());
        } catch (IOException | SecureDeployException | java.io.UncheckedIOException e) {
            findings.errors.add(Problem.of("bundle.unreadable", "cannot be read (" + e.getClass().getSimpleName()
                    + ")", Location.ofFile(name)));
            return findings.result(name, Optional.empty());
        }
        Map<String, EntryCollector.Entry> entries = collector.entries();
        findings.failures.addAll(collector.failures());
        EntryCollector.Entry manifestJson = entries.get(BundlePaths.MANIFEST);
        EntryCollector.Entry manifestDsse = entries.get(BundlePaths.MANIFEST_DSSE);
        if (manifestJson == null || manifestDsse == null) {
            findings.failures.add(Problem.of("bundle.no-manifest", "is missing, so " + (manifestJson == null
                    ? "nothing in the bundle can be verified" : "the manifest is not signed"),
                    Location.ofFile(manifestJson == null ? BundlePaths.MANIFEST : BundlePaths.MANIFEST_DSSE)));
            return findings.result(name, Optional.empty());
        }
        if (!ManifestSignature.coversManifest(manifestJson.content(), manifestDsse.content(), findings)) {
            return findings.result(name, Optional.empty());
        }
        if (collector.manifestProblem().isPresent()) {
            findings.errors.addAll(collector.manifestProblem().get().problems());
            return findings.result(name, Optional.empty());
        }
        BundleManifest manifest = collector.manifest().orElseThrow();
        if (!new ManifestSignature(verifications).signedBy(manifestDsse.content(), anchor, manifest, entries,
                findings)) {
            files(manifest, entries, findings, false);
            return findings.result(name, Optional.empty());
        }
        Map<String, byte[]> intact = files(manifest, entries, findings, true);
        new ContentChecks(verifications, audit).check(manifest, intact, artifact, findings);
        return findings.result(name, Optional.of(manifest));
    }

    /**
     * Every listed file present with its size and digest, nothing unlisted; returns the intact ones. When the
     * manifest is not {@code signed} (its signature did not verify), the differences are still named, against
     * what the unverified manifest.json says.
     */
    private static Map<String, byte[]> files(BundleManifest manifest, Map<String, EntryCollector.Entry> entries,
            Findings findings, boolean signed) {
        String manifestName = signed ? "the signed manifest" : "manifest.json (not verified)";
        String changed = signed ? " (changed after signing)" : "";
        Map<String, byte[]> intact = new HashMap<>();
        for (BundleManifest.File f : manifest.files()) {
            EntryCollector.Entry e = entries.get(f.path());
            if (e == null) {
                findings.failures.add(problem(f.path(), "bundle.missing-file", "is listed in " + manifestName
                        + " but missing from the bundle (removed?)"));
            } else if (e.size() != f.size()) {
                findings.failures.add(problem(f.path(), "bundle.size-mismatch", "is " + e.size() + " bytes; "
                        + manifestName + " records " + f.size() + changed));
            } else if (!e.sha256().matches(f.sha256())) {
                findings.failures.add(problem(f.path(), "bundle.digest-mismatch", "has SHA-256 " + e.sha256().hex()
                        + "; " + manifestName + " records " + f.sha256().hex() + changed));
            } else {
                intact.put(f.path(), e.content());
            }
        }
        for (String path : entries.keySet()) {
            if (!BundlePaths.reserved(path) && manifest.file(path).isEmpty()) {
                findings.failures.add(problem(path, "bundle.extra-file", "is not listed in " + manifestName
                        + (signed ? " (added after signing?)" : "")));
            }
        }
        if (signed && findings.failures.isEmpty()) {
            findings.checks.add(manifest.files().size() + " files: each present with the size and SHA-256 the "
                    + "manifest records; no file missing, none added");
        }
        return intact;
    }

    private static Problem problem(String path, String code, String message) {
        return EntryCollector.problem(path, code, message);
    }

    /** The limits this verifier reads bundles under. */
    public BundleLimits limits() {
        return limits;
    }
}
