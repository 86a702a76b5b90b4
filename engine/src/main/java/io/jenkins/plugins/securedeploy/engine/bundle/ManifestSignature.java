package io.jenkins.plugins.securedeploy.engine.bundle;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.sign.DsseEnvelope;
import io.jenkins.plugins.securedeploy.engine.sign.DsseEnvelopeReader;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.TrustMaterial;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationPolicy;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationRequest;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationResult;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationStatus;
import io.jenkins.plugins.securedeploy.engine.sign.registry.VerificationService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The manifest's signature against the user's anchor: {@code manifest.dsse.json} is a DSSE envelope of payload type
 * {@link MediaTypes#MANIFEST} whose payload is {@code manifest.json} byte for byte, and its signature (every one, as
 * strict DSSE demands) verifies with the anchor's key — checked by the sign package's DSSE verifier.
 */
final class ManifestSignature {
    private final VerificationService service;

    ManifestSignature(VerificationService service) {
        this.service = service;
    }

    /**
     * Whether {@code manifest.dsse.json} is a readable envelope of the manifest type whose payload is
     * {@code manifest.json} byte for byte; otherwise the bundle is not intact (FAILED reasons in {@code findings}).
     */
    static boolean coversManifest(byte[] manifestJson, byte[] dsse, Findings findings) {
        DsseEnvelope envelope;
        try {
            envelope = new DsseEnvelopeReader().read(dsse, BundlePaths.MANIFEST_DSSE, true);
        } catch (InvalidInputException e) {
            findings.failures.add(at("manifest.envelope", "is not a readable DSSE envelope (damaged or replaced)"));
            findings.failures.addAll(e.problems());
            return false;
        }
        if (!MediaTypes.MANIFEST.equals(envelope.payloadType())) {
            findings.failures.add(at("manifest.payload-type", "signs a payload of another type than "
                    + MediaTypes.MANIFEST));
            return false;
        }
        if (!Arrays.equals(envelope.payload(), manifestJson)) {
            findings.failures.add(Problem.of("manifest.not-signed", "is not the payload manifest.dsse.json signs "
                    + "(changed after signing)", Location.ofFile(BundlePaths.MANIFEST)));
            return false;
        }
        return true;
    }

    /** True when the manifest's signature verifies with the anchor; otherwise the reasons are in {@code findings}. */
    boolean signedBy(byte[] dsse, ManifestAnchor anchor, BundleManifest provisional,
            Map<String, EntryCollector.Entry> entries, Findings findings) {
        VerificationPolicy policy = VerificationPolicy.STRICT.withoutArtifact();
        if (anchor.keyId().isPresent()) {
            policy = policy.withAllowedKeyIds(List.of(anchor.keyId().get()));
        }
        List<EvidenceFile> candidates = anchor.key().map(List::of).orElseGet(() -> bundleKeys(provisional, entries));
        if (candidates.isEmpty()) {
            findings.failures.add(at("manifest.key-not-found", "cannot be checked against the pinned key id: the "
                    + "bundle's trust folder holds no public key"));
            return false;
        }
        EvidenceFile evidence = new EvidenceFile(BundlePaths.MANIFEST_DSSE, dsse);
        List<VerificationResult> results = new ArrayList<>();
        for (EvidenceFile key : candidates) {
            VerificationResult r = service.verify(new VerificationRequest(evidence, Optional.empty(),
                    TrustMaterial.ofPublicKeys(key), policy), Optional.of("dsse"));
            if (r.isVerified()) {
                findings.signers.addAll(r.signers());
                findings.checks.add(BundlePaths.MANIFEST_DSSE + ": manifest.json signed by " + String.join(", ",
                        r.signers()) + ", " + anchor.describe());
                return true;
            }
            results.add(r);
        }
        Optional<VerificationResult> relevant = results.stream()
                .filter(r -> r.reasons().stream().noneMatch(p -> p.code().equals("key.not-allowed"))).findFirst();
        if (relevant.isPresent()) {
            findings.add(relevant.get().status(), relevant.get().reasons());
        } else {
            findings.add(VerificationStatus.FAILED, List.of(at("manifest.key-not-found", "is not signed by the "
                    + "pinned key id " + anchor.keyId().orElse("") + ": no key in the bundle's trust folder has it")));
        }
        return false;
    }

    private static List<EvidenceFile> bundleKeys(BundleManifest manifest, Map<String, EntryCollector.Entry> entries) {
        List<EvidenceFile> keys = new ArrayList<>();
        for (BundleManifest.File f : manifest.filesOf(BundleRole.TRUST)) {
            EntryCollector.Entry e = entries.get(f.path());
            // a key file that differs from what manifest.json records is reported by the file check, not tried
            if (f.trust().orElse(null) == TrustKind.PUBLIC_KEY && e != null && e.content() != null
                    && e.size() == f.size() && e.sha256().matches(f.sha256())) {
                keys.add(new EvidenceFile(f.path(), e.content()));
            }
        }
        return keys;
    }

    private static Problem at(String code, String message) {
        return Problem.of(code, message, Location.ofFile(BundlePaths.MANIFEST_DSSE));
    }
}
