package io.jenkins.plugins.securedeploy.engine.bundle;

import io.jenkins.plugins.securedeploy.engine.core.SecureDeployException;

/**
 * Reading a bundle stopped: the archive is corrupt or not one a bundle writer makes, a limit was crossed, or I/O
 * failed. {@code tampered} says whether what was found is evidence of a change (FAILED: data hidden after the end of
 * the archive) rather than something that could not be read at all (ERROR).
 */
final class BundleReadException extends SecureDeployException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final boolean tampered;

    BundleReadException(String code, String message, boolean tampered) {
        super(message);
        this.code = code;
        this.tampered = tampered;
    }

    BundleReadException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.tampered = false;
    }

    String code() {
        return code;
    }

    boolean tampered() {
        return tampered;
    }
}
