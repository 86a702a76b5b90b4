package io.jenkins.plugins.securedeploy.engine.scan.registry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One report to read, already in the host's hands: its display name (used in every problem), the format id it was
 * named with ({@code null} = detect from the first bytes) and how to open it. Opened once and streamed; a host never
 * copies it to disk first.
 */
public record ReportSource(String name, String format, Opener opener) {
    /** Opens the report's bytes (the caller closes the stream). */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    public ReportSource {
        Objects.requireNonNull(name, "name");
        format = format == null || format.isBlank() ? null : format.trim();
        Objects.requireNonNull(opener, "opener");
    }

    /** Bytes the host already holds (a Jenkins step's recorded results, a test). */
    public static ReportSource ofBytes(String name, String format, byte[] content) {
        byte[] copy = content.clone();
        return new ReportSource(name, format, () -> new ByteArrayInputStream(copy));
    }

    /** A local file (the CLI's arguments), named as the user wrote it. */
    public static ReportSource ofFile(Path file, String name, String format) {
        Objects.requireNonNull(file, "file");
        return new ReportSource(name, format, () -> {
            if (Files.isDirectory(file)) {
                throw new java.nio.file.FileSystemException(name, null, "is a directory, not a report");
            }
            return Files.newInputStream(file);
        });
    }

    /**
     * A command-line report argument: {@code tool=path} names the format, a bare path is detected ({@code format}
     * applies to bare paths when not null). The path is resolved against {@code baseDir}.
     */
    public static ReportSource ofSpec(String spec, Path baseDir, String format) {
        int eq = spec.indexOf('=');
        boolean named = eq > 0 && spec.substring(0, eq).matches("[a-z0-9][a-z0-9._-]{0,63}");
        String tool = named ? spec.substring(0, eq) : format;
        String pathText = named ? spec.substring(eq + 1) : spec;
        return ofFile(baseDir.resolve(pathText), pathText, tool);
    }

    @Override
    public String toString() {
        return "ReportSource[" + name + (format == null ? "" : ", " + format) + "]";
    }
}
