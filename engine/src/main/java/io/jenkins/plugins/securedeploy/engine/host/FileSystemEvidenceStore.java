package io.jenkins.plugins.securedeploy.engine.host;

import io.jenkins.plugins.securedeploy.engine.core.EnvironmentException;
import io.jenkins.plugins.securedeploy.engine.core.HashingOutputStream;
import io.jenkins.plugins.securedeploy.engine.core.SecurityViolationException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An {@link EvidenceStore} over a local folder (the CLI's; tests'): names follow {@link WorkspacePaths}, a symbolic
 * link never leads a write outside the root (the {@link FileSystemWorkspace} checks), and evidence is write-once — a
 * name already on disk is refused rather than overwritten, so recorded evidence is never silently replaced.
 */
public final class FileSystemEvidenceStore implements EvidenceStore {
    private final FileSystemWorkspace folder;
    private final List<EvidenceRef> stored = new ArrayList<>();

    public FileSystemEvidenceStore(Path root) {
        this.folder = new FileSystemWorkspace(root);
    }

    public Path root() {
        return folder.root();
    }

    @Override
    public synchronized EvidenceRef store(String name, String mediaType, byte[] content) throws IOException {
        String key = WorkspacePaths.normalize(name);
        Path target = target(name, key);
        try {
            Files.write(target, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new FileAlreadyExistsException(key, null, "evidence is write-once and this name is already "
                    + "recorded");
        }
        EvidenceRef ref = new EvidenceRef(key, mediaType, EvidenceRef.digest(content), content.length);
        stored.add(ref);
        return ref;
    }

    /**
     * Streams {@code content} to the (new) file, so evidence of any size never sits in memory; it is hashed as it is
     * written ({@link HashingOutputStream}), not read back.
     */
    @Override
    public synchronized EvidenceRef store(String name, String mediaType, Content content) throws IOException {
        String key = WorkspacePaths.normalize(name);
        Path target = target(name, key);
        OutputStream file;
        try {
            file = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new FileAlreadyExistsException(key, null, "evidence is write-once and this name is already "
                    + "recorded");
        }
        HashingOutputStream out = new HashingOutputStream(file, EvidenceRef.DIGESTS);
        try (out) {
            content.writeTo(out);
        }
        long size = Files.size(target);
        if (size != out.size()) {
            throw new EnvironmentException(key + " changed while it was written (" + out.size() + " bytes written, "
                    + size + " on disk); store it again when nothing else writes to it");
        }
        EvidenceRef ref = new EvidenceRef(key, mediaType, out.digests(), size);
        stored.add(ref);
        return ref;
    }

    private Path target(String name, String key) throws IOException {
        Path target = folder.resolve(key);
        Files.createDirectories(target.getParent());
        if (!target.getParent().toRealPath().startsWith(folder.root())) {
            throw new SecurityViolationException("evidence name '" + WorkspacePaths.printable(name)
                    + "' leads outside the evidence folder through a symbolic link");
        }
        return target;
    }

    @Override
    public synchronized List<EvidenceRef> list() {
        List<EvidenceRef> out = new ArrayList<>(stored);
        out.sort(Comparator.comparing(EvidenceRef::name));
        return List.copyOf(out);
    }
}
