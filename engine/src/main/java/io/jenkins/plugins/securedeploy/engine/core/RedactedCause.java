package io.jenkins.plugins.securedeploy.engine.core;

/**
 * Stands in for a library exception whose message may quote input content (Jackson quotes offending tokens, which
 * could be secrets). Keeps the original type name, a sanitised message and the stack trace, so the cause chain
 * stays useful for debugging without carrying input.
 */
public final class RedactedCause extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private RedactedCause(String message) {
        super(message);
    }

    /** Copies type, stack trace and (recursively) causes; the message is replaced by {@code safeMessage}. */
    public static RedactedCause of(Throwable original, String safeMessage) {
        RedactedCause copy = new RedactedCause(original.getClass().getName() + ": " + safeMessage);
        copy.setStackTrace(original.getStackTrace());
        Throwable next = original.getCause();
        if (next != null && next != original) {
            copy.initCause(of(next, "(cause message redacted)"));
        }
        return copy;
    }
}
