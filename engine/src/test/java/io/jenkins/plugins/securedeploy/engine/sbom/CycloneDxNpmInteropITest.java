package io.jenkins.plugins.securedeploy.engine.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jenkins.plugins.securedeploy.engine.core.ArtifactRef;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interop with the CycloneDX project's own npm toolchain, on the real lockfile of samples/app
 * ({@code npm install --package-lock-only}): {@code @cyclonedx/cyclonedx-npm} must find the same components
 * (name@version) as our generator, our output must pass {@code @cyclonedx/cyclonedx-library}'s strict JSON schema
 * validator (ajv, independent of cyclonedx-core-java), and we must ingest their output. The tools come from
 * {@code .ci/install-peers} (or {@code $SECURE_DEPLOY_NPM_TOOLS}); the test installs them under target/ if
 * npm is there, and is skipped where node/npm are not.
 */
class CycloneDxNpmInteropITest {
    private static final Path SAMPLE = Path.of("..", "samples", "app");
    private static Path tools;

    @TempDir
    Path dir;

    @BeforeAll
    static void findTools() throws Exception {
        assumeTrue(run(Path.of("."), "node", "--version") == 0, "node is not installed");
        List<Path> candidates = new ArrayList<>();
        String env = System.getenv("SECURE_DEPLOY_NPM_TOOLS");
        if (env != null) {
            candidates.add(Path.of(env));
        }
        candidates.add(Path.of(System.getProperty("user.home"), ".cache", "secure-deploy", "cyclonedx-npm"));
        candidates.add(Path.of("target", "cyclonedx-npm"));
        for (Path c : candidates) {
            if (Files.isExecutable(c.resolve("node_modules/.bin/cyclonedx-npm"))) {
                tools = c;
                return;
            }
        }
        Path local = Path.of("target", "cyclonedx-npm");
        Files.createDirectories(local);
        int code = run(local, "npm", "install", "--no-save", "--no-audit", "--no-fund", "--ignore-scripts",
                "--prefix", local.toAbsolutePath().toString(), "@cyclonedx/cyclonedx-npm@6.0.1",
                "@cyclonedx/cyclonedx-library@10.3.0");
        assumeTrue(code == 0, "could not install @cyclonedx/cyclonedx-npm");
        tools = local;
    }

    private static int run(Path cwd, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
        if (tools != null) {
            pb.environment().put("NODE_PATH", tools.resolve("node_modules").toAbsolutePath().toString());
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return -1;
        }
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return -2;
        }
        return p.exitValue();
    }

    private GeneratedSbom ours() {
        byte[] artifact = "sample application artifact 1.0.0\n".getBytes(StandardCharsets.UTF_8);
        return SbomFixtures.generator().generate(
                List.of(SbomFixtures.generator().read(SbomSource.ofPath(SAMPLE.resolve("package-lock.json")))),
                List.of(new ArtifactRef("dist/app-1.0.0.txt", Hashing.bytes(artifact), artifact.length)),
                SbomOptions.defaults().withProject("secure-deploy-sample-app", "1.0.0"));
    }

    private Path theirs() throws Exception {
        Files.copy(SAMPLE.resolve("package.json"), dir.resolve("package.json"));
        Files.copy(SAMPLE.resolve("package-lock.json"), dir.resolve("package-lock.json"));
        Path out = dir.resolve("theirs.json");
        int code = run(dir, tools.resolve("node_modules/.bin/cyclonedx-npm").toAbsolutePath().toString(),
                "--package-lock-only", "--spec-version", "1.6", "--output-format", "JSON",
                "--output-file", out.toString(), "package.json");
        assertThat(code).as("cyclonedx-npm exit code").isZero();
        return out;
    }

    @Test
    void shouldFindTheSameComponentsAsCycloneDxNpm() throws Exception {
        SbomSummary theirs = new SbomIngest().ingest(SbomSource.ofPath(theirs()));
        Set<String> ourSet = coordinates(ours().summary().components());
        Set<String> theirSet = coordinates(theirs.components());
        assertThat(ourSet).hasSize(74).isEqualTo(theirSet);
    }

    @Test
    void shouldPassTheIndependentCycloneDxLibraryValidatorAndCycloneDxCoreJava() throws Exception {
        Path bom = dir.resolve("ours.json");
        Files.write(bom, ours().json());
        assertThat(new JsonParser().validate(bom.toFile(), Version.VERSION_16)).isEmpty();
        Path script = dir.resolve("cyclonedx-validate.cjs");
        try (InputStream in = getClass().getResourceAsStream("interop/cyclonedx-validate.cjs")) {
            Files.copy(in, script);
        }
        assertThat(run(dir, "node", script.toString(), "1.6", bom.toString())).as("cyclonedx-library validation")
                .isZero();
        Path broken = dir.resolve("broken.json");
        Files.write(broken, SbomFixtures.bytes("invalid/invalid-missing-required.json"));
        assertThat(run(dir, "node", script.toString(), "1.6", broken.toString())).as("validator bites").isEqualTo(1);
    }

    private static Set<String> coordinates(List<SbomComponent> components) {
        return components.stream().filter(c -> !"file".equals(c.ecosystem()))
                .map(SbomComponent::coordinates).collect(Collectors.toCollection(TreeSet::new));
    }
}
