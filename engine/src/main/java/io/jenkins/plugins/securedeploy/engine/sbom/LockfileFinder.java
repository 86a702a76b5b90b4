package io.jenkins.plugins.securedeploy.engine.sbom;

import io.jenkins.plugins.securedeploy.engine.core.EnvironmentException;
import io.jenkins.plugins.securedeploy.engine.core.IoReason;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the lockfiles {@link SbomGenerator} reads under a directory, as cdxgen, syft and trivy do for a directory
 * argument: {@code package-lock.json}, {@code npm-shrinkwrap.json}, {@code poetry.lock}, {@code go.sum} and
 * {@code requirements*.txt}, at any depth. Vendored, installed and build folders are not searched (their lockfiles
 * describe other projects or copies): {@link #SKIPPED} and every hidden folder. Symbolic links are not followed.
 * Maven's dependency lists have no fixed name and are never found: name them explicitly. Paths are relative to the
 * directory, with {@code /}, sorted.
 */
public final class LockfileFinder {
    /** Folder names that are never searched. */
    public static final Set<String> SKIPPED = Set.of("node_modules", "bower_components", "jspm_packages", "vendor",
            "target", "build", "dist", "out", "venv", "__pycache__", "site-packages", "third_party");

    public List<String> find(Path dir) {
        List<String> found = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    if (d.equals(dir)) {
                        return FileVisitResult.CONTINUE;
                    }
                    String name = d.getFileName().toString();
                    return SKIPPED.contains(name) || name.startsWith(".") ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && isLockfile(f.getFileName().toString())) {
                        found.add(dir.relativize(f).toString().replace('\\', '/'));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new EnvironmentException("cannot search " + dir + " for lockfiles: " + IoReason.of(e), e);
        }
        found.sort(null);
        return List.copyOf(found);
    }

    /** Whether a file name is one of the lockfiles the generator reads by name. */
    public static boolean isLockfile(String fileName) {
        String base = fileName.toLowerCase(Locale.ROOT);
        return base.equals("package-lock.json") || base.equals("npm-shrinkwrap.json") || base.equals("poetry.lock")
                || base.equals("go.sum") || base.startsWith("requirements") && base.endsWith(".txt");
    }
}
