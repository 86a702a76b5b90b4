package io.jenkins.plugins.securedeploy.engine.approval;

/**
 * Where an approval request stands. Only APPROVED allows deployment; EXPIRED (the timeout passed) is a rejection,
 * and PENDING blocks like one (fail closed).
 */
public enum ApprovalStatus {
    PENDING,
    APPROVED,
    REJECTED,
    EXPIRED;

    /** APPROVED, REJECTED and EXPIRED are final: no later vote changes them. */
    public boolean isFinal() {
        return this != PENDING;
    }

    public boolean allowsDeployment() {
        return this == APPROVED;
    }
}
