package io.jenkins.plugins.securedeploy.jenkins.deploy;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@code secureDeploy} call asks for, kept in the execution so the deployment can go on after an approval
 * and after a controller restart (serializable, secret-free: credential ids, never values; a plain class, not a
 * record: Pipeline persists executions with JBoss Marshalling).
 */
final class DeployAsk implements Serializable {
    private static final long serialVersionUID = 1L;

    final String environment;
    final String artifact;
    final String command;
    final String policy;
    final ArrayList<String> signatures;
    final String keyCredentialsId;
    /** The step's { } block is the deploy body (secureDeploy), not a command. */
    final boolean body;

    DeployAsk(SecureDeployStep step) {
        this.environment = step.getEnvironment();
        this.artifact = step.getArtifact();
        this.command = step.getCommand();
        this.policy = step.getPolicy();
        this.signatures = new ArrayList<>(step.getSignatures());
        this.keyCredentialsId = step.getKeyCredentialsId();
        this.body = step.takesBody();
    }

    List<String> signatures() {
        return List.copyOf(signatures);
    }
}
