package io.jenkins.plugins.securedeploy.engine.host;

import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.core.SecurityViolationException;
import java.io.BufferedOutputStream;
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
        EvidenceRef ref = new EvidenceRef(key, mediaType, Hashing.bytes(content), content.length);
        stored.add(ref);
        return ref;
    }

    /** Streams {@code content} to the (new) file, so evidence of any size never sits in memory. */
    @Override
    public synchronized EvidenceRef store(String name, String mediaType, Content content) throws IOException {
        String key = WorkspacePaths.normalize(name);
        Path target = target(name, key);
        try (OutputStream file = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE); OutputStream out = new BufferedOutputStream(file, 1 << 16)) {
            content.writeTo(out);
        } catch (FileAlreadyExistsException e) {
            throw new FileAlreadyExistsException(key, null, "evidence is write-once and this name is already "
                    + "recorded");
        }
        EvidenceRef ref = new EvidenceRef(key, mediaType, Hashing.file(target), Files.size(target));
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
