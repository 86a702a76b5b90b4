package io.jenkins.plugins.securedeploy.engine.credentials;

import io.jenkins.plugins.securedeploy.engine.core.EnvironmentException;

/**
 * An exchange or revocation failed (fail closed: nothing is issued). The message names the provider and the HTTP
 * status (0 when there was no response: timeout, connection refused) and never contains a token, secret or lease
 * id. When the broker gave up a session because of it, {@link #cleanup()} holds the revocations of what had already
 * been obtained.
 */
public class CredentialExchangeException extends EnvironmentException {
    private static final long serialVersionUID = 1L;

    private final String provider;
    private final int httpStatus;
    private final transient RevocationReport cleanup;

    public CredentialExchangeException(String provider, int httpStatus, String message) {
        this(provider, httpStatus, message, null, null);
    }

    public CredentialExchangeException(String provider, int httpStatus, String message, Throwable cause) {
        this(provider, httpStatus, message, cause, null);
    }

    private CredentialExchangeException(String provider, int httpStatus, String message, Throwable cause,
            RevocationReport cleanup) {
        super(provider + ": " + message + (httpStatus > 0 ? " (HTTP " + httpStatus + ")" : ""), cause);
        this.provider = provider;
        this.httpStatus = httpStatus;
        this.cleanup = cleanup;
    }

    /** The same failure, with the revocations the broker ran before giving up. */
    CredentialExchangeException withCleanup(RevocationReport report) {
        CredentialExchangeException copy = new CredentialExchangeException(provider, httpStatus, bareMessage(), this,
                report);
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    private String bareMessage() {
        String m = getMessage().substring(provider.length() + 2);
        return httpStatus > 0 ? m.substring(0, m.length() - (" (HTTP " + httpStatus + ")").length()) : m;
    }

    public String provider() {
        return provider;
    }

    /** The HTTP status of the failing response, or 0 when there was none. */
    public int httpStatus() {
        return httpStatus;
    }

    public RevocationReport cleanup() {
        return cleanup == null ? RevocationReport.empty() : cleanup;
    }
}
