package io.jenkins.plugins.securedeploy.engine.sbom;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Picks the reader for a lockfile by its name ({@code package-lock.json}, {@code npm-shrinkwrap.json},
 * {@code poetry.lock}, {@code go.sum}, {@code requirements*.txt}) or, for Maven's files which have no fixed name,
 * by its first bytes ({@code {"groupId"...}} tree JSON, or {@code group:artifact:version} lines).
 */
public final class LockfileReaders {
    private LockfileReaders() {}

    static LockfileReader forFile(String fileName, byte[] head) {
        String base = fileName.substring(fileName.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (base.equals("package-lock.json") || base.equals("npm-shrinkwrap.json")) {
            return new NpmLockReader();
        }
        if (base.equals("poetry.lock")) {
            return new PoetryLockParser();
        }
        if (base.equals("go.sum")) {
            return new GoSumReader();
        }
        if (base.startsWith("requirements") && base.endsWith(".txt")) {
            return new RequirementsReader();
        }
        String start = new String(head, StandardCharsets.UTF_8).stripLeading();
        String firstEntry = start.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.startsWith("The following"))
                .findFirst().orElse("");
        if (start.startsWith("{") && start.contains("\"groupId\"")
                || firstEntry.matches("[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+:[^\\s]+.*")) {
            return new MavenTreeReader();
        }
        throw new InvalidInputException(Problem.of("sbom.lockfile-unknown", "not a lockfile the generator "
                + "understands: package-lock.json, npm-shrinkwrap.json, poetry.lock, go.sum, requirements*.txt, "
                + "Maven dependency:tree JSON or a groupId:artifactId:version list", Location.ofFile(fileName)));
    }
}
