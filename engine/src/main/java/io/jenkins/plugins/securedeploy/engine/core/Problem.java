package io.jenkins.plugins.securedeploy.engine.core;

import java.util.Objects;

/**
 * One thing wrong with an input: a stable machine code, a human message (never containing input values that may be
 * secrets), and where it is. Validators collect all problems rather than stopping at the first.
 */
public record Problem(String code, String message, Location location) {
    public Problem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(location, "location");
    }

    public static Problem of(String code, String message, Location location) {
        return new Problem(code, message, location);
    }

    /** {@code file:line:col at /pointer: message [code]}. */
    public String describe() {
        return location.describe() + ": " + message + " [" + code + "]";
    }
}
