package io.jenkins.plugins.securedeploy.engine.sbom;

import java.io.IOException;
import java.io.InputStream;

/** An SBOM document that can be read more than once (validators stream it in passes rather than hold it). */
public interface SbomSource {
    /** The name used in every problem location. */
    String name();

    InputStream open() throws IOException;

    static SbomSource ofBytes(String name, byte[] content) {
        byte[] copy = content.clone();
        return new SbomSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public InputStream open() {
                return new java.io.ByteArrayInputStream(copy);
            }
        };
    }

    /** A local file, named as given (for hosts that have one, such as the CLI). */
    static SbomSource ofPath(java.nio.file.Path file) {
        return new SbomSource() {
            @Override
            public String name() {
                return file.toString();
            }

            @Override
            public InputStream open() throws IOException {
                return java.nio.file.Files.newInputStream(file);
            }
        };
    }

    static SbomSource ofWorkspace(io.jenkins.plugins.securedeploy.engine.host.Workspace workspace, String path) {
        return new SbomSource() {
            @Override
            public String name() {
                return path;
            }

            @Override
            public InputStream open() throws IOException {
                return workspace.open(path);
            }
        };
    }
}
