package io.jenkins.plugins.securedeploy.engine.bundle;

import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What one bundle verification has found so far (mutable, confined to one {@link BundleVerifier#verify} call). */
final class Findings {
    final List<Problem> failures = new ArrayList<>();
    final List<Problem> errors = new ArrayList<>();
    final List<String> checks = new ArrayList<>();
    final List<String> notChecked = new ArrayList<>();
    final List<String> signers = new ArrayList<>();
    Optional<String> gateVerdict = Optional.empty();

    void add(VerificationStatus status, List<Problem> reasons) {
        (status == VerificationStatus.ERROR ? errors : failures).addAll(reasons);
    }

    /** FAILED when anything failed, else ERROR when anything could not be checked, else VERIFIED. */
    VerificationStatus status() {
        return !failures.isEmpty() ? VerificationStatus.FAILED
                : !errors.isEmpty() ? VerificationStatus.ERROR : VerificationStatus.VERIFIED;
    }

    BundleVerification result(String bundle, Optional<BundleManifest> manifest) {
        List<Problem> reasons = new ArrayList<>(failures);
        reasons.addAll(errors);
        return new BundleVerification(status(), bundle, manifest, signers, reasons, checks, notChecked,
                manifest.isPresent() ? gateVerdict : Optional.empty());
    }
}
