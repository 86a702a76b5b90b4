package io.jenkins.plugins.securedeploy.engine.bundle;

import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A bundle after {@link BundleWriter#seal}: masked content, the manifest and its signed envelope, ready to be laid out
 * as a directory or an archive. The files are in bundle order: {@code manifest.json}, {@code manifest.dsse.json},
 * then by path.
 */
public final class SealedBundle {
    private final BundleManifest manifest;
    private final Map<String, byte[]> files;
    private final String signerKeyId;
    private final List<String> masked;

    SealedBundle(BundleManifest manifest, byte[] manifestJson, byte[] manifestDsse, List<BundleEntry> entries,
            String signerKeyId, List<String> masked) {
        this.manifest = Objects.requireNonNull(manifest, "manifest");
        Map<String, byte[]> ordered = new LinkedHashMap<>();
        ordered.put(BundlePaths.MANIFEST, manifestJson.clone());
        ordered.put(BundlePaths.MANIFEST_DSSE, manifestDsse.clone());
        entries.forEach(e -> ordered.put(e.path(), e.content()));
        this.files = Collections.unmodifiableMap(ordered);
        this.signerKeyId = signerKeyId;
        this.masked = List.copyOf(masked);
    }

    public BundleManifest manifest() {
        return manifest;
    }

    /** SHA-256 of {@code manifest.json}. */
    public Digest manifestDigest() {
        return Hashing.sha256(files.get(BundlePaths.MANIFEST));
    }

    public String signerKeyId() {
        return signerKeyId;
    }

    /** Paths of files the masker changed. */
    public List<String> masked() {
        return masked;
    }

    /** Every file in bundle order, path → content (a copy). */
    public Map<String, byte[]> files() {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        files.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }

    /** The reproducible {@code .tar.gz}: the same sealed bundle always gives the same bytes. */
    public byte[] archive() {
        return ArchiveWriter.write(files, manifest.createdAt());
    }

    Map<String, byte[]> filesView() {
        return files;
    }
}
