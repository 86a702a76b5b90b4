package io.jenkins.plugins.securedeploy.engine.scan;

import java.util.Objects;

/** The package an SCA/container finding is about. Empty strings where the tool does not say. */
public record PackageRef(String name, String version, String fixedVersion, String purl) {
    public PackageRef {
        Objects.requireNonNull(name, "name");
        version = version == null ? "" : version;
        fixedVersion = fixedVersion == null ? "" : fixedVersion;
        purl = purl == null ? "" : purl;
    }

    /** True when the tool names a version that fixes the finding. */
    public boolean fixable() {
        return !fixedVersion.isBlank();
    }
}
