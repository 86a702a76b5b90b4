package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The folders a secret scan skips by default: other people's code a package manager installed and output a build
 * tool wrote, recognised by name and, where the name alone is ambiguous ({@code build/}, {@code target/},
 * {@code vendor/}), by the build file beside it — a {@code build/} folder of scripts in a project without Gradle is
 * scanned. Each skipped folder is reported (problem {@value SecretScanner#SKIPPED_FOLDER}), never skipped silently.
 */
final class DependencyFolders {
    /** Folder name → build files of which one must be beside it (empty: the name is enough). */
    private static final Map<String, List<String>> FOLDERS = Map.of(
            "node_modules", List.of(),
            "bower_components", List.of(),
            ".gradle", List.of(),
            "__pycache__", List.of(),
            "target", List.of("pom.xml", "Cargo.toml", "build.sbt"),
            "build", List.of("build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts"),
            "vendor", List.of("go.mod", "composer.json", "Gemfile"),
            ".tox", List.of("tox.ini"));

    /** Virtual environments, by the file inside them. */
    static final Set<String> VIRTUALENV_NAMES = Set.of(".venv", "venv");
    static final String VIRTUALENV_MARKER = "pyvenv.cfg";

    private DependencyFolders() {}

    /**
     * Why folder {@code name}, whose parent holds {@code siblings}, is skipped — {@code "node_modules"},
     * {@code "target beside pom.xml"} — or null when it is scanned.
     */
    static String why(String name, Predicate<String> siblings) {
        List<String> markers = FOLDERS.get(name);
        if (markers == null) {
            return null;
        }
        if (markers.isEmpty()) {
            return name;
        }
        for (String m : markers) {
            if (siblings.test(m)) {
                return name + " beside " + m;
            }
        }
        return null;
    }
}
