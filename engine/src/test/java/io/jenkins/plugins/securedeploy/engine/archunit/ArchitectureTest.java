package io.jenkins.plugins.securedeploy.engine.archunit;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine's package graph and rules, checked on the compiled main classes. */
class ArchitectureTest {
    static JavaClasses engine;

    @BeforeAll
    static void importEngine() {
        engine = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.jenkins.plugins.securedeploy.engine");
    }

    @Test
    void shouldFollowThePackageDiagram() {
        EngineRules.packageGraph().check(engine);
    }

    @Test
    void shouldNotDependOnJenkins() {
        EngineRules.NO_JENKINS.check(engine);
    }

    @Test
    void shouldNotUseStandardStreams() {
        EngineRules.NO_STANDARD_STREAMS.check(engine);
        EngineRules.NO_PRINT_STACK_TRACE.check(engine);
    }

    @Test
    void shouldConfineVendorLibraries() {
        EngineRules.JACKSON_CONFINED.check(engine);
        EngineRules.confined("org.bouncycastle..", "..engine.sign..").allowEmptyShould(true).check(engine);
        EngineRules.confined("com.nimbusds..", "..engine.credentials..", "..engine.sign.keys..")
                .allowEmptyShould(true).check(engine);
        EngineRules.confined("org.cyclonedx..", "..engine.sbom..").allowEmptyShould(true).check(engine);
        EngineRules.confined("dev.sigstore..", "..engine.sign.sigstore..").allowEmptyShould(true).check(engine);
        EngineRules.confined("picocli..", "..nothing..").allowEmptyShould(true).check(engine);
        EngineRules.SIGSTORE_LIBRARIES_CONFINED.check(engine);
        EngineRules.confined("software.amazon.awssdk..", "..engine.credentials.aws..").check(engine);
        EngineRules.CEL_CONFINED.check(engine);
    }

    @Test
    void shouldRevealSecretsOnlyWhereNeeded() {
        EngineRules.REVEAL_ONLY_WHERE_NEEDED.check(engine);
    }

    @Test
    void shouldGiveEveryExceptionContext() {
        EngineRules.NO_CONTEXT_FREE_EXCEPTIONS.check(engine);
    }

    @Test
    void shouldCreateMessageDigestsOnlyInCore() {
        EngineRules.MESSAGE_DIGEST_ONLY_IN_CORE.check(engine);
    }

    @Test
    void shouldKeepCredentialProvidersIndependent() {
        EngineRules.CREDENTIAL_PROVIDERS_INDEPENDENT.check(engine);
    }

    @Test
    void shouldBeFreeOfPackageCycles() {
        EngineRules.PACKAGES_FREE_OF_CYCLES.check(engine);
    }

    @Test
    void shouldKeepScannerToolsIndependent() {
        EngineRules.SCAN_TOOLS_INDEPENDENT.check(engine);
    }

    /** A package missing from design.puml would be outside every rule of the diagram: each must be in a component. */
    @Test
    void shouldNameEveryEnginePackageInTheDiagram() throws java.io.IOException {
        String diagram;
        try (java.io.InputStream in = ArchitectureTest.class.getResourceAsStream("/design.puml")) {
            diagram = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        java.util.List<com.tngtech.archunit.core.domain.PackageMatcher> components = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<<([^>]+)>>").matcher(diagram);
        while (m.find()) {
            components.add(com.tngtech.archunit.core.domain.PackageMatcher.of(m.group(1)));
        }
        java.util.Set<String> unnamed = new java.util.TreeSet<>();
        for (com.tngtech.archunit.core.domain.JavaClass c : engine) {
            if (!c.getPackageName().contains(".testing") && components.stream()
                    .noneMatch(p -> p.matches(c.getPackageName()))) {
                unnamed.add(c.getPackageName());
            }
        }
        org.assertj.core.api.Assertions.assertThat(unnamed).as("engine packages missing from design.puml").isEmpty();
    }

    @Test
    void shouldKeepDeployAtTheTopAndTheGateCalledOnlyByIt() {
        EngineRules.NOTHING_DEPENDS_ON_DEPLOY.check(engine);
        EngineRules.ONLY_DEPLOY_USES_THE_GATE.check(engine);
    }
}
