package io.jenkins.plugins.securedeploy.engine.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A secret that never prints itself: {@link #toString()} is a fixed redaction, and there is no accessor but the
 * explicit {@link #reveal()}, which only the masker, credential brokers and host adapters may call (ArchUnit rule).
 * Deliberately not a record: a record's generated toString would print the value.
 */
public final class SecretValue {
    /** What every secret prints as. */
    public static final String REDACTED = "****";

    private final String value;

    private SecretValue(String value) {
        this.value = value;
    }

    /** Wraps a secret. Empty secrets are refused: they cannot be masked and would match everywhere. */
    public static SecretValue of(String value) {
        Objects.requireNonNull(value, "secret value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a secret must not be empty");
        }
        return new SecretValue(value);
    }

    /** The plain value. Callers must never format, log or put it into an exception message. */
    public String reveal() {
        return value;
    }

    /** Length in UTF-16 chars; safe to show (it is how maskers decide whether a secret is too short). */
    public int length() {
        return value.length();
    }

    @Override
    public String toString() {
        return REDACTED;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretValue other
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
