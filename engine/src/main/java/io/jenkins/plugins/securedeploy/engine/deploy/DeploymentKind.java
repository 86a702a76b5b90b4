package io.jenkins.plugins.securedeploy.engine.deploy;

import java.util.Locale;

/** Why a deployment runs: a first deploy, the promotion of a digest from the previous environment, a rollback. */
public enum DeploymentKind {
    DEPLOY,
    PROMOTE,
    ROLLBACK;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
