package io.jenkins.plugins.securedeploy.engine.core;

/**
 * The environment failed rather than the input: a tool crashed or timed out, a binary is missing, I/O or network
 * failed. Gates map it to ERROR (fail closed).
 */
public class EnvironmentException extends SecureDeployException {
    private static final long serialVersionUID = 1L;

    public EnvironmentException(String message) {
        super(message);
    }

    public EnvironmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
