package io.jenkins.plugins.securedeploy.engine.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

/**
 * Reads a bundle directory without following links: every regular file, the manifest files first and then in path
 * order; a symbolic link (to a file or a folder), device, FIFO or socket is refused, not read. Each file is opened
 * with {@code NOFOLLOW_LINKS} and read once, at most to the per-file limit, so a file that grows or is swapped for a
 * link after the walk is caught rather than followed.
 */
final class DirectoryReader {
    private DirectoryReader() {}

    static void read(Path dir, BundleLimits limits, EntrySink sink) throws IOException {
        Path root;
        try {
            root = dir.toRealPath();
        } catch (NoSuchFileException e) {
            throw new BundleReadException("bundle.missing", "does not exist", e);
        }
        List<String> files = new ArrayList<>();
        List<String[]> refused = new ArrayList<>();
        Files.walkFileTree(root, EnumSet.noneOf(java.nio.file.FileVisitOption.class), 64, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = relative(root, file);
                if (attrs.isRegularFile()) {
                    files.add(name);
                } else if (attrs.isSymbolicLink()) {
                    refused.add(new String[] {name, "a symbolic link"});
                } else if (attrs.isDirectory()) {
                    refused.add(new String[] {name, "a folder nested deeper than 64 levels"});
                } else {
                    refused.add(new String[] {name, "not a regular file (device, FIFO or socket)"});
                }
                if (files.size() + refused.size() > limits.maxEntries()) {
                    throw new BundleReadException("bundle.limit", "has more than " + limits.maxEntries()
                            + " entries", false);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                throw e;
            }
        });
        files.sort(Comparator.comparing((String n) -> n.equals(BundlePaths.MANIFEST) ? 0
                : n.equals(BundlePaths.MANIFEST_DSSE) ? 1 : 2).thenComparing(Comparator.naturalOrder()));
        for (String[] r : refused) {
            sink.refused(r[0], r[1]);
        }
        for (String name : files) {
            Path file = root.resolve(name);
            long size = Files.size(file);
            if (size > limits.maxFileBytes()) {
                throw new BundleReadException("bundle.limit", BundlePaths.printable(name) + " is larger than the "
                        + "limit of " + limits.maxFileBytes() + " bytes per file", false);
            }
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                ArchiveReader.ExactInputStream content = new ArchiveReader.ExactInputStream(in, size);
                sink.file(name, size, 0644, content);
                content.drain();
                if (in.read() >= 0) {
                    throw new BundleReadException("bundle.changed", BundlePaths.printable(name) + " grew while it "
                            + "was read", true);
                }
            }
        }
    }

    private static String relative(Path root, Path file) {
        List<String> parts = new ArrayList<>();
        for (Path p : root.relativize(file)) {
            parts.add(p.toString());
        }
        return String.join("/", parts);
    }
}
