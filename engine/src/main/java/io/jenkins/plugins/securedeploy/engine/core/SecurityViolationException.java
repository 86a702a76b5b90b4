package io.jenkins.plugins.securedeploy.engine.core;

/** An attempt to cross a security boundary: a path escaping the workspace, a forbidden override. */
public class SecurityViolationException extends SecureDeployException {
    private static final long serialVersionUID = 1L;

    public SecurityViolationException(String message) {
        super(message);
    }

    public SecurityViolationException(String message, Throwable cause) {
        super(message, cause);
    }
}
