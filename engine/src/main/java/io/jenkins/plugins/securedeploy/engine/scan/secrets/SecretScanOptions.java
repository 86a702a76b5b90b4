package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * How to scan: which workspace files ({@code includes} minus {@code excludes}, globs), what to allow, size bounds, the
 * rules, and how the walk goes. Defaults: every file except {@code .git} folders, dependency and build folders
 * ({@code node_modules}, {@code target/} beside a {@code pom.xml}, ...; each reported) skipped, {@code .gitignore}
 * files not consulted, files up to 10 MiB, lines scanned in windows of 32 Ki characters, {@link SecretRules#defaults()},
 * one worker thread per available processor.
 *
 * @param threads               worker threads reading and scanning files; 0 means one per available processor. The
 *                              findings and problems come out in the same order whatever the number.
 * @param gitignore             whether files and folders that {@code .gitignore} files (and
 *                              {@code .git/info/exclude}) ignore are left out, as ripgrep does by default; off by
 *                              default, because ignored files ({@code .env}) are where secrets are often left
 * @param skipDependencyFolders whether dependency and build output folders are skipped (and reported)
 */
public record SecretScanOptions(List<String> includes, List<String> excludes, SecretAllowList allowList,
        long maxFileSize, int windowChars, List<SecretRule> rules, int threads, boolean gitignore,
        boolean skipDependencyFolders) {

    public static final long DEFAULT_MAX_FILE_SIZE = 10L * 1024 * 1024;
    public static final int DEFAULT_WINDOW_CHARS = 32 * 1024;
    public static final List<String> DEFAULT_EXCLUDES = List.of(".git/**", "**/.git/**");
    /** Most worker threads a scan may ask for. */
    public static final int MAX_THREADS = 256;

    public SecretScanOptions {
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        Objects.requireNonNull(allowList, "allowList");
        rules = List.copyOf(rules);
        if (maxFileSize <= 0) {
            throw new IllegalArgumentException("maxFileSize must be positive");
        }
        if (windowChars < 1024) {
            throw new IllegalArgumentException("windowChars must be at least 1024");
        }
        if (threads < 0 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads must be between 0 (one per processor) and " + MAX_THREADS);
        }
    }

    public static SecretScanOptions defaults() {
        return new SecretScanOptions(List.of("**"), DEFAULT_EXCLUDES, SecretAllowList.none(), DEFAULT_MAX_FILE_SIZE,
                DEFAULT_WINDOW_CHARS, SecretRules.defaults(), 0, false, true);
    }

    /** The number of worker threads this scan uses. */
    public int effectiveThreads() {
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }

    public SecretScanOptions withIncludes(List<String> globs) {
        return new SecretScanOptions(globs, excludes, allowList, maxFileSize, windowChars, rules, threads, gitignore,
                skipDependencyFolders);
    }

    /** Replaces the excludes (including the default {@code .git} ones). */
    public SecretScanOptions withExcludes(List<String> globs) {
        return new SecretScanOptions(includes, globs, allowList, maxFileSize, windowChars, rules, threads, gitignore,
                skipDependencyFolders);
    }

    /** Adds excludes to the current ones. */
    public SecretScanOptions plusExcludes(List<String> globs) {
        return withExcludes(Stream.concat(excludes.stream(), globs.stream()).toList());
    }

    public SecretScanOptions withAllowList(SecretAllowList value) {
        return new SecretScanOptions(includes, excludes, value, maxFileSize, windowChars, rules, threads, gitignore,
                skipDependencyFolders);
    }

    public SecretScanOptions withMaxFileSize(long bytes) {
        return new SecretScanOptions(includes, excludes, allowList, bytes, windowChars, rules, threads, gitignore,
                skipDependencyFolders);
    }

    public SecretScanOptions withWindowChars(int chars) {
        return new SecretScanOptions(includes, excludes, allowList, maxFileSize, chars, rules, threads, gitignore,
                skipDependencyFolders);
    }

    public SecretScanOptions withRules(List<SecretRule> value) {
        return new SecretScanOptions(includes, excludes, allowList, maxFileSize, windowChars, value, threads,
                gitignore, skipDependencyFolders);
    }

    /** Worker threads; 0: one per available processor. */
    public SecretScanOptions withThreads(int count) {
        return new SecretScanOptions(includes, excludes, allowList, maxFileSize, windowChars, rules, count, gitignore,
                skipDependencyFolders);
    }

    /** Leave out what {@code .gitignore} files ignore (local folders only). */
    public SecretScanOptions withGitignore(boolean value) {
        return new SecretScanOptions(includes, excludes, allowList, maxFileSize, windowChars, rules, threads, value,
                skipDependencyFolders);
    }

    /** Skip (and report) dependency and build folders; {@code false} scans them too. */
    public SecretScanOptions withSkipDependencyFolders(boolean value) {
        return new SecretScanOptions(includes, excludes, allowList, maxFileSize, windowChars, rules, threads,
                gitignore, value);
    }
}
