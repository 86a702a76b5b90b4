package io.jenkins.plugins.securedeploy.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.cli.SecureDeployCli;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SbomCommandTest {
    private static final String FIXTURES = "/io/jenkins/plugins/securedeploy/engine/sbom/";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return SecureDeployCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private Path fixture(String name) throws IOException {
        Path target = dir.resolve(name.substring(name.lastIndexOf('/') + 1));
        try (InputStream in = SbomCommandTest.class.getResourceAsStream(FIXTURES + name)) {
            Files.copy(in, target);
        }
        return target;
    }

    @Test
    void shouldGenerateAnSbomThatValidates() throws IOException {
        Path lock = fixture("lockfiles/package-lock.json");
        Path artifact = Files.writeString(dir.resolve("app.txt"), "app 1.0.0\n");
        Path bom = dir.resolve("bom.json");
        int code = run("sbom", "generate", "--artifact", artifact.toString(), "--out", bom.toString(),
                "--name", "sample-app", lock.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("CycloneDX 1.6, 75 components, sha256:");
        assertThat(Files.readString(bom)).contains("\"specVersion\" : \"1.6\"").contains("pkg:npm/lodash@4.17.21");

        assertThat(run("sbom", "validate", bom.toString())).isZero();
        assertThat(out.toString()).contains("PASSED  " + bom + " (CycloneDX JSON 1.6, 75 components)");
    }

    @Test
    void shouldWriteToStdoutWithoutOut() throws IOException {
        assertThat(run("sbom", "generate", "--spec", "1.5", fixture("lockfiles/go.sum").toString())).isZero();
        assertThat(out.toString()).contains("\"specVersion\" : \"1.5\"").contains("pkg:golang/github.com/google/uuid");
    }

    @Test
    void shouldListEveryProblemAndExitOneForAnInvalidSbom() throws IOException {
        Path bad = fixture("invalid/invalid-several-problems.json");
        Path good = fixture("valid/cyclonedx-1.6.json");
        assertThat(run("sbom", "validate", good.toString(), bad.toString())).isEqualTo(1);
        assertThat(out.toString())
                .contains("PASSED  " + good)
                .contains("FAILED  " + bad)
                .contains(bad + ":26 at /components/0/purl: invalid package URL")
                .contains("at /components/1/bom-ref: bom-ref is already used at /components/0/bom-ref")
                .contains("[schema.required]")
                .contains("[cyclonedx.dependency-ref]");
    }

    @Test
    void shouldReportValidationAsJson() throws IOException {
        Path bad = fixture("invalid/invalid-bad-purl.json");
        assertThat(run("sbom", "validate", "--json", bad.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("\"valid\" : false").contains("\"pointer\" : \"/components/0/purl\"")
                .contains("\"line\" : 26");
    }

    @Test
    void shouldExitThreeForAMissingFileOrUnreadableLockfile() throws IOException {
        assertThat(run("sbom", "validate", dir.resolve("nope.json").toString())).isEqualTo(3);
        assertThat(err.toString()).contains("nope.json: file does not exist");
        Path req = Files.writeString(dir.resolve("requirements.txt"), "flask>=2\n");
        assertThat(run("sbom", "generate", req.toString())).isEqualTo(3);
        assertThat(err.toString()).contains("requirements.txt:1: requirement is not pinned");
    }

    @Test
    void shouldRejectUnsupportedSpecAsUsageError() throws IOException {
        assertThat(run("sbom", "generate", "--spec", "1.4", fixture("lockfiles/go.sum").toString())).isEqualTo(2);
    }

    @Test
    void shouldDiffTwoSboms() throws IOException {
        Path oldLock = fixture("lockfiles/package-lock.json");
        Path newDir = Files.createDirectory(dir.resolve("new"));
        Path newLock = newDir.resolve("package-lock.json");
        Files.writeString(newLock, Files.readString(oldLock)
                .replace("\"node_modules/lodash\": {\n      \"version\": \"4.17.21\"",
                        "\"node_modules/lodash\": {\n      \"version\": \"4.17.20\"")
                .replace("\"node_modules/is-number\"", "\"node_modules/left-pad\""));
        Path oldBom = dir.resolve("old.json");
        Path newBom = dir.resolve("new.json");
        assertThat(run("sbom", "generate", "--out", oldBom.toString(), oldLock.toString())).isZero();
        assertThat(run("sbom", "generate", "--out", newBom.toString(), newLock.toString())).isZero();
        out.getBuffer().setLength(0);
        assertThat(run("sbom", "diff", oldBom.toString(), newBom.toString())).isZero();
        assertThat(out.toString()).contains("+ npm:left-pad@7.0.0").contains("- npm:is-number@7.0.0")
                .contains("~ npm:lodash 4.17.21 -> 4.17.20").contains("1 added, 1 removed, 1 changed");
    }

    @Test
    void shouldRefuseToDiffAnInvalidSbom() throws IOException {
        assertThat(run("sbom", "diff", fixture("valid/cyclonedx-1.6.json").toString(),
                fixture("invalid/invalid-bad-purl.json").toString())).isEqualTo(3);
        assertThat(err.toString()).contains("invalid package URL");
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
