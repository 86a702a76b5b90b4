package io.jenkins.plugins.securedeploy.engine.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.testing.InMemoryWorkspace;
import java.util.List;
import org.junit.jupiter.api.Test;

class LockfileReadersTest {
    private final SbomGenerator generator = SbomFixtures.generator();

    private LockfileContents read(String name) {
        return generator.read(SbomFixtures.workspace(name), name);
    }

    private static SbomComponent find(LockfileContents c, String coordinates) {
        return c.components().stream().filter(x -> x.coordinates().equals(coordinates)).findFirst().orElseThrow(
                () -> new AssertionError(coordinates + " not in " + c.components()));
    }

    @Test
    void shouldReadNpmLockfileWithHashesLicensesDevScopeAndGraph() {
        LockfileContents npm = read("package-lock.json");
        assertThat(npm.components()).hasSize(74);
        SbomComponent lodash = find(npm, "lodash@4.17.21");
        assertThat(lodash.purl()).isEqualTo("pkg:npm/lodash@4.17.21");
        assertThat(lodash.licenses()).containsExactly("MIT");
        assertThat(lodash.hashes()).containsKey("SHA-512");
        assertThat(lodash.hashes().get("SHA-512")).hasSize(128);
        assertThat(lodash.scope()).isEqualTo("required");
        assertThat(find(npm, "is-number@7.0.0").scope()).isEqualTo("excluded");
        assertThat(npm.dependencies()).filteredOn(d -> d.ref().equals(LockfileContents.PROJECT))
                .singleElement().satisfies(d -> assertThat(d.dependsOn()).containsExactly(
                        "pkg:npm/express@4.21.2", "pkg:npm/is-number@7.0.0", "pkg:npm/lodash@4.17.21"));
        assertThat(npm.dependencies()).filteredOn(d -> d.ref().equals("pkg:npm/express@4.21.2"))
                .singleElement().satisfies(d -> assertThat(d.dependsOn()).contains("pkg:npm/body-parser@1.20.3"));
    }

    @Test
    void shouldResolveNestedNpmPackagesTheWayNodeDoes() {
        InMemoryWorkspace ws = new InMemoryWorkspace().with("package-lock.json", """
                {"lockfileVersion": 3, "packages": {
                  "": {"dependencies": {"a": "1", "@s/b": "1"}},
                  "node_modules/a": {"version": "1.0.0", "dependencies": {"c": "2"}},
                  "node_modules/a/node_modules/c": {"version": "2.0.0"},
                  "node_modules/@s/b": {"version": "1.0.0", "dependencies": {"c": "1"}},
                  "node_modules/c": {"version": "1.0.0"}}}
                """);
        LockfileContents c = generator.read(ws, "package-lock.json");
        assertThat(c.components()).extracting(SbomComponent::coordinates)
                .containsExactlyInAnyOrder("a@1.0.0", "c@2.0.0", "@s/b@1.0.0", "c@1.0.0");
        assertThat(find(c, "@s/b@1.0.0").purl()).isEqualTo("pkg:npm/%40s/b@1.0.0");
        assertThat(c.dependencies()).contains(new SbomDependency("pkg:npm/a@1.0.0", List.of("pkg:npm/c@2.0.0")),
                new SbomDependency("pkg:npm/%40s/b@1.0.0", List.of("pkg:npm/c@1.0.0")));
    }

    @Test
    void shouldRejectLockfileVersion1() {
        InMemoryWorkspace ws = new InMemoryWorkspace().with("package-lock.json",
                "{\"lockfileVersion\": 1, \"dependencies\": {}}");
        assertThatThrownBy(() -> generator.read(ws, "package-lock.json"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("/lockfileVersion");
    }

    @Test
    void shouldReadMavenTreeWithGraphAndTestScope() {
        LockfileContents maven = read("maven-tree.json");
        assertThat(maven.components()).extracting(SbomComponent::purl).containsExactlyInAnyOrder(
                "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.15.3",
                "pkg:maven/com.fasterxml.jackson.core/jackson-core@2.15.3",
                "pkg:maven/org.junit.jupiter/junit-jupiter-api@5.13.4");
        assertThat(find(maven, "org.junit.jupiter:junit-jupiter-api@5.13.4").scope()).isEqualTo("excluded");
        assertThat(maven.dependencies()).contains(new SbomDependency(
                "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.15.3",
                List.of("pkg:maven/com.fasterxml.jackson.core/jackson-core@2.15.3")));
    }

    @Test
    void shouldReadMavenListInBothForms() {
        LockfileContents maven = read("maven-list.txt");
        assertThat(maven.components()).extracting(SbomComponent::coordinates).containsExactlyInAnyOrder(
                "org.yaml:snakeyaml@2.2", "org.bouncycastle:bcprov-jdk18on@1.77",
                "com.google.guava:guava@32.1.2-jre");
    }

    @Test
    void shouldReadPinnedRequirementsKeepingOnlyUnambiguousHashes() {
        LockfileContents py = read("requirements.txt");
        assertThat(py.components()).extracting(SbomComponent::purl).containsExactlyInAnyOrder(
                "pkg:pypi/requests@2.31.0", "pkg:pypi/flask-login@0.6.3", "pkg:pypi/urllib3@2.0.7");
        assertThat(find(py, "requests@2.31.0").hashes()).containsEntry("SHA-256",
                "58cd2187c01e70e6e26505bca751777aa9f2ee0b7f4300988b709f44e013003f");
        assertThat(find(py, "urllib3@2.0.7").hashes()).isEmpty();
    }

    @Test
    void shouldReportEveryUnpinnedRequirementWithItsLine() {
        InMemoryWorkspace ws = new InMemoryWorkspace().with("requirements.txt", "a==1\nb>=2\n\nc\n");
        assertThatThrownBy(() -> generator.read(ws, "requirements.txt"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.location().line()).containsExactly(2, 4));
    }

    @Test
    void shouldReadPoetryLockWithDevCategoryAndGraph() {
        LockfileContents py = read("poetry.lock");
        assertThat(find(py, "pytest@7.4.0").scope()).isEqualTo("excluded");
        assertThat(find(py, "pytest@7.4.0").hashes()).isEmpty();
        assertThat(find(py, "certifi@2023.7.22").hashes()).containsKey("SHA-256");
        assertThat(py.dependencies()).contains(new SbomDependency("pkg:pypi/pytest@7.4.0",
                List.of("pkg:pypi/certifi@2023.7.22")));
    }

    @Test
    void shouldReadGoSumSkippingModulesOnlyNeededForTheirGoMod() {
        LockfileContents go = read("go.sum");
        assertThat(go.components()).extracting(SbomComponent::purl).containsExactlyInAnyOrder(
                "pkg:golang/github.com/google/uuid@v1.6.0", "pkg:golang/gopkg.in/yaml.v3@v3.0.1");
    }

    @Test
    void shouldRefuseFilesItDoesNotUnderstand() {
        InMemoryWorkspace ws = new InMemoryWorkspace().with("Gemfile.lock", "GEM\n  remote: x\n");
        assertThatThrownBy(() -> generator.read(ws, "Gemfile.lock"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::code).containsExactly("sbom.lockfile-unknown"));
    }
}
