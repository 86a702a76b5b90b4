package io.jenkins.plugins.securedeploy.engine.deploy;

import io.jenkins.plugins.securedeploy.engine.credentials.CredentialEnvironment;

/** The host's deploy command: runs with the credentials (if any) and returns its exit status (0 = deployed). */
@FunctionalInterface
public interface DeploymentBody {
    int run(CredentialEnvironment credentials) throws Exception;
}
