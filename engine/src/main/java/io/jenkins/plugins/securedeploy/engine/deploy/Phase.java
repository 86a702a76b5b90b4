package io.jenkins.plugins.securedeploy.engine.deploy;

import java.util.Locale;

/**
 * The phases of one deployment, in order. Everything before {@link #CREDENTIALS} decides whether credentials are
 * issued at all; {@link #REVOKE}, {@link #ATTEST} and {@link #RECORD} run whatever happened once they were.
 */
public enum Phase {
    /** The artifact's digest against the recorded one, promotion from the previous environment, signatures. */
    VERIFY,
    /** Scan results, SBOM and verifications through the gate service. */
    GATE,
    /** The environment's approval rule (skipped where it has none). */
    APPROVE,
    /** Short-lived credentials through the broker (skipped where the environment needs none). */
    CREDENTIALS,
    /** The host's deploy command, with the credentials in its environment. */
    DEPLOY,
    /** Every lease revoked. */
    REVOKE,
    /** Signed provenance and scan statements about the artifact. */
    ATTEST,
    /** The evidence bundle and the deployment's audit entry. */
    RECORD,
    /** Nothing left to do. */
    DONE;

    /** {@code verify}, {@code gate}, ... as messages name it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a failure here means credentials were never issued. */
    public boolean beforeCredentials() {
        return ordinal() <= CREDENTIALS.ordinal();
    }
}
