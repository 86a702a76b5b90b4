package io.jenkins.plugins.securedeploy.engine.sign;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The artifact a signature is about, opened as a stream each time it is needed, so verifying a subject of any size
 * uses heap independent of its size.
 */
public interface ArtifactSource {
    /** The name shown in reasons (workspace-relative where possible). */
    String name();

    InputStream open() throws IOException;

    static ArtifactSource of(Path file, String name) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        return new ArtifactSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    static ArtifactSource of(byte[] content, String name) {
        Objects.requireNonNull(name, "name");
        byte[] copy = content.clone();
        return new ArtifactSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public InputStream open() {
                return new java.io.ByteArrayInputStream(copy);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
