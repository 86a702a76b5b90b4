package io.jenkins.plugins.securedeploy.engine.audit;

import java.util.Optional;

/**
 * What an audit entry records. Written by {@link #id()} (stable, lower-case, dotted); the list grows with new
 * capabilities, and readers keep ids they do not know (an older verifier still checks a newer log's chain).
 */
public enum AuditAction {
    GATE_DECIDED("gate.decided"),
    WAIVER_APPLIED("waiver.applied"),
    OVERRIDE("override"),
    APPROVAL_REQUESTED("approval.requested"),
    APPROVAL_VOTE("approval.vote"),
    APPROVAL_DECIDED("approval.decided"),
    CREDENTIAL_ISSUED("credential.issued"),
    CREDENTIAL_REVOKED("credential.revoked"),
    SIGNATURE_VERIFIED("signature.verified"),
    ARTIFACT_PROMOTED("artifact.promoted"),
    ROLLBACK("rollback"),
    /** A deployment's deploy command ran (its exit status in the note). */
    DEPLOYMENT_RUN("deployment.run"),
    /** Statements about a deployed artifact were signed. */
    ATTESTATION_SIGNED("attestation.signed"),
    /** A deployment finished and succeeded: the record promotion and rollback read (artifact + target refs). */
    DEPLOYMENT_SUCCEEDED("deployment.succeeded"),
    /** A deployment finished without succeeding; the note names the phase and the reason. */
    DEPLOYMENT_FAILED("deployment.failed"),
    /** The log itself: a torn last line (an interrupted write) was moved aside when the log was reopened. */
    LOG_RECOVERED("log.recovered");

    private final String id;

    AuditAction(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<AuditAction> parse(String id) {
        for (AuditAction a : values()) {
            if (a.id.equals(id)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
