package io.jenkins.plugins.securedeploy.engine.policy;

import java.util.regex.Pattern;

/**
 * A path glob as written in waivers: {@code **} matches across directories, {@code *} and {@code ?} within one,
 * everything else literally. Compiled once; equality is by the glob text. Paths are compared with '/' separators.
 */
public final class PathGlob {
    private final String glob;
    private final Pattern pattern;
    private final String literalPrefix;
    private final boolean literal;

    private static final java.util.Map<String, PathGlob> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /** A compiled glob, shared (globs are immutable); the cache is bounded by the number of waivers. */
    public static PathGlob of(String glob) {
        if (CACHE.size() > 10_000) {
            CACHE.clear();
        }
        return CACHE.computeIfAbsent(glob, PathGlob::new);
    }

    public PathGlob(String glob) {
        if (glob == null || glob.isBlank()) {
            throw new IllegalArgumentException("a path glob must not be blank");
        }
        this.glob = glob;
        String normalized = normalize(glob);
        this.pattern = Pattern.compile(toRegex(normalized));
        int wildcard = firstWildcard(normalized);
        this.literal = wildcard < 0;
        this.literalPrefix = wildcard < 0 ? normalized : normalized.substring(0, wildcard);
    }

    private static int firstWildcard(String glob) {
        for (int i = 0; i < glob.length(); i++) {
            if (glob.charAt(i) == '*' || glob.charAt(i) == '?') {
                return i;
            }
        }
        return -1;
    }

    static String toRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                boolean slash = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                sb.append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 3 : 2;
                continue;
            }
            if (c == '*') {
                sb.append("[^/]*");
            } else if (c == '?') {
                sb.append("[^/]");
            } else {
                int end = i;
                while (end < glob.length() && glob.charAt(end) != '*' && glob.charAt(end) != '?') {
                    end++;
                }
                sb.append(Pattern.quote(glob.substring(i, end)));
                i = end;
                continue;
            }
            i++;
        }
        return sb.toString();
    }

    /** '/' separators, no leading "./". */
    static String normalize(String path) {
        String normalized = path.replace('\\', '/');
        return normalized.startsWith("./") ? normalized.substring(2) : normalized;
    }

    /** The first path segment every match must start with, or empty when the glob starts with a wildcard. */
    String firstSegment() {
        int slash = literalPrefix.indexOf('/');
        if (slash > 0) {
            return literalPrefix.substring(0, slash);
        }
        return literal ? literalPrefix : "";
    }

    static String firstSegmentOf(String normalizedPath) {
        int slash = normalizedPath.indexOf('/');
        return slash < 0 ? normalizedPath : normalizedPath.substring(0, slash);
    }

    public boolean matches(String path) {
        String normalized = normalize(path);
        // cheap checks first: most paths fail on the literal prefix, literal globs need no regex
        if (!normalized.startsWith(literalPrefix)) {
            return false;
        }
        return literal ? normalized.equals(literalPrefix) : pattern.matcher(normalized).matches();
    }

    public String glob() {
        return glob;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PathGlob other && other.glob.equals(glob);
    }

    @Override
    public int hashCode() {
        return glob.hashCode();
    }

    @Override
    public String toString() {
        return glob;
    }
}
