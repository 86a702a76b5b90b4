package io.jenkins.plugins.securedeploy.jenkins.archunit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.plantuml.rules.PlantUmlArchCondition.Configuration.consideringOnlyDependenciesInAnyPackage;
import static com.tngtech.archunit.library.plantuml.rules.PlantUmlArchCondition.adhereToPlantUmlDiagram;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.jenkins.plugins.securedeploy.jenkins.facade.JenkinsFacade;
import java.util.Set;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.verb.POST;

/** The Jenkins rules of design.md §2.5 as code, checked on the plugin's main classes. */
class PluginArchitectureTest {
    private static final String BINDING = "io.jenkins.plugins.securedeploy.jenkins..";

    /** Engine classes that do work (services); Steps may use engine values only. */
    private static final Set<String> SERVICE_SUFFIXES = Set.of("Evaluator", "Generator", "Verifier", "Attestor",
            "Runner", "Registry", "Masker", "Parser", "Writer", "Reader", "Broker", "Signer", "Validator",
            "Deployment", "Ledger", "Workspace", "Store", "Console", "Channel");

    private static JavaClasses plugin;

    @BeforeAll
    static void importPlugin() {
        plugin = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.jenkins.plugins.securedeploy.jenkins");
    }

    @Test
    void shouldCallJenkinsSingletonOnlyInTheFacade() {
        noClasses().that().resideOutsideOfPackage("..jenkins.facade..")
                .should().callMethod(Jenkins.class, "get")
                .orShould().callMethod(Jenkins.class, "getInstance")
                .orShould().callMethod(Jenkins.class, "getInstanceOrNull")
                .because("JenkinsFacade is the one place that reaches the singleton")
                .check(plugin);
    }

    @Test
    void shouldRequirePostAndPermissionCheckOnFormMethods() {
        methods().that().haveNameMatching("do(Check|Fill).*")
                .should().beAnnotatedWith(POST.class)
                .andShould(callAFacadePermissionCheck())
                .allowEmptyShould(true)
                .because("form validation and fill methods run with the caller's rights (CSRF, information leaks)")
                .check(plugin);
    }

    @Test
    void shouldUseDataBoundAnnotationsOnlyInPublicClasses() {
        constructors().that().areAnnotatedWith(DataBoundConstructor.class)
                .should().bePublic().andShould().beDeclaredInClassesThat().arePublic()
                .allowEmptyShould(true)
                .check(plugin);
        methods().that().areAnnotatedWith(DataBoundSetter.class)
                .should().bePublic().andShould().beDeclaredInClassesThat().arePublic()
                .allowEmptyShould(true)
                .check(plugin);
    }

    @Test
    void shouldKeepStepsFreeOfEngineServices() {
        noClasses().that().haveSimpleNameEndingWith("Step")
                .should().dependOnClassesThat(engineServices())
                .allowEmptyShould(true)
                .because("a Step is data; its Execution calls the engine (design.md §0 rule 4)")
                .check(plugin);
    }

    @Test
    void shouldFollowThePackageDiagram() {
        classes().that().resideInAPackage(BINDING)
                .should(adhereToPlantUmlDiagram(PluginArchitectureTest.class.getResource("/design.puml"),
                        consideringOnlyDependenciesInAnyPackage(BINDING)))
                .check(plugin);
    }

    private static DescribedPredicate<JavaClass> engineServices() {
        return new DescribedPredicate<>("engine services") {
            @Override
            public boolean test(JavaClass c) {
                return c.getPackageName().startsWith("io.jenkins.plugins.securedeploy.engine")
                        && SERVICE_SUFFIXES.stream().anyMatch(c.getSimpleName()::endsWith);
            }
        };
    }

    private static ArchCondition<JavaMethod> callAFacadePermissionCheck() {
        return new ArchCondition<>("call JenkinsFacade.checkPermission or hasPermission") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean checks = false;
                for (JavaMethodCall call : method.getMethodCallsFromSelf()) {
                    String name = call.getTarget().getName();
                    if (call.getTargetOwner().isEquivalentTo(JenkinsFacade.class)
                            && (name.equals("checkPermission") || name.equals("hasPermission"))) {
                        checks = true;
                    }
                }
                events.add(new SimpleConditionEvent(method, checks,
                        method.getFullName() + (checks ? " checks" : " does not check") + " a permission"));
            }
        };
    }
}
