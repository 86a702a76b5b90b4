package io.jenkins.plugins.securedeploy.engine.policy;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import java.util.Objects;

/** A policy setting weaker than the secure default: which, its value, the default, and where it is written. */
public record Relaxation(String setting, String value, String secureDefault, Location writtenAt) {
    public Relaxation {
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(secureDefault, "secureDefault");
        writtenAt = writtenAt == null ? Location.ofFile("") : writtenAt;
    }

    public String describe() {
        return setting + " = " + value + " (secure default " + secureDefault + ") at " + writtenAt.describe();
    }
}
