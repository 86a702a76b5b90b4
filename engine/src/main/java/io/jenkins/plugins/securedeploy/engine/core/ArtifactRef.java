package io.jenkins.plugins.securedeploy.engine.core;

import java.util.Objects;

/** A named artifact bound to its digests: what was built is what gets promoted. */
public record ArtifactRef(String name, DigestSet digests, long size) {
    public ArtifactRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(digests, "digests");
        if (name.isBlank()) {
            throw new IllegalArgumentException("an artifact needs a name");
        }
        if (size < 0) {
            throw new IllegalArgumentException("artifact size must be >= 0");
        }
    }
}
