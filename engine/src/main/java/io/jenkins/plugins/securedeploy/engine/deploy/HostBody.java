package io.jenkins.plugins.securedeploy.engine.deploy;

import io.jenkins.plugins.securedeploy.engine.credentials.CredentialEnvironment;

/**
 * The deploy body as the host runs it itself, between {@link DeploymentRunner#runUntil} at {@link Phase#DEPLOY} and
 * the next run (a Pipeline block runs on the host's own schedule, not inside the runner): the host reports how the
 * body ended with {@link #finished}, and the deploy phase records that. A body that was never reported is an ERROR
 * (fail closed: the deployment is not taken as done), and revocation still runs.
 */
public final class HostBody implements DeploymentBody {
    private volatile Integer exit;

    /** How the host's body ended: 0 = deployed. */
    public void finished(int exitStatus) {
        this.exit = exitStatus;
    }

    @Override
    public int run(CredentialEnvironment credentials) {
        Integer e = exit;
        if (e == null) {
            throw new IllegalStateException("the host did not report how the deploy body ended");
        }
        return e;
    }
}
