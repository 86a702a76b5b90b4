package io.jenkins.plugins.securedeploy.engine.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real third-party signature and attestation data in {@code ../shared/interop} (see its SOURCES.md), read in place
 * and never copied into the repository. Found through the system property {@code secure-deploy.interop} or the
 * environment variable {@code SECURE_DEPLOY_INTEROP}, else as {@code shared/interop} beside the checkout or any folder
 * above it. Missing data fails the test that asks for it: CI has it, and a silent skip would prove nothing.
 */
public final class InteropData {
    private InteropData() {}

    public static Path dir() {
        String configured = System.getProperty("secure-deploy.interop", System.getenv("SECURE_DEPLOY_INTEROP"));
        if (configured != null && !configured.isBlank()) {
            return require(Path.of(configured));
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("interop");
            if (Files.isRegularFile(candidate.resolve("SOURCES.md"))) {
                return candidate;
            }
        }
        throw new AssertionError("interop data not found: expected shared/interop/SOURCES.md beside the checkout"
                + " (or set -Dsecure-deploy.interop=DIR)");
    }

    /** A file under the interop folder, e.g. {@code dsse/spec-hello-world.pae.txt}; it must exist. */
    public static Path file(String relative) {
        Path f = dir().resolve(relative);
        if (!Files.isRegularFile(f)) {
            throw new AssertionError("interop file missing: " + f);
        }
        return f;
    }

    private static Path require(Path dir) {
        if (!Files.isRegularFile(dir.resolve("SOURCES.md"))) {
            throw new AssertionError("no SOURCES.md in the configured interop folder " + dir);
        }
        return dir;
    }
}
