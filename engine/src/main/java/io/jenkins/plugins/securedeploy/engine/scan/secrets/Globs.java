package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Workspace-relative path globs ({@code java.nio} glob syntax). A glob starting with {@code **}{@code /} also matches
 * at the top level, so {@code **}{@code /*.pem} matches {@code key.pem} as well as {@code a/b/key.pem}.
 *
 * <p>The common shapes — {@code **}, {@code LIT}, {@code LIT/**}, {@code **}{@code /LIT}, {@code **}{@code /LIT/**}
 * with a literal {@code LIT} — are decided by string comparison ({@link LiteralGlob}), exactly as the JDK's matcher
 * decides them, for paths it would not rewrite; every other glob and path goes through the JDK's matcher. A scan asks
 * three globs per file: a regular expression each cost ~160 ms of CPU on a 22,000-file tree.
 */
final class Globs {
    private final List<PathMatcher> matchers;
    private final List<LiteralGlob> literals;
    private final List<String> globs;

    private Globs(List<PathMatcher> matchers, List<LiteralGlob> literals, List<String> globs) {
        this.matchers = matchers;
        this.literals = literals;
        this.globs = globs;
    }

    static Globs compile(String field, List<String> globs) {
        List<PathMatcher> out = new ArrayList<>();
        List<LiteralGlob> literals = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < globs.size(); i++) {
            String glob = globs.get(i);
            try {
                add(glob, out, literals);
                if (glob.startsWith("**/")) {
                    add(glob.substring(3), out, literals);
                }
            } catch (IllegalArgumentException e) {
                problems.add(Problem.of("secrets.invalid-glob", "invalid glob '" + glob + "'",
                        Location.ofPointer("secret scan options", "/" + field + "/" + i, 0, 0)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Globs(List.copyOf(out), List.copyOf(literals), List.copyOf(globs));
    }

    private static void add(String glob, List<PathMatcher> matchers, List<LiteralGlob> literals) {
        LiteralGlob literal = LiteralGlob.of(glob);
        if (literal != null) {
            literals.add(literal);
        } else {
            matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
        }
    }

    /**
     * The folders under which these globs match every path: for each glob {@code P/**}, the glob {@code P} (a folder
     * matching {@code P} has all its paths matched by {@code P/**}). A walk need not enter such a folder to exclude
     * its files.
     */
    Globs folderPrefixes() {
        return compile("folderPrefixes", globs.stream().filter(g -> g.length() > 3 && g.endsWith("/**"))
                .map(g -> g.substring(0, g.length() - 3)).toList());
    }

    boolean matches(String relativePath) {
        if (matchers.isEmpty() && literals.isEmpty()) {
            return false;
        }
        return matches(relativePath, LiteralGlob.applies(relativePath));
    }

    /**
     * {@link #matches(String)} where the caller has already asked {@link LiteralGlob#applies} of the path (a walk asks
     * three sets of globs about every file: once is enough).
     */
    boolean matches(String relativePath, boolean literalApplies) {
        if (matchers.isEmpty() && literals.isEmpty()) {
            return false;
        }
        if (literalApplies) {
            for (LiteralGlob l : literals) {
                if (l.matches(relativePath)) {
                    return true;
                }
            }
            if (matchers.isEmpty()) {
                return false;
            }
        } else if (!literals.isEmpty()) {
            return slowly(relativePath);
        }
        Path p = Path.of(relativePath);
        for (PathMatcher m : matchers) {
            if (m.matches(p)) {
                return true;
            }
        }
        return false;
    }

    /** Every glob through the JDK's matcher (for a path the literal forms must not decide). */
    private boolean slowly(String relativePath) {
        Path p = Path.of(relativePath);
        for (LiteralGlob l : literals) {
            if (l.matcher().matches(p)) {
                return true;
            }
        }
        for (PathMatcher m : matchers) {
            if (m.matches(p)) {
                return true;
            }
        }
        return false;
    }
}
