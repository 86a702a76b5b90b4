package io.jenkins.plugins.securedeploy.engine.scan.container;

import java.util.Objects;

/**
 * A build argument or environment variable a Dockerfile declares ({@code kind} {@code ARG} or {@code ENV}) or a
 * container's {@code env} entry ({@code kind} {@code env}, {@code fromSecret} when it comes from a Secret): its name,
 * its literal value (empty when none), file and line. Values are only read by rules, never printed by the scanner.
 */
public record Variable(String kind, String name, String value, boolean fromSecret, String file, long line) {
    public Variable {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        value = value == null ? "" : value;
        file = file == null ? "" : file;
    }
}
