package io.jenkins.plugins.securedeploy.cli.host;

import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.host.SecretStateStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Secret state in one local file, whatever the id: read whole, replaced atomically, readable by the owner only
 * (0600 where the file system has POSIX permissions).
 */
public final class FileSecretStateStore implements SecretStateStore {
    private final Path file;

    public FileSecretStateStore(Path file) {
        this.file = file.toAbsolutePath();
    }

    @Override
    public Optional<SecretValue> load(String id) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return text.isBlank() ? Optional.empty() : Optional.of(SecretValue.of(text));
    }

    @Override
    public void save(String id, SecretValue value) throws IOException {
        Path dir = file.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".secure-deploy-", ".tmp");
        try {
            ownerOnly(temp);
            Files.writeString(temp, value.reveal(), StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Restricts a file to its owner where POSIX permissions exist. */
    public static void ownerOnly(Path f) throws IOException {
        if (f.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
