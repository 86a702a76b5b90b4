package io.jenkins.plugins.securedeploy.engine.archunit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.plantuml.rules.PlantUmlArchCondition.Configuration.consideringOnlyDependenciesInAnyPackage;
import static com.tngtech.archunit.library.plantuml.rules.PlantUmlArchCondition.adhereToPlantUmlDiagram;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.net.URL;

/** The engine's architecture rules, shared by {@link ArchitectureTest} and the probes that prove they bite. */
final class EngineRules {
    static final String ENGINE = "io.jenkins.plugins.securedeploy.engine..";

    private EngineRules() {}

    static final ArchRule NO_JENKINS = noClasses()
            .that().resideInAPackage(ENGINE)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "hudson..", "jenkins..", "org.jenkinsci..", "org.kohsuke..",
                    "io.jenkins.plugins.securedeploy.jenkins..", "io.jenkins.plugins.securedeploy.cli..")
            .as("the engine is Jenkins-free and CLI-free");

    static final ArchRule NO_STANDARD_STREAMS = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
            .because("engine output goes to a Console or EngineLog, which hosts mask");

    static final ArchRule NO_PRINT_STACK_TRACE = noClasses()
            .that().resideInAPackage(ENGINE)
            .should().callMethod(Throwable.class, "printStackTrace")
            .because("stack traces go to EngineLog or Console");

    static ArchRule packageGraph() {
        URL diagram = EngineRules.class.getResource("/design.puml");
        return ArchRuleDefinition.classes()
                .that().resideInAPackage(ENGINE)
                .and().resideOutsideOfPackage("..engine.testing..")
                .should(adhereToPlantUmlDiagram(diagram, consideringOnlyDependenciesInAnyPackage(ENGINE)))
                .as("engine packages follow design.puml");
    }

    /** Vendor confinement: a library is used only by the package that owns it. */
    static ArchRule confined(String vendorPackage, String... allowedPackages) {
        return noClasses()
                .that().resideInAPackage(ENGINE)
                .and().resideOutsideOfPackages(allowedPackages)
                .should().dependOnClassesThat().resideInAPackage(vendorPackage)
                .as(vendorPackage + " is used only in " + String.join(", ", allowedPackages));
    }

    /**
     * The sigstore bundle verifier's libraries stay in {@code sign.sigstore}: Bouncy Castle's RFC 3161 (TSP) and CMS
     * packages, and sigstore-java should it ever replace them (measured and not adopted: docs/sigstore.md).
     */
    static final ArchRule SIGSTORE_LIBRARIES_CONFINED = noClasses()
            .that().resideInAPackage(ENGINE)
            .and().resideOutsideOfPackage("..engine.sign.sigstore..")
            .should().dependOnClassesThat().resideInAnyPackage("org.bouncycastle.tsp..", "org.bouncycastle.cms..",
                    "dev.sigstore..")
            .as("RFC 3161 / CMS (Bouncy Castle) and sigstore-java are used only in engine.sign.sigstore");

    /** Jackson only in json and in *Parser / *Writer / *Reader classes. */
    static final ArchRule JACKSON_CONFINED = noClasses()
            .that().resideInAPackage(ENGINE)
            .and().resideOutsideOfPackage("..engine.json..")
            .and().haveSimpleNameNotEndingWith("Parser")
            .and().haveSimpleNameNotEndingWith("Writer")
            .and().haveSimpleNameNotEndingWith("Reader")
            .and(new com.tngtech.archunit.base.DescribedPredicate<JavaClass>("not nested in a Parser/Writer/Reader") {
                @Override
                public boolean test(JavaClass c) {
                    String name = c.getName();
                    return !(name.matches(".*(Parser|Writer|Reader)\\$.*"));
                }
            })
            .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
            .as("Jackson is used only in engine.json and in *Parser/*Writer/*Reader classes");

    /** Secrets are revealed only where they must be: the masker, credential brokers, host adapters. */
    static final ArchRule REVEAL_ONLY_WHERE_NEEDED = noClasses()
            .that().resideInAPackage(ENGINE)
            .and().resideOutsideOfPackages("..engine.mask..", "..engine.credentials..", "..engine.host..",
                    "..engine.sign.keys..")
            .should().callMethod(io.jenkins.plugins.securedeploy.engine.core.SecretValue.class, "reveal")
            .because("a revealed secret may end up in a message; only the masker, brokers, host adapters and the PEM "
                    + "key reader (sign.keys, which parses a private key held as a secret) need it");

    /** Exceptions carry context: no exception is constructed without arguments. */
    static final ArchRule NO_CONTEXT_FREE_EXCEPTIONS = noClasses()
            .that().resideInAPackage(ENGINE)
            .should().callConstructorWhere(new com.tngtech.archunit.base.DescribedPredicate<
                    com.tngtech.archunit.core.domain.JavaConstructorCall>("a no-argument exception constructor") {
                @Override
                public boolean test(com.tngtech.archunit.core.domain.JavaConstructorCall call) {
                    // Exceptions, not Errors: javac itself emits `new IncompatibleClassChangeError()` for exhaustive switches
                    return call.getTarget().getOwner().isAssignableTo(Exception.class)
                            && call.getTarget().getRawParameterTypes().isEmpty();
                }
            })
            .because("every exception names what failed (design 2.7)");

    /** CEL (dev.cel, with its protobuf runtime) only in policy.rules: the rest of the engine sees rule values. */
    static final ArchRule CEL_CONFINED = confined("dev.cel..", "..engine.policy.rules..");

    static final ArchRule MESSAGE_DIGEST_ONLY_IN_CORE = noClasses()
            .that().resideInAPackage(ENGINE)
            .and().doNotHaveFullyQualifiedName("io.jenkins.plugins.securedeploy.engine.core.DigestAlgorithm")
            .should().callMethod(java.security.MessageDigest.class, "getInstance", String.class)
            .because("digests are computed through core.Hashing");

    /** Credential providers ({@code credentials.aws}, {@code .vault}, ...) share only the credentials root package. */
    static final ArchRule CREDENTIAL_PROVIDERS_INDEPENDENT = com.tngtech.archunit.library.dependencies
            .SlicesRuleDefinition.slices().matching("..engine.credentials.(*)..")
            .should().notDependOnEachOther()
            .because("each provider is one small package; what they share lives in engine.credentials");

    /**
     * No two engine packages depend on each other in a circle — package by package, so a capability and its
     * sub-packages count apart (the defect this catches: {@code scan}'s registry listing the tools that import
     * {@code scan}).
     */
    static final ArchRule PACKAGES_FREE_OF_CYCLES = com.tngtech.archunit.library.dependencies.SlicesRuleDefinition
            .slices().matching("io.jenkins.plugins.securedeploy.engine.(**)")
            .should().beFreeOfCycles()
            .as("engine packages are free of cycles");

    /** Scanner tool packages share only {@code scan}: no tool imports a sibling (the registry and runner use them). */
    static final ArchRule SCAN_TOOLS_INDEPENDENT = com.tngtech.archunit.library.dependencies.SlicesRuleDefinition
            .slices().matching("..engine.scan.(*)..")
            .that(new com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.library.dependencies.Slice>(
                    "are tool packages (not scan.registry or scan.runner)") {
                @Override
                public boolean test(com.tngtech.archunit.library.dependencies.Slice slice) {
                    String name = slice.getNamePart(1);
                    return !name.equals("registry") && !name.equals("runner");
                }
            })
            .should().notDependOnEachOther()
            .because("each tool is one small package; what they share lives in engine.scan, and only "
                    + "scan.registry lists them");

    /** Nothing in the engine depends on the deployment flow: it is the top, only hosts call it. */
    static final ArchRule NOTHING_DEPENDS_ON_DEPLOY = noClasses()
            .that().resideInAPackage(ENGINE)
            .and().resideOutsideOfPackage("..engine.deploy..")
            .should().dependOnClassesThat().resideInAPackage("..engine.deploy..")
            .because("only gate and deploy orchestrate, and deploy is the top of the engine (design 2.3)");

    /** The gate service is called by hosts and by the deployment flow only; capabilities never call up into it. */
    static final ArchRule ONLY_DEPLOY_USES_THE_GATE = noClasses()
            .that().resideInAPackage(ENGINE)
            .and().resideOutsideOfPackages("..engine.gate..", "..engine.deploy..")
            .should().dependOnClassesThat().resideInAPackage("..engine.gate..")
            .because("the gate's orchestration lives in engine.gate; report, policy and scan are what it calls");
}
