package io.jenkins.plugins.securedeploy.engine.host;

import io.jenkins.plugins.securedeploy.engine.core.DigestAlgorithm;
import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import java.util.Objects;
import java.util.Set;

/**
 * A recorded piece of evidence: its archive name, media type, digests and size. Evidence is recorded by SHA-256
 * ({@link #DIGESTS}): the digest everything that refers to evidence uses (bundle manifests, audit references,
 * attestation subjects). Artifacts keep SHA-256 and SHA-512 ({@link Hashing#file(java.nio.file.Path)}), as their
 * ecosystems use both; a gate's own report files are hashed once, not twice, however large.
 */
public record EvidenceRef(String name, String mediaType, DigestSet digests, long size) {
    /** The algorithms evidence is recorded by: SHA-256. */
    public static final Set<DigestAlgorithm> DIGESTS = Set.of(DigestAlgorithm.SHA256);

    public EvidenceRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(digests, "digests");
    }

    /** The {@link #DIGESTS} of evidence held in memory. */
    public static DigestSet digest(byte[] content) {
        return DigestSet.of(Hashing.sha256(content));
    }
}
