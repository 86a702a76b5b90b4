package io.jenkins.plugins.securedeploy.engine.policy.rules;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds {@code samples/<name>} from the module directory the tests run in. */
final class Samples {
    private Samples() {}

    static Path dir(String name) {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path candidate = d.resolve("samples").resolve(name);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("samples/" + name + " not found above " + dir);
    }
}
