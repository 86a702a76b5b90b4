package io.jenkins.plugins.securedeploy.engine.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.ArtifactRef;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.testing.InMemoryWorkspace;
import io.jenkins.plugins.securedeploy.engine.testing.TestClocks;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.cyclonedx.Version;
import org.cyclonedx.model.Bom;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;

class SbomGeneratorTest {
    private static final List<String> ALL = List.of("package-lock.json", "maven-tree.json", "maven-list.txt",
            "requirements.txt", "poetry.lock", "go.sum");
    private final byte[] artifactContent = "sample application artifact 1.0.0\n".getBytes(StandardCharsets.UTF_8);
    private final ArtifactRef artifact = new ArtifactRef("dist/app-1.0.0.txt", Hashing.bytes(artifactContent),
            artifactContent.length);

    private GeneratedSbom generate(SbomOptions options) {
        return SbomFixtures.generator().generate(SbomFixtures.workspace(ALL.toArray(String[]::new)), ALL,
                List.of(artifact), options.withProject("sample-app", "1.0.0"));
    }

    @Test
    void shouldProduceCycloneDx16ThatCycloneDxCoreJavaValidates() throws Exception {
        GeneratedSbom sbom = generate(SbomOptions.defaults());
        assertThat(new JsonParser().validate(sbom.json(), Version.VERSION_16)).isEmpty();
        Bom bom = new JsonParser().parse(sbom.json());
        assertThat(bom.getSpecVersion()).isEqualTo("1.6");
        assertThat(bom.getSerialNumber()).isEqualTo("urn:uuid:" + SbomFixtures.SERIAL);
        assertThat(bom.getMetadata().getTimestamp().toInstant()).isEqualTo(TestClocks.NOW);
        assertThat(bom.getMetadata().getToolChoice().getComponents().get(0).getName()).isEqualTo("secure-deploy");
        assertThat(bom.getMetadata().getComponent().getName()).isEqualTo("sample-app");
        assertThat(bom.getComponents()).hasSize(1 + 74 + 3 + 3 + 3 + 2 + 2);
        assertThat(bom.getDependencies()).isNotEmpty();
    }

    @Test
    void shouldPassOurOwnValidatorAndSummariseTheArtifact() {
        GeneratedSbom sbom = generate(SbomOptions.defaults());
        ValidationReport report = new SbomValidator().validate(SbomSource.ofBytes("bom.json", sbom.json()));
        assertThat(report.problems()).isEmpty();
        SbomSummary summary = report.summary().orElseThrow();
        assertThat(summary.componentCount()).isEqualTo(sbom.summary().componentCount());
        assertThat(summary.sha256()).isEqualTo(Hashing.sha256(sbom.json()));
        assertThat(summary.artifacts()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("dist/app-1.0.0.txt");
            assertThat(a.digests().matches(artifact.digests())).isTrue();
        });
        assertThat(summary.components()).anySatisfy(c -> {
            assertThat(c.purl()).isEqualTo("pkg:npm/lodash@4.17.21");
            assertThat(c.licenses()).containsExactly("MIT");
        });
    }

    @Test
    void shouldGenerate15OnRequest() throws Exception {
        GeneratedSbom sbom = generate(SbomOptions.defaults().withSpecVersion("1.5"));
        assertThat(new JsonParser().validate(sbom.json(), Version.VERSION_15)).isEmpty();
        assertThat(new String(sbom.json(), StandardCharsets.UTF_8)).contains("\"specVersion\" : \"1.5\"");
    }

    @Test
    void shouldBeDeterministicForTheSameInputsClockAndSerial() {
        assertThat(generate(SbomOptions.defaults()).json()).isEqualTo(generate(SbomOptions.defaults()).json());
        GeneratedSbom other = new SbomGenerator(TestClocks.fixed(), () -> new UUID(0, 1))
                .generate(SbomFixtures.workspace(ALL.toArray(String[]::new)), ALL, List.of(artifact),
                        SbomOptions.defaults().withProject("sample-app", "1.0.0"));
        assertThat(other.json()).isNotEqualTo(generate(SbomOptions.defaults()).json());
    }

    @Test
    void shouldWriteDevDependenciesAsExcludedAndLicensesAsSpdxIds() {
        String json = new String(generate(SbomOptions.defaults()).json(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"scope\" : \"excluded\"").contains("\"id\" : \"MIT\"");
    }

    @Test
    void shouldReportProblemsOfEveryLockfileAtOnce() {
        InMemoryWorkspace ws = new InMemoryWorkspace().with("requirements.txt", "a>=1\n")
                .with("go.sum", "nonsense\n");
        assertThatThrownBy(() -> SbomFixtures.generator().generate(ws, List.of("requirements.txt", "go.sum"),
                List.of(), SbomOptions.defaults())).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).extracting(p -> p.location().file())
                                .containsExactly("requirements.txt", "go.sum"));
    }

    @Test
    void shouldRefuseUnsupportedSpecVersions() {
        assertThatThrownBy(() -> SbomOptions.defaults().withSpecVersion("1.4"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
