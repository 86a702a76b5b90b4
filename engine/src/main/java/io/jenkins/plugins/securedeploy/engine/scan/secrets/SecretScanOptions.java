package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import java.util.List;

/**
 * How to scan: which workspace files ({@code includes} minus {@code excludes}, globs), what to allow, size bounds and
 * the rules. Defaults: every file except {@code .git} folders, files up to 10 MiB, lines scanned in windows of 32 Ki
 * characters, {@link SecretRules#defaults()}.
 */
public record SecretScanOptions(List<String> includes, List<String> excludes, SecretAllowList allowList,
        long maxFileSize, int windowChars, List<SecretRule> rules) {

    public static final long DEFAULT_MAX_FILE_SIZE = 10L * 1024 * 1024;
    public static final int DEFAULT_WINDOW_CHARS = 32 * 1024;
    public static final List<String> DEFAULT_EXCLUDES = List.of(".git/**", "**/.git/**");

    public SecretScanOptions {
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        java.util.Objects.requireNonNull(allowList, "allowList");
        rules = List.copyOf(rules);
        if (maxFileSize <= 0) {
            throw new IllegalArgumentException("maxFileSize must be positive");
        }
        if (windowChars < 1024) {
            throw new IllegalArgumentException("windowChars must be at least 1024");
        }
    }

    public static SecretScanOptions defaults() {
        return new SecretScanOptions(List.of("**"), DEFAULT_EXCLUDES, SecretAllowList.none(), DEFAULT_MAX_FILE_SIZE,
                DEFAULT_WINDOW_CHARS, SecretRules.defaults());
    }

    public SecretScanOptions withIncludes(List<String> globs) {
        return new SecretScanOptions(globs, excludes, allowList, maxFileSize, windowChars, rules);
    }

    /** Replaces the excludes (including the default {@code .git} ones). */
    public SecretScanOptions withExcludes(List<String> globs) {
        return new SecretScanOptions(includes, globs, allowList, maxFileSize, windowChars, rules);
    }

    /** Adds excludes to the current ones. */
    public SecretScanOptions plusExcludes(List<String> globs) {
        return withExcludes(java.util.stream.Stream.concat(excludes.stream(), globs.stream()).toList());
    }

    public SecretScanOptions withAllowList(SecretAllowList value) {
        return new SecretScanOptions(includes, excludes, value, maxFileSize, windowChars, rules);
    }

    public SecretScanOptions withMaxFileSize(long bytes) {
        return new SecretScanOptions(includes, excludes, allowList, bytes, windowChars, rules);
    }

    public SecretScanOptions withWindowChars(int chars) {
        return new SecretScanOptions(includes, excludes, allowList, maxFileSize, chars, rules);
    }

    public SecretScanOptions withRules(List<SecretRule> value) {
        return new SecretScanOptions(includes, excludes, allowList, maxFileSize, windowChars, value);
    }
}
