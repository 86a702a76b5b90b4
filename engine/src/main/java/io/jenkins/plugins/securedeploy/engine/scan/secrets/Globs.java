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
 */
final class Globs {
    private final List<PathMatcher> matchers;
    private final List<String> globs;

    private Globs(List<PathMatcher> matchers, List<String> globs) {
        this.matchers = matchers;
        this.globs = globs;
    }

    static Globs compile(String field, List<String> globs) {
        List<PathMatcher> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < globs.size(); i++) {
            String glob = globs.get(i);
            try {
                out.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
                if (glob.startsWith("**/")) {
                    out.add(FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3)));
                }
            } catch (IllegalArgumentException e) {
                problems.add(Problem.of("secrets.invalid-glob", "invalid glob '" + glob + "'",
                        Location.ofPointer("secret scan options", "/" + field + "/" + i, 0, 0)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Globs(List.copyOf(out), List.copyOf(globs));
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
        if (matchers.isEmpty()) {
            return false;
        }
        Path p = Path.of(relativePath);
        for (PathMatcher m : matchers) {
            if (m.matches(p)) {
                return true;
            }
        }
        return false;
    }
}
