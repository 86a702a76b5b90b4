package io.jenkins.plugins.securedeploy.engine.bundle;

import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.host.EvidenceRef;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link BundleWriter#write} recorded: the manifest, its SHA-256 (of {@code manifest.json}, which names every
 * file), the key that signed it, every file stored (manifest files first), the archive, and which files the writer
 * masked.
 */
public record WrittenBundle(BundleManifest manifest, Digest manifestDigest, String signerKeyId,
        List<EvidenceRef> files, Optional<EvidenceRef> archive, List<String> masked) {
    public WrittenBundle {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(manifestDigest, "manifestDigest");
        Objects.requireNonNull(signerKeyId, "signerKeyId");
        files = List.copyOf(files);
        archive = archive == null ? Optional.empty() : archive;
        masked = List.copyOf(masked);
    }
}
