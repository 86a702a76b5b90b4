package io.jenkins.plugins.securedeploy.engine.credentials;

import java.util.Objects;
import java.util.Optional;

/**
 * How a body run with credentials ended: its value or the exception it threw, and the revocation report, which
 * exists either way. {@link #valueOrThrow()} rethrows the body's failure after the caller has recorded the report.
 */
public record BrokeredResult<T>(T value, Throwable failure, RevocationReport revocations) {
    public BrokeredResult {
        Objects.requireNonNull(revocations, "revocations");
    }

    public boolean succeeded() {
        return failure == null;
    }

    public Optional<Throwable> failureCause() {
        return Optional.ofNullable(failure);
    }

    /** The value, or the body's exception (checked ones as they were, via {@code Exception}). */
    public T valueOrThrow() throws Exception {
        if (failure instanceof Exception e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return value;
    }
}
