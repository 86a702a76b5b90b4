package io.jenkins.plugins.securedeploy.engine.mask;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Objects;

/**
 * Masks files before they are archived: streams a file through the masker ({@link MaskingCopy}, the same path as
 * the CLI's pipe) into a temporary file in the same folder
 * and moves it over the original atomically, so readers see the old or the new content, never a mix. A file with
 * nothing to mask is left untouched (same bytes, same timestamps). Symbolic links are refused, not followed.
 */
public final class FileMasker {
    private final SecretMasker masker;

    public FileMasker(SecretMasker masker) {
        this.masker = Objects.requireNonNull(masker, "masker");
    }

    /** Masks {@code file} in place; returns how many regions were masked (0: the file was not rewritten). */
    public long maskInPlace(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("not a regular file (symbolic links are not followed): " + file);
        }
        if (masker.isEmpty()) {
            return 0;
        }
        Path dir = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".masking");
        try {
            long masks;
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                masks = MaskingCopy.copy(masker, in, Files.newOutputStream(temp), false);
            }
            if (masks == 0) {
                Files.delete(temp);
                return 0;
            }
            copyPermissions(file, temp);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return masks;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView source =
                Files.getFileAttributeView(from, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        PosixFileAttributeView target = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (source != null && target != null) {
            target.setPermissions(source.readAttributes().permissions());
        }
    }
}
