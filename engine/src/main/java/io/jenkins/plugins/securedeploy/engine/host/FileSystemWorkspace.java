package io.jenkins.plugins.securedeploy.engine.host;

import io.jenkins.plugins.securedeploy.engine.core.SecurityViolationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A {@link Workspace} over a local folder: used by the CLI and, on a Jenkins agent, inside the file callables the
 * plugin sends there. Paths are checked lexically ({@link WorkspacePaths}) and then by real path, so a symlink that
 * points outside the root is refused as well.
 */
public final class FileSystemWorkspace implements Workspace {
    private final Path root;

    public FileSystemWorkspace(Path root) {
        try {
            Files.createDirectories(root);
            this.root = root.toRealPath();
        } catch (IOException e) {
            throw new io.jenkins.plugins.securedeploy.engine.core.EnvironmentException(
                    "cannot use workspace " + root + ": " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    @Override
    public String describe() {
        return root.toString();
    }

    /** Resolves a workspace path to a real location under the root, following symlinks, or throws. */
    Path resolve(String relativePath) throws IOException {
        String normal = WorkspacePaths.normalize(relativePath);
        Path candidate = root.resolve(normal);
        Path existing = candidate;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            existing = root;
        }
        if (Files.isSymbolicLink(existing) && !Files.exists(existing)) {
            throw new SecurityViolationException("workspace path '" + WorkspacePaths.printable(relativePath)
                    + "' is a dangling symbolic link");
        }
        Path real = existing.toRealPath();
        if (!real.startsWith(root)) {
            throw new SecurityViolationException("workspace path '" + WorkspacePaths.printable(relativePath)
                    + "' leads outside the workspace through a symbolic link");
        }
        return real.resolve(existing.relativize(candidate));
    }

    @Override
    public boolean exists(String relativePath) {
        try {
            return Files.isRegularFile(resolve(relativePath));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public long size(String relativePath) throws IOException {
        return Files.size(requireFile(relativePath));
    }

    @Override
    public InputStream open(String relativePath) throws IOException {
        return Files.newInputStream(requireFile(relativePath));
    }

    @Override
    public OutputStream create(String relativePath) throws IOException {
        Path target = resolve(relativePath);
        Files.createDirectories(target.getParent());
        // re-check: creating parents must not have raced a symlink into place
        Path parentReal = target.getParent().toRealPath();
        if (!parentReal.startsWith(root)) {
            throw new SecurityViolationException("workspace path '" + WorkspacePaths.printable(relativePath)
                    + "' leads outside the workspace through a symbolic link");
        }
        if (Files.isSymbolicLink(target)) {
            throw new SecurityViolationException("workspace path '" + WorkspacePaths.printable(relativePath)
                    + "' is a symbolic link; refusing to write through it");
        }
        return Files.newOutputStream(target);
    }

    @Override
    public List<String> list(String glob) throws IOException {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(root::relativize)
                    .filter(matcher::matches)
                    .map(p -> p.toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    @Override
    public Optional<Path> localPath(String relativePath) {
        try {
            return Optional.of(resolve(relativePath));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Path requireFile(String relativePath) throws IOException {
        Path p = resolve(relativePath);
        if (!Files.isRegularFile(p)) {
            throw new NoSuchFileException(WorkspacePaths.normalize(relativePath), null, "no such file in workspace");
        }
        return p;
    }
}
