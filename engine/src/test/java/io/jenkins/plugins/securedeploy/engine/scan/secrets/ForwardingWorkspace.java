package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import io.jenkins.plugins.securedeploy.engine.host.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A workspace that forwards to another; tests override single methods to inject failures. */
class ForwardingWorkspace implements Workspace {
    private final Workspace delegate;

    ForwardingWorkspace(Workspace delegate) {
        this.delegate = delegate;
    }

    @Override
    public String describe() {
        return delegate.describe();
    }

    @Override
    public boolean exists(String relativePath) {
        return delegate.exists(relativePath);
    }

    @Override
    public long size(String relativePath) throws IOException {
        return delegate.size(relativePath);
    }

    @Override
    public InputStream open(String relativePath) throws IOException {
        return delegate.open(relativePath);
    }

    @Override
    public OutputStream create(String relativePath) throws IOException {
        return delegate.create(relativePath);
    }

    @Override
    public List<String> list(String glob) throws IOException {
        return delegate.list(glob);
    }

    @Override
    public Optional<Path> localPath(String relativePath) {
        return delegate.localPath(relativePath);
    }
}
