package io.jenkins.plugins.securedeploy.engine.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Files under one root, addressed by workspace-relative paths ({@code reports/trivy.json}). Every implementation
 * refuses paths that escape the root — {@code ../x}, absolute paths, and symlinks pointing outside — with a
 * {@link io.jenkins.plugins.securedeploy.engine.core.SecurityViolationException} naming the path. The contract is
 * tested once for all implementations ({@code AbstractWorkspaceTest}).
 */
public interface Workspace {
    /** A human description of the root (for messages). */
    String describe();

    boolean exists(String relativePath);

    /** Size in bytes of an existing regular file. */
    long size(String relativePath) throws IOException;

    InputStream open(String relativePath) throws IOException;

    /** Creates or truncates a file, creating parent folders. */
    OutputStream create(String relativePath) throws IOException;

    default byte[] read(String relativePath) throws IOException {
        try (InputStream in = open(relativePath)) {
            return in.readAllBytes();
        }
    }

    default void write(String relativePath, byte[] content) throws IOException {
        try (OutputStream out = create(relativePath)) {
            out.write(content);
        }
    }

    /** Regular files matching a glob ({@code **}{@code /*.sarif}), as sorted workspace-relative paths. */
    List<String> list(String glob) throws IOException;

    /** The file on the local file system, where there is one (for tools run as processes). */
    Optional<Path> localPath(String relativePath);
}
