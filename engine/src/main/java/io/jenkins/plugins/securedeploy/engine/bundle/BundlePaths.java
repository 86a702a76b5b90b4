package io.jenkins.plugins.securedeploy.engine.bundle;

import io.jenkins.plugins.securedeploy.engine.core.SecurityViolationException;
import io.jenkins.plugins.securedeploy.engine.host.WorkspacePaths;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Names of files in a bundle: what {@link WorkspacePaths} allows, and stricter, so that every tar, unzip and file
 * system extracts them the same way: relative, {@code /}-separated, segments of {@code [A-Za-z0-9_][A-Za-z0-9._+-]*}
 * (no {@code ..}, no hidden {@code .} files, no spaces, backslashes, colons or control characters), at most
 * {@value #MAX_BYTES} bytes (a plain ustar name field). {@code manifest.json} and {@code manifest.dsse.json} are the
 * bundle's own. Two names that differ only in case are refused, as a case-insensitive file system would merge them.
 */
public final class BundlePaths {
    public static final String MANIFEST = "manifest.json";
    public static final String MANIFEST_DSSE = "manifest.dsse.json";
    static final int MAX_BYTES = 100;
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._+-]*");

    private BundlePaths() {}

    /** Why {@code name} is not an acceptable bundle path exactly as written, or empty when it is. */
    public static Optional<String> problem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("is empty");
        }
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
            return Optional.of("is absolute");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("is longer than " + MAX_BYTES + " bytes");
        }
        for (String segment : name.split("/", -1)) {
            if (segment.equals("..")) {
                return Optional.of("contains '..' and could leave the bundle");
            }
            if (!SEGMENT.matcher(segment).matches()) {
                return Optional.of("has a segment outside [A-Za-z0-9_][A-Za-z0-9._+-]* (empty, hidden, or with "
                        + "characters that extract differently on other systems)");
            }
        }
        return Optional.empty();
    }

    /** {@code folder/name} normalised, or a {@link SecurityViolationException} naming it. */
    public static String join(String folder, String name) {
        String normal = WorkspacePaths.normalize(name);
        String path = folder.isEmpty() ? normal : folder + "/" + normal;
        Optional<String> p = problem(path);
        if (p.isPresent()) {
            throw new SecurityViolationException("bundle path '" + printable(path) + "' " + p.get());
        }
        return path;
    }

    /** Whether {@code path} is one of the bundle's own manifest files. */
    public static boolean reserved(String path) {
        return MANIFEST.equalsIgnoreCase(path) || MANIFEST_DSSE.equalsIgnoreCase(path);
    }

    /** The key two names collide under on a case-insensitive file system. */
    static String folded(String path) {
        return path.toLowerCase(Locale.ROOT);
    }

    /** A name for messages: control and non-ASCII characters escaped, long names cut. */
    public static String printable(String name) {
        String cut = name.length() > 120 ? name.substring(0, 120) + "..." : name;
        StringBuilder sb = new StringBuilder(cut.length());
        cut.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp >= 0x7f) {
                sb.append("\\u").append(String.format(Locale.ROOT, "%04x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }
}
