package io.jenkins.plugins.securedeploy.engine.sbom;

import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import java.util.Objects;

/**
 * A build artifact an SBOM describes (its metadata component or a {@code file} component) with the SHA-256/SHA-512
 * digests the SBOM records for it: how evidence ties an SBOM to what was built.
 */
public record DescribedArtifact(String name, DigestSet digests) {
    public DescribedArtifact {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(digests, "digests");
    }
}
