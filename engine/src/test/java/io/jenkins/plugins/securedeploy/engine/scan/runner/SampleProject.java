package io.jenkins.plugins.securedeploy.engine.scan.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds {@code samples/app} from the module directory the tests run in, and checks a peer tool is installed. */
final class SampleProject {
    private SampleProject() {}

    static Path app() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path candidate = d.resolve("samples").resolve("app");
            if (Files.isDirectory(candidate.resolve("src"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("samples/app not found above " + dir);
    }

    static void requireOnPath(String tool) {
        boolean found = false;
        for (String entry : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, tool))) {
                found = true;
            }
        }
        assertThat(found).as("%s must be installed for this test (.ci/run: apt-get install -y python3-bandit "
                + "shellcheck)", tool).isTrue();
    }
}
