package io.jenkins.plugins.securedeploy.jenkins.deploy;

import hudson.FilePath;
import io.jenkins.plugins.securedeploy.engine.sign.ArtifactSource;
import java.io.IOException;
import java.io.InputStream;

/** The artifact streamed from the workspace (over the channel from an agent), opened each time it is hashed. */
final class WorkspaceArtifact implements ArtifactSource {
    private final FilePath file;
    private final String name;

    WorkspaceArtifact(FilePath workspace, String path) {
        this.file = workspace.child(path);
        this.name = path;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public InputStream open() throws IOException {
        try {
            return file.read();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while opening " + name);
        }
    }
}
