package io.jenkins.plugins.securedeploy.engine.sbom;

import io.jenkins.plugins.securedeploy.engine.core.ArtifactRef;
import io.jenkins.plugins.securedeploy.engine.core.DigestAlgorithm;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.host.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Generates a CycloneDX 1.6 (or 1.5) JSON SBOM for a build: components from the lockfiles it understands (see
 * {@link LockfileReaders}), the build's own artifacts as {@code file} components with SHA-256/SHA-512 digests,
 * metadata (tool, timestamp from the injected clock, {@code urn:uuid} serial number, the project as metadata
 * component) and the dependency graph where a lockfile records one. Output is deterministic for the same inputs,
 * clock and serial: components and dependencies are sorted by bom-ref.
 */
public final class SbomGenerator {
    private final Clock clock;
    private final Supplier<UUID> serials;

    public SbomGenerator(Clock clock, Supplier<UUID> serials) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.serials = Objects.requireNonNull(serials, "serials");
    }

    /** Real time and random serial numbers. */
    public static SbomGenerator system() {
        return new SbomGenerator(Clock.systemUTC(), UUID::randomUUID);
    }

    /** Reads one lockfile from a workspace with the reader its name (or content) calls for. */
    public LockfileContents read(Workspace workspace, String relativePath) {
        return read(SbomSource.ofWorkspace(workspace, relativePath));
    }

    /** Reads one lockfile with the reader its name (or content) calls for. */
    public LockfileContents read(SbomSource source) {
        String name = source.name();
        try {
            byte[] head;
            try (InputStream in = source.open()) {
                head = in.readNBytes(4096);
            }
            LockfileReader reader = LockfileReaders.forFile(name, head);
            try (InputStream in = source.open()) {
                return reader.read(in, name);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InvalidInputException(Problem.of("file.missing", "file does not exist",
                    io.jenkins.plugins.securedeploy.engine.core.Location.ofFile(name)), e);
        } catch (IOException e) {
            throw new InvalidInputException(Problem.of("file.unreadable", "cannot read: "
                    + e.getClass().getSimpleName(), io.jenkins.plugins.securedeploy.engine.core.Location.ofFile(
                            name)), e);
        }
    }

    /** Reads the lockfiles from the workspace and generates. */
    public GeneratedSbom generate(Workspace workspace, List<String> lockfiles, List<ArtifactRef> artifacts,
            SbomOptions options) {
        List<LockfileContents> contents = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (String lockfile : lockfiles) {
            try {
                contents.add(read(workspace, lockfile));
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return generate(contents, artifacts, options);
    }

    /** Generates from already-read lockfile contents (merged by bom-ref; a runtime use beats a dev-only one). */
    public GeneratedSbom generate(List<LockfileContents> lockfiles, List<ArtifactRef> artifacts,
            SbomOptions options) {
        Map<String, SbomComponent> components = new TreeMap<>();
        Map<String, TreeSet<String>> graph = new TreeMap<>();
        List<String> sources = new ArrayList<>();
        for (LockfileContents lock : lockfiles) {
            sources.add(lock.source());
            for (SbomComponent c : lock.components()) {
                components.merge(c.bomRef(), c, (a, b) -> a.development() && !b.development() ? b : a);
            }
            for (SbomDependency d : lock.dependencies()) {
                graph.computeIfAbsent(d.ref(), k -> new TreeSet<>()).addAll(d.dependsOn());
            }
        }
        Map<String, ArtifactRef> files = new LinkedHashMap<>();
        artifacts.stream().sorted(java.util.Comparator.comparing(ArtifactRef::name))
                .forEach(a -> files.put(CycloneDxBomBuilder.artifactRef(a), a));
        String serial = "urn:uuid:" + serials.get();
        CycloneDxBomBuilder builder = new CycloneDxBomBuilder(options, serial, clock.instant());
        String json = builder.json(components.values(), files, graph, sources);
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        List<DescribedArtifact> described = new ArrayList<>();
        files.values().forEach(a -> described.add(new DescribedArtifact(a.name(), a.digests())));
        List<SbomComponent> all = new ArrayList<>();
        files.forEach((ref, a) -> all.add(artifactComponent(ref, a)));
        all.addAll(components.values());
        SbomSummary summary = new SbomSummary("", SbomFormat.CYCLONEDX_JSON, options.specVersion(), serial,
                Hashing.sha256(bytes), described, all);
        return new GeneratedSbom(bytes, summary);
    }

    private static SbomComponent artifactComponent(String ref, ArtifactRef a) {
        Map<String, String> hashes = new TreeMap<>();
        a.digests().get(DigestAlgorithm.SHA256).ifPresent(d -> hashes.put("SHA-256", d.hex()));
        a.digests().get(DigestAlgorithm.SHA512).ifPresent(d -> hashes.put("SHA-512", d.hex()));
        return new SbomComponent("file", "", a.name(), "", "", List.of(), hashes, "required", ref);
    }
}
