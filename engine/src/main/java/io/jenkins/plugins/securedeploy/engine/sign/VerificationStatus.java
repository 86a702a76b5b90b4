package io.jenkins.plugins.securedeploy.engine.sign;

/**
 * How a verification ended. Only {@link #VERIFIED} lets anything through: a signature that could not be checked
 * (unreadable envelope, unknown key type, missing trust material) is {@link #ERROR}, never a pass.
 */
public enum VerificationStatus {
    /** Every check the policy asks for ran and held. */
    VERIFIED,
    /** The evidence was readable and a check did not hold (wrong key, digest mismatch, identity not allowed). */
    FAILED,
    /** The evidence or the trust material could not be read or checked at all (fail closed). */
    ERROR
}
