package io.jenkins.plugins.securedeploy.engine.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a bundle to verify is: a directory (as the writer lays it out) or an archive ({@code .tar.gz}) given as a file
 * or as a stream a host opens (an archived build artifact). Either is read once, extracting nothing.
 */
public final class BundleSource {
    /** Opens the archive's bytes. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    private final String name;
    private final Path directory;
    private final Opener archive;

    private BundleSource(String name, Path directory, Opener archive) {
        this.name = Objects.requireNonNull(name, "name");
        this.directory = directory;
        this.archive = archive;
    }

    public static BundleSource directory(Path dir) {
        return new BundleSource(dir.toString(), dir, null);
    }

    public static BundleSource archive(Path file) {
        return new BundleSource(file.toString(), null, () -> Files.newInputStream(file));
    }

    public static BundleSource archive(String name, Opener opener) {
        return new BundleSource(name, null, Objects.requireNonNull(opener, "opener"));
    }

    /** A directory when {@code path} is one, else an archive file. */
    public static BundleSource of(Path path) {
        return Files.isDirectory(path) ? directory(path) : archive(path);
    }

    /** The name shown in results. */
    public String name() {
        return name;
    }

    public boolean isArchive() {
        return archive != null;
    }

    void read(BundleLimits limits, EntrySink sink) throws IOException {
        if (directory != null) {
            DirectoryReader.read(directory, limits, sink);
            return;
        }
        try (InputStream in = archive.open()) {
            ArchiveReader.read(in, limits, sink);
        }
    }

    @Override
    public String toString() {
        return (isArchive() ? "archive " : "directory ") + name;
    }
}
