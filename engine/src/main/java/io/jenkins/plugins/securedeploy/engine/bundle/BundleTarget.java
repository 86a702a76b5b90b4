package io.jenkins.plugins.securedeploy.engine.bundle;

import io.jenkins.plugins.securedeploy.engine.host.EvidenceStore;
import io.jenkins.plugins.securedeploy.engine.host.WorkspacePaths;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a sealed bundle goes: its files into {@code directory} under {@code prefix} ({@code ""} = the store's root),
 * and, when {@code archive} is given, the {@code .tar.gz} into that store as {@code archiveName}.
 */
public record BundleTarget(EvidenceStore directory, String prefix, Optional<EvidenceStore> archive,
        String archiveName) {
    public BundleTarget {
        Objects.requireNonNull(directory, "directory");
        prefix = prefix == null || prefix.isEmpty() ? "" : WorkspacePaths.normalize(prefix);
        archive = archive == null ? Optional.empty() : archive;
        archiveName = archiveName == null ? "" : archiveName;
        if (archive.isPresent()) {
            archiveName = WorkspacePaths.normalize(archiveName);
        }
    }

    /** Both in one store: {@code name/…} and {@code name.tar.gz} (what the deployment flow records). */
    public static BundleTarget in(EvidenceStore store, String name) {
        String dir = WorkspacePaths.normalize(name);
        return new BundleTarget(store, dir, Optional.of(store), dir + ".tar.gz");
    }

    /** The directory only. */
    public static BundleTarget directory(EvidenceStore store, String prefix) {
        return new BundleTarget(store, prefix, Optional.empty(), "");
    }

    /** The store name of a bundle file. */
    String nameOf(String path) {
        return prefix.isEmpty() ? path : prefix + "/" + path;
    }
}
