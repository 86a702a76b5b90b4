package io.jenkins.plugins.securedeploy.engine.sbom;

import io.jenkins.plugins.securedeploy.engine.core.Digest;
import java.util.List;
import java.util.Objects;

/**
 * What evidence and the gate report record about one SBOM: format, spec version, serial number (CycloneDX
 * {@code serialNumber} / SPDX {@code documentNamespace}), component count, the SHA-256 of the SBOM file itself and
 * the artifact digests it describes. {@link #components()} is the flat component list the policy package checks
 * against license and package deny-lists (sbom may not depend on scan or policy; policy reads this).
 */
public record SbomSummary(String file, SbomFormat format, String specVersion, String serialNumber,
        Digest sha256, List<DescribedArtifact> artifacts, List<SbomComponent> components) {
    public SbomSummary {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(sha256, "sha256");
        specVersion = specVersion == null ? "" : specVersion;
        serialNumber = serialNumber == null ? "" : serialNumber;
        artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
        components = components == null ? List.of() : List.copyOf(components);
    }

    public int componentCount() {
        return components.size();
    }
}
