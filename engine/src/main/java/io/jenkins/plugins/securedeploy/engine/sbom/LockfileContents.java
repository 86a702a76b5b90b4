package io.jenkins.plugins.securedeploy.engine.sbom;

import java.util.List;
import java.util.Objects;

/**
 * What one lockfile or manifest says: its components and, where the file records it, the dependency graph (npm).
 * A dependency whose ref is {@link #PROJECT} lists what the project itself depends on directly.
 *
 * @param source the file as the user named it (for messages and SBOM properties)
 * @param ecosystem purl type of the components
 */
public record LockfileContents(String source, String ecosystem, List<SbomComponent> components,
        List<SbomDependency> dependencies) {
    /** The ref standing for the project the lockfile belongs to (the SBOM's metadata component). */
    public static final String PROJECT = "";

    public LockfileContents {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(ecosystem, "ecosystem");
        components = List.copyOf(components);
        dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
    }
}
