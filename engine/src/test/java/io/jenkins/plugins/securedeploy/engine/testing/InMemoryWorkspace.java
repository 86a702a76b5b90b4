package io.jenkins.plugins.securedeploy.engine.testing;

import io.jenkins.plugins.securedeploy.engine.host.Workspace;
import io.jenkins.plugins.securedeploy.engine.host.WorkspacePaths;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** A {@link Workspace} in memory, with the same path rules as the file-system one. */
public final class InMemoryWorkspace implements Workspace {
    private final ConcurrentSkipListMap<String, byte[]> files = new ConcurrentSkipListMap<>();

    public InMemoryWorkspace with(String path, String utf8) {
        files.put(WorkspacePaths.normalize(path), utf8.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    @Override
    public String describe() {
        return "in-memory workspace";
    }

    @Override
    public boolean exists(String relativePath) {
        return files.containsKey(WorkspacePaths.normalize(relativePath));
    }

    @Override
    public long size(String relativePath) throws IOException {
        return get(relativePath).length;
    }

    @Override
    public InputStream open(String relativePath) throws IOException {
        return new ByteArrayInputStream(get(relativePath));
    }

    @Override
    public OutputStream create(String relativePath) {
        String key = WorkspacePaths.normalize(relativePath);
        return new ByteArrayOutputStream() {
            @Override
            public void close() {
                files.put(key, toByteArray());
            }
        };
    }

    @Override
    public List<String> list(String glob) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        return files.keySet().stream().filter(k -> matcher.matches(Path.of(k))).toList();
    }

    @Override
    public Optional<Path> localPath(String relativePath) {
        WorkspacePaths.normalize(relativePath);
        return Optional.empty();
    }

    private byte[] get(String relativePath) throws NoSuchFileException {
        String key = WorkspacePaths.normalize(relativePath);
        byte[] content = files.get(key);
        if (content == null) {
            throw new NoSuchFileException(key, null, "no such file in workspace");
        }
        return content.clone();
    }
}
