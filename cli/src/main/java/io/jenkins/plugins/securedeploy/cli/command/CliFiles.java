package io.jenkins.plugins.securedeploy.cli.command;

import io.jenkins.plugins.securedeploy.engine.core.EnvironmentException;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.IoReason;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files a command reads and writes, with the CLI's one way of failing: the file, what it is to the command (its
 * role, e.g. "trusted key (--key)") and the reason in plain words ({@link IoReason}) — never a Java exception name.
 * An unreadable input is a located problem (exit 3, listed in the {@code --json} error document); an output that
 * cannot be written is an environment failure (exit 3).
 */
final class CliFiles {
    static final String UNREADABLE = "file.unreadable";

    private CliFiles() {}

    /** The whole file, or a problem "FILE: cannot read the ROLE: REASON". */
    static byte[] read(Path file, String role) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw unreadable(file, role, e);
        }
    }

    /** The file as evidence or trust material for a verifier. */
    static EvidenceFile evidence(Path file, String role) {
        return new EvidenceFile(file.toString(), read(file, role));
    }

    /** The problem of a file that cannot be read. */
    static InvalidInputException unreadable(Path file, String role, IOException e) {
        return new InvalidInputException(Problem.of(UNREADABLE, "cannot read the " + role + ": " + IoReason.of(e),
                Location.ofFile(file.toString())), e);
    }

    /** Fails unless {@code file} is an existing regular file (checked before anything is issued or written). */
    static void requireFile(Path file, String role, String hint) {
        if (Files.isRegularFile(file)) {
            return;
        }
        String why = Files.isDirectory(file) ? "it is a directory" : Files.exists(file) ? "it is not a regular file"
                : "it does not exist";
        throw new InvalidInputException(Problem.of(UNREADABLE, "cannot read the " + role + ": " + why
                + (hint.isEmpty() ? "" : " (" + hint + ")"), Location.ofFile(file.toString())));
    }

    /** Writes {@code content} to {@code file}, creating its folder; "cannot write the ROLE FILE: REASON". */
    static void write(Path file, byte[] content, String role) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, content);
        } catch (IOException e) {
            throw cannotWrite(file, role, e);
        }
    }

    /** The failure of an output that cannot be written. */
    static EnvironmentException cannotWrite(Path file, String role, IOException e) {
        return new EnvironmentException("cannot write the " + role + " " + file + ": " + IoReason.of(e), e);
    }
}
