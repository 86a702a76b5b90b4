package io.jenkins.plugins.securedeploy.engine.sbom;

/** The SBOM formats the engine reads; it writes only {@link #CYCLONEDX_JSON}. */
public enum SbomFormat {
    CYCLONEDX_JSON("CycloneDX JSON"),
    CYCLONEDX_XML("CycloneDX XML"),
    SPDX_JSON("SPDX JSON"),
    SPDX_TAG_VALUE("SPDX tag-value");

    private final String displayName;

    SbomFormat(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
