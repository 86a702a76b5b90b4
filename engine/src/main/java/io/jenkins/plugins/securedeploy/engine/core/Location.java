package io.jenkins.plugins.securedeploy.engine.core;

import java.util.Optional;

/**
 * Where a problem or finding is: a file (workspace-relative where possible), optionally a JSON pointer, a line and
 * a column (1-based; 0 means unknown).
 */
public record Location(String file, String pointer, int line, int column) {
    public Location {
        file = file == null ? "" : file;
        pointer = pointer == null ? "" : pointer;
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must be >= 0, got " + line + ":" + column);
        }
    }

    public static Location ofFile(String file) {
        return new Location(file, "", 0, 0);
    }

    public static Location of(String file, int line, int column) {
        return new Location(file, "", line, column);
    }

    public static Location ofPointer(String file, String pointer, int line, int column) {
        return new Location(file, pointer, line, column);
    }

    public Location withPointer(String newPointer) {
        return new Location(file, newPointer, line, column);
    }

    public Optional<Integer> lineNumber() {
        return line > 0 ? Optional.of(line) : Optional.empty();
    }

    /** {@code file:line:column (pointer)}, omitting unknown parts. */
    public String describe() {
        StringBuilder sb = new StringBuilder(file.isEmpty() ? "<input>" : file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        if (!pointer.isEmpty()) {
            sb.append(" at ").append(pointer);
        }
        return sb.toString();
    }
}
