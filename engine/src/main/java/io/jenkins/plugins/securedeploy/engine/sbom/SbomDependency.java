package io.jenkins.plugins.securedeploy.engine.sbom;

import java.util.List;
import java.util.Objects;

/** One edge set of the dependency graph: {@code ref} depends directly on {@code dependsOn} (bom-refs). */
public record SbomDependency(String ref, List<String> dependsOn) {
    public SbomDependency {
        Objects.requireNonNull(ref, "ref");
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }
}
