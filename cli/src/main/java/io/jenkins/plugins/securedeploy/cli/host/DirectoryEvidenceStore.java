package io.jenkins.plugins.securedeploy.cli.host;

import io.jenkins.plugins.securedeploy.engine.core.EnvironmentException;
import io.jenkins.plugins.securedeploy.engine.core.HashingOutputStream;
import io.jenkins.plugins.securedeploy.engine.core.IoReason;
import io.jenkins.plugins.securedeploy.engine.host.EvidenceRef;
import io.jenkins.plugins.securedeploy.engine.host.EvidenceStore;
import io.jenkins.plugins.securedeploy.engine.host.FileSystemWorkspace;
import io.jenkins.plugins.securedeploy.engine.host.WorkspacePaths;
import io.jenkins.plugins.securedeploy.engine.mask.SecretMasker;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The CLI's {@link EvidenceStore}: a local folder (a command's {@code --report-dir}, the deploy flow's evidence
 * folder). Names follow the workspace rules (no escaping the folder, no writing through a symbolic link); content is
 * masked with the run's secrets before it is written, as every host must; a name stored again in a later run
 * replaces the earlier file (a report folder is re-used run after run).
 */
public final class DirectoryEvidenceStore implements EvidenceStore {
    private final FileSystemWorkspace folder;
    private final SecretMasker masker;
    private final List<EvidenceRef> stored = new ArrayList<>();

    public DirectoryEvidenceStore(Path root, SecretMasker masker) {
        this.folder = new FileSystemWorkspace(root);
        this.masker = Objects.requireNonNull(masker, "masker");
    }

    /** Without secrets to mask. */
    public DirectoryEvidenceStore(Path root) {
        this(root, SecretMasker.none());
    }

    /**
     * A store over {@code root}, created if needed; {@code what} names it in the error ("report directory").
     *
     * @throws EnvironmentException when the folder cannot be created (a file in the way, no permission)
     */
    public static DirectoryEvidenceStore create(Path root, String what, SecretMasker masker) {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new EnvironmentException("cannot create " + what + " " + root.toString().replace('\\', '/') + ": "
                    + (e instanceof FileAlreadyExistsException
                            ? "a file with that name is in the way (give a directory)" : IoReason.of(e)), e);
        }
        return new DirectoryEvidenceStore(root, masker);
    }

    /** Without secrets to mask. */
    public static DirectoryEvidenceStore create(Path root, String what) {
        return create(root, what, SecretMasker.none());
    }

    public Path root() {
        return folder.root();
    }

    /** Where a stored name is on disk. */
    public Path resolve(EvidenceRef ref) {
        return folder.root().resolve(ref.name());
    }

    @Override
    public synchronized EvidenceRef store(String name, String mediaType, byte[] content) throws IOException {
        String key = WorkspacePaths.normalize(name);
        byte[] masked = masker.isEmpty() ? content : masker.mask(content);
        folder.write(key, masked);
        EvidenceRef ref = new EvidenceRef(key, mediaType, EvidenceRef.digest(masked), masked.length);
        stored.removeIf(r -> r.name().equals(key));
        stored.add(ref);
        return ref;
    }

    /**
     * Streams {@code content} to the file (masked on the way), so a report of any size never sits in memory; the
     * masked bytes are hashed as they are written, not read back.
     */
    @Override
    public synchronized EvidenceRef store(String name, String mediaType, Content content) throws IOException {
        String key = WorkspacePaths.normalize(name);
        HashingOutputStream file = new HashingOutputStream(folder.create(key), EvidenceRef.DIGESTS);
        try (file; OutputStream out = masker.isEmpty() ? file : masker.wrap(file)) {
            content.writeTo(new FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush(); // the writer's close must not close the file before the masker drains
                }
            });
        }
        // hashed as written (the masked bytes, what is on disk), not read back
        Path written = folder.root().resolve(key);
        long size = Files.size(written);
        if (size != file.size()) {
            throw new EnvironmentException(key + " changed while it was written (" + file.size() + " bytes written, "
                    + size + " on disk); store it again when nothing else writes to it");
        }
        EvidenceRef ref = new EvidenceRef(key, mediaType, file.digests(), size);
        stored.removeIf(r -> r.name().equals(key));
        stored.add(ref);
        return ref;
    }

    @Override
    public synchronized List<EvidenceRef> list() {
        return List.copyOf(stored);
    }
}
