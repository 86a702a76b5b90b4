package io.jenkins.plugins.securedeploy.engine.report;

import java.util.Locale;

/**
 * Paths as a report shows them: relative and without URI noise. {@code file://} and {@code ./} prefixes go; an
 * absolute path under the JVM's working directory becomes relative to it; any other absolute path (a workspace the
 * report does not know the root of) shows its last two segments. Never used to open a file.
 */
final class DisplayPaths {
    private DisplayPaths() {}

    static String relative(String path) {
        return relative(path, System.getProperty("user.dir", ""));
    }

    static String relative(String path, String workingDir) {
        if (path == null || path.isBlank()) {
            return "";
        }
        String p = path.strip().replace('\\', '/');
        if (p.toLowerCase(Locale.ROOT).startsWith("file://")) {
            p = p.substring("file://".length());
            if (p.matches("/[A-Za-z]:/.*")) {
                p = p.substring(1);
            }
        }
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        if (!isAbsolute(p)) {
            return p;
        }
        String base = workingDir == null ? "" : workingDir.replace('\\', '/');
        if (!base.isEmpty() && !base.endsWith("/")) {
            base = base + "/";
        }
        if (base.length() > 1 && p.startsWith(base) && p.length() > base.length()) {
            return p.substring(base.length());
        }
        String trimmed = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
        int last = trimmed.lastIndexOf('/');
        int before = last > 0 ? trimmed.lastIndexOf('/', last - 1) : -1;
        return before >= 0 ? trimmed.substring(before + 1) : trimmed.substring(last + 1);
    }

    private static boolean isAbsolute(String p) {
        return p.startsWith("/") || p.matches("[A-Za-z]:/.*");
    }
}
