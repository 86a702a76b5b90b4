package io.jenkins.plugins.securedeploy.engine.sbom;

import java.util.Objects;
import java.util.Set;

/**
 * How to generate: CycloneDX spec version ({@code 1.6} default, {@code 1.5} on request), the project the SBOM
 * describes (its metadata component) and the tool version to record.
 */
public record SbomOptions(String specVersion, String projectName, String projectVersion, String toolVersion) {
    public static final Set<String> SPEC_VERSIONS = Set.of("1.5", "1.6");

    public SbomOptions {
        Objects.requireNonNull(specVersion, "specVersion");
        if (!SPEC_VERSIONS.contains(specVersion)) {
            throw new IllegalArgumentException("CycloneDX spec version must be 1.5 or 1.6, got " + specVersion);
        }
        projectName = projectName == null || projectName.isBlank() ? "project" : projectName;
        projectVersion = projectVersion == null ? "" : projectVersion;
        toolVersion = toolVersion == null || toolVersion.isBlank() ? "dev" : toolVersion;
    }

    public static SbomOptions defaults() {
        return new SbomOptions("1.6", null, null, null);
    }

    public SbomOptions withSpecVersion(String version) {
        return new SbomOptions(version, projectName, projectVersion, toolVersion);
    }

    public SbomOptions withProject(String name, String version) {
        return new SbomOptions(specVersion, name, version, toolVersion);
    }
}
