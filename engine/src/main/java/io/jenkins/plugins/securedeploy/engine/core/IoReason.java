package io.jenkins.plugins.securedeploy.engine.core;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.util.Locale;

/**
 * Why an I/O operation failed, in plain words for a message that already names the file ("the file does not exist",
 * "permission denied", "is a directory"), instead of a Java exception name or the exception's own message, which
 * repeats paths and may quote content.
 */
public final class IoReason {
    private IoReason() {}

    /** The reason of an {@link java.io.UncheckedIOException}'s cause. */
    public static String of(java.io.UncheckedIOException e) {
        return of(e.getCause());
    }

    public static String of(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "it does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file with that name already exists";
        }
        if (e instanceof NotDirectoryException) {
            return "a part of the path is a file, not a directory";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "the directory is not empty";
        }
        if (e instanceof FileSystemLoopException) {
            return "the path loops through symbolic links";
        }
        if (e instanceof NotLinkException) {
            return "it is not a symbolic link";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            String reason = fse.getReason().toLowerCase(Locale.ROOT);
            if (reason.contains("is a directory")) {
                return "it is a directory";
            }
            if (reason.contains("not a directory")) {
                return "a part of the path is a file, not a directory";
            }
            if (reason.contains("no space")) {
                return "the disk is full";
            }
            if (reason.contains("read-only")) {
                return "the file system is read-only";
            }
        }
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (message.contains("is a directory")) {
            return "it is a directory";
        }
        if (message.contains("no space left")) {
            return "the disk is full";
        }
        return "an I/O error (" + e.getClass().getSimpleName() + ")";
    }
}
