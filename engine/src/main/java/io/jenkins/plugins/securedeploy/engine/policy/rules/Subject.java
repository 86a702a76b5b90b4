package io.jenkins.plugins.securedeploy.engine.policy.rules;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.scan.PackageRef;
import java.util.Objects;

/**
 * One thing a scoped rule is evaluated for: the value the rule sees under the scope's variable name, where it is
 * (the violation's location), a stable key (feeds the violation's fingerprint, so it must not be a line number) and
 * the package it is about, if any (so waivers by package work for rule violations too).
 */
public record Subject(Object value, Location location, String key, PackageRef pkg) {
    public Subject {
        Objects.requireNonNull(value, "value");
        location = location == null ? Location.ofFile("") : location;
        key = key == null ? "" : key;
    }

    public static Subject of(Object value, Location location, String key) {
        return new Subject(value, location, key, null);
    }
}
