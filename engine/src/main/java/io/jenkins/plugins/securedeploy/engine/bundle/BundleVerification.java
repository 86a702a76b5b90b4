package io.jenkins.plugins.securedeploy.engine.bundle;

import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationStatus;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link BundleVerifier} found, as a value. VERIFIED: the manifest is signed by the anchor, every file is there
 * with the recorded size and digest, nothing was added, and every content check held. FAILED: something did not hold
 * (each reason names the file). ERROR: the bundle or the anchor could not be read or checked (fail closed).
 *
 * @param manifest the manifest, present only when its signature verified against the anchor (so a caller never reads
 *     deployment data nobody trusted signed), also when files then failed
 * @param signers key ids that signed the manifest
 * @param checks what was checked and held, one line each, for people
 * @param notChecked what this verifier did not check (e.g. an audit chain without the audit package), one line each
 * @param gateVerdict the verdict of the bundled gate report, when there is one and the manifest verified
 */
public record BundleVerification(VerificationStatus status, String bundle, Optional<BundleManifest> manifest,
        List<String> signers, List<Problem> reasons, List<String> checks, List<String> notChecked,
        Optional<String> gateVerdict) {
    public BundleVerification {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(bundle, "bundle");
        manifest = manifest == null ? Optional.empty() : manifest;
        signers = List.copyOf(signers);
        reasons = List.copyOf(reasons);
        checks = List.copyOf(checks);
        notChecked = List.copyOf(notChecked);
        gateVerdict = gateVerdict == null ? Optional.empty() : gateVerdict;
        if ((status == VerificationStatus.VERIFIED) != reasons.isEmpty()) {
            throw new IllegalStateException("VERIFIED exactly when there is no reason");
        }
        if (status == VerificationStatus.VERIFIED && (manifest.isEmpty() || signers.isEmpty())) {
            throw new IllegalStateException("a VERIFIED bundle has a signed manifest");
        }
    }

    public boolean isVerified() {
        return status == VerificationStatus.VERIFIED;
    }

    /** {@code VERIFIED bundle.tar.gz: deployment ...} or the status with its first reason. */
    public String headline() {
        if (isVerified()) {
            BundleManifest m = manifest.orElseThrow();
            return "VERIFIED evidence bundle " + bundle + ": " + m.describe() + ", " + m.files().size()
                    + " files, manifest signed by " + String.join(", ", signers);
        }
        return status + " evidence bundle " + bundle + ": " + reasons.get(0).describe()
                + (reasons.size() > 1 ? " (+" + (reasons.size() - 1) + " more)" : "");
    }

    @Override
    public String toString() {
        return headline();
    }
}
