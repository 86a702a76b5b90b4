package io.jenkins.plugins.securedeploy.engine.host;

import io.jenkins.plugins.securedeploy.engine.core.SecurityViolationException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lexical checks every {@link Workspace} applies before touching anything: a workspace path is relative, uses
 * {@code /}, and never climbs out of the root. Symlink checks are the file-system implementation's job.
 */
public final class WorkspacePaths {
    private WorkspacePaths() {}

    /**
     * Normalises a workspace-relative path ({@code a/./b//c} → {@code a/b/c}) or throws a
     * {@link SecurityViolationException} naming it.
     */
    public static String normalize(String path) {
        if (path == null || path.isBlank()) {
            throw new SecurityViolationException("workspace path is empty");
        }
        String shown = printable(path);
        if (path.indexOf('\0') >= 0) {
            throw new SecurityViolationException("workspace path '" + shown + "' contains a NUL character");
        }
        String unified = path.replace('\\', '/');
        if (unified.startsWith("/") || unified.matches("^[A-Za-z]:.*")) {
            throw new SecurityViolationException(
                    "workspace path '" + shown + "' is absolute; give a path relative to the workspace");
        }
        List<String> parts = new ArrayList<>();
        for (String segment : unified.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                throw new SecurityViolationException(
                        "workspace path '" + shown + "' contains '..' and could leave the workspace");
            }
            parts.add(segment);
        }
        if (parts.isEmpty()) {
            throw new SecurityViolationException("workspace path '" + shown + "' names the workspace root itself");
        }
        return String.join("/", parts);
    }

    static String printable(String path) {
        String cut = path.length() > 200 ? path.substring(0, 200) + "..." : path;
        StringBuilder sb = new StringBuilder(cut.length());
        cut.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                sb.append("\\u").append(String.format(java.util.Locale.ROOT, "%04x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }
}
