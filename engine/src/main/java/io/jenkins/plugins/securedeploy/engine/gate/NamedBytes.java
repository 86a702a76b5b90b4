package io.jenkins.plugins.securedeploy.engine.gate;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.IoReason;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * A small input the host has already read (a policy file, a baseline), with the name every problem uses. Compared by
 * content; {@link #toString()} never shows the content.
 */
public record NamedBytes(String name, byte[] content) {
    public NamedBytes {
        Objects.requireNonNull(name, "name");
        content = content.clone();
    }

    /** Larger inputs are refused (policy and baseline readers have their own limits too). */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    /**
     * Reads a local file for hosts that have one (the CLI), named {@code displayName}; {@code kind} says what it
     * should be ({@code policy file}, {@code baseline}) in the problems.
     *
     * @throws InvalidInputException when it is missing, a directory, too large or unreadable
     */
    public static NamedBytes read(Path file, String displayName, String kind) {
        Location at = Location.ofFile(displayName);
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(Problem.of("file.directory", "is a directory, not a " + kind
                    + " (give the file itself)", at));
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new InvalidInputException(Problem.of("file.too-large", kind + " is larger than " + MAX_BYTES
                        + " bytes", at));
            }
            return new NamedBytes(displayName, Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(Problem.of("file.missing", kind + " does not exist", at), e);
        } catch (IOException e) {
            throw new InvalidInputException(Problem.of("file.unreadable", "cannot read " + kind + ": "
                    + IoReason.of(e), at), e);
        }
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NamedBytes n && n.name.equals(name) && Arrays.equals(n.content, content);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "NamedBytes[" + name + ", " + content.length + " bytes]";
    }
}
