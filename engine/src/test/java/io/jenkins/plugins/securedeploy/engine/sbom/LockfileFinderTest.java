package io.jenkins.plugins.securedeploy.engine.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockfileFinderTest {
    @TempDir
    Path dir;

    private void touch(String path) throws Exception {
        Path f = dir.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, "x", StandardCharsets.UTF_8);
    }

    @Test
    void shouldFindTheLockfilesOfAProjectButNotThoseOfVendoredOrBuiltCode() throws Exception {
        for (String f : new String[] {"package-lock.json", "web/npm-shrinkwrap.json", "api/poetry.lock",
            "api/requirements.txt", "api/requirements-dev.txt", "svc/go.sum", "svc/go.mod", "README.md",
            "node_modules/left-pad/package-lock.json", "web/node_modules/x/package-lock.json", "vendor/go.sum",
            "target/classes/requirements.txt", "build/poetry.lock", "dist/package-lock.json", ".git/go.sum",
            ".venv/lib/requirements.txt", "api/venv/requirements.txt", "api/__pycache__/requirements.txt",
            "third_party/a/go.sum", "out/package-lock.json", "Requirements-Test.TXT"}) {
            touch(f);
        }

        assertThat(new LockfileFinder().find(dir)).containsExactly("Requirements-Test.TXT", "api/poetry.lock",
                "api/requirements-dev.txt", "api/requirements.txt", "package-lock.json", "svc/go.sum",
                "web/npm-shrinkwrap.json");
    }

    @Test
    void shouldNotFollowSymbolicLinksOutOfTheProject(@TempDir Path elsewhere) throws Exception {
        Files.writeString(elsewhere.resolve("package-lock.json"), "{}", StandardCharsets.UTF_8);
        Files.createSymbolicLink(dir.resolve("linked"), elsewhere);
        Files.createSymbolicLink(dir.resolve("go.sum"), elsewhere.resolve("package-lock.json"));

        assertThat(new LockfileFinder().find(dir)).isEmpty();
    }

    @Test
    void shouldKnowTheNamesTheGeneratorReads() {
        assertThat(LockfileFinder.isLockfile("requirements.txt")).isTrue();
        assertThat(LockfileFinder.isLockfile("requirements.in")).isFalse();
        assertThat(LockfileFinder.isLockfile("package.json")).isFalse();
        assertThat(LockfileFinder.isLockfile("yarn.lock")).isFalse();
    }
}
