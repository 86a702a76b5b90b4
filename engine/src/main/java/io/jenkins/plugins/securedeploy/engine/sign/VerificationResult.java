package io.jenkins.plugins.securedeploy.engine.sign;

import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one verification, as a value: status, the family that checked it ({@code dsse}, {@code cosign},
 * {@code sigstore}, {@code pgp}, {@code x509}, {@code digest}), what was checked, and every reason (each a
 * {@link Problem} naming the file and what failed; never a key, token or signature value). A VERIFIED result has no
 * reasons and names who signed ({@link #signers()}: key ids, fingerprints or certificate identities).
 * {@link #relaxations()} lists the weaker-than-default policy settings the result was reached under, so a report can
 * show them next to the verdict.
 */
public final class VerificationResult {
    private final VerificationStatus status;
    private final String family;
    private final String subject;
    private final List<Problem> reasons;
    private final List<String> signers;
    private final DigestSet subjectDigests;
    private final Instant signedAt;
    private final List<String> relaxations;

    private VerificationResult(VerificationStatus status, String family, String subject, List<Problem> reasons,
            List<String> signers, DigestSet subjectDigests, Instant signedAt, List<String> relaxations) {
        this.status = Objects.requireNonNull(status, "status");
        this.family = Objects.requireNonNull(family, "family");
        this.subject = Objects.requireNonNull(subject, "subject");
        this.reasons = List.copyOf(reasons);
        this.signers = List.copyOf(signers);
        this.subjectDigests = subjectDigests;
        this.signedAt = signedAt;
        this.relaxations = List.copyOf(relaxations);
        if ((status == VerificationStatus.VERIFIED) != this.reasons.isEmpty()) {
            throw new IllegalStateException("VERIFIED exactly when there is no reason");
        }
        if (status == VerificationStatus.VERIFIED && this.signers.isEmpty()) {
            throw new IllegalStateException("a VERIFIED result names at least one signer (key id, fingerprint, identity)");
        }
    }

    /**
     * Every check held. {@code signers} are the verified key ids / identities; {@code subjectDigests} the digests
     * the evidence binds (null when the family binds none); {@code signedAt} the trusted signing time, if any.
     */
    public static VerificationResult verified(String family, String subject, List<String> signers,
            DigestSet subjectDigests, Instant signedAt, List<String> relaxations) {
        return new VerificationResult(VerificationStatus.VERIFIED, family, subject, List.of(), signers,
                subjectDigests, signedAt, relaxations);
    }

    public static VerificationResult failed(String family, String subject, List<Problem> reasons) {
        return new VerificationResult(VerificationStatus.FAILED, family, subject, reasons, List.of(), null, null,
                List.of());
    }

    public static VerificationResult error(String family, String subject, List<Problem> reasons) {
        return new VerificationResult(VerificationStatus.ERROR, family, subject, reasons, List.of(), null, null,
                List.of());
    }

    public VerificationStatus status() {
        return status;
    }

    public boolean isVerified() {
        return status == VerificationStatus.VERIFIED;
    }

    public String family() {
        return family;
    }

    /** What was verified, for people: the evidence file (and artifact) names. */
    public String subject() {
        return subject;
    }

    public List<Problem> reasons() {
        return reasons;
    }

    public List<String> signers() {
        return signers;
    }

    public Optional<DigestSet> subjectDigests() {
        return Optional.ofNullable(subjectDigests);
    }

    public Optional<Instant> signedAt() {
        return Optional.ofNullable(signedAt);
    }

    public List<String> relaxations() {
        return relaxations;
    }

    /** {@code VERIFIED dsse app.intoto.json (signed by sha256:ab12…)} or the status with its first reason. */
    public String headline() {
        if (isVerified()) {
            return status + " " + family + " " + subject + " (signed by " + String.join(", ", signers) + ")";
        }
        return status + " " + family + " " + subject + ": " + reasons.get(0).describe()
                + (reasons.size() > 1 ? " (+" + (reasons.size() - 1) + " more)" : "");
    }

    @Override
    public String toString() {
        return headline();
    }
}
