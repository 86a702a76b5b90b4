package io.jenkins.plugins.securedeploy.engine.core;

/**
 * Root of the engine's exceptions. Always constructed with a message that names what failed (and never a secret);
 * causes are kept.
 */
public class SecureDeployException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SecureDeployException(String message) {
        super(requireMessage(message));
    }

    public SecureDeployException(String message, Throwable cause) {
        super(requireMessage(message), cause);
    }

    private static String requireMessage(String message) {
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("exceptions need a message that gives context");
        }
        return message;
    }
}
