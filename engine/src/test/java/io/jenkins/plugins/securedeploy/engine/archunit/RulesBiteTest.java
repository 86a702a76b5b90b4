package io.jenkins.plugins.securedeploy.engine.archunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the rules fail the build: probe classes are compiled into a temporary folder (never into the engine), one
 * engine-packaged class touching {@code hudson.*}, one printing to {@code System.out}, one leaking a dependency the
 * diagram does not allow, and each rule must reject them.
 */
class RulesBiteTest {
    @TempDir
    static Path temp;

    static JavaClasses probes;

    @BeforeAll
    static void compileProbes() throws Exception {
        Path src = Files.createDirectories(temp.resolve("src"));
        Path out = Files.createDirectories(temp.resolve("classes"));
        write(src, "hudson/ArchProbe.java", "package hudson; public class ArchProbe { public static void touch() {} }");
        String pkg = "io.jenkins.plugins.securedeploy.engine.core";
        write(src, "probe/UsesHudson.java",
                "package " + pkg + "; public class UsesHudson { void run() { hudson.ArchProbe.touch(); } }");
        write(src, "probe/UsesSystemOut.java",
                "package " + pkg + "; public class UsesSystemOut { void run() { System.out.println(\"x\"); } }");
        write(src, "probe/CoreUsesJson.java", "package " + pkg + "; public class CoreUsesJson { Object m() {"
                + " return io.jenkins.plugins.securedeploy.engine.json.Json.strict(); } }");
        write(src, "probe/RevealsSecret.java", "package " + pkg + "; public class RevealsSecret { String m("
                + "SecretValue s) { return \"token=\" + s.reveal(); } }");
        write(src, "probe/ThrowsBare.java", "package " + pkg + "; public class ThrowsBare { void m() {"
                + " throw new IllegalStateException(); } }");
        write(src, "probe/CoreUsesTsp.java", "package " + pkg + "; public class CoreUsesTsp { Object m(byte[] b)"
                + " throws Exception { return new org.bouncycastle.tsp.TimeStampResponse(b); } }");
        String creds = "io.jenkins.plugins.securedeploy.engine.credentials";
        write(src, "probe/VaultThing.java", "package " + creds + ".vault; public class VaultThing {}");
        write(src, "probe/AwsUsesVault.java", "package " + creds + ".aws; public class AwsUsesVault { Object m() {"
                + " return new " + creds + ".vault.VaultThing(); } }");
        String family = "io.jenkins.plugins.securedeploy.engine.sign.dsse";
        write(src, "probe/FamilyUsesSibling.java", "package " + family + "; public class FamilyUsesSibling { Object m() {"
                + " return new io.jenkins.plugins.securedeploy.engine.sign.cosign.CosignBlobVerifier(); } }");
        write(src, "probe/UsesCel.java", "package " + pkg + "; public class UsesCel { Object m() {"
                + " return dev.cel.common.types.SimpleType.BOOL; } }");
        String scan = "io.jenkins.plugins.securedeploy.engine.scan";
        write(src, "probe/ScanListsATool.java", "package " + scan + "; public class ScanListsATool { Object m() {"
                + " return new " + scan + ".bandit.ToolUsesScan(); } }");
        write(src, "probe/ToolUsesScan.java", "package " + scan + ".bandit; public class ToolUsesScan { Object m() {"
                + " return new " + scan + ".ScanListsATool(); } }");
        write(src, "probe/GrypeThing.java", "package " + scan + ".grype; public class GrypeThing {}");
        write(src, "probe/TrivyUsesGrype.java", "package " + scan + ".trivy; public class TrivyUsesGrype { Object m()"
                + " { return new " + scan + ".grype.GrypeThing(); } }");
        write(src, "probe/RegistryUsesGrype.java", "package " + scan + ".registry; public class RegistryUsesGrype {"
                + " Object m() { return new " + scan + ".grype.GrypeThing(); } }");
        String engine = "io.jenkins.plugins.securedeploy.engine";
        write(src, "probe/PolicyUsesDeploy.java", "package " + engine + ".policy; public class PolicyUsesDeploy {"
                + " Object m() { return " + engine + ".deploy.Phase.GATE; } }");
        write(src, "probe/ReportUsesGate.java", "package " + engine + ".report; public class ReportUsesGate {"
                + " Object m() { return " + engine + ".gate.ExitCode.FAILED; } }");
        write(src, "probe/DeployUsesGate.java", "package " + engine + ".deploy; public class DeployUsesGate {"
                + " Object m() { return " + engine + ".gate.ExitCode.FAILED; } }");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new java.util.ArrayList<>(List.of("-d", out.toString(), "-cp",
                System.getProperty("java.class.path")));
        try (var files = Files.walk(src)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        int rc = javac.run(null, null, null, args.toArray(String[]::new));
        assertThat(rc).as("probe compilation").isZero();
        probes = new ClassFileImporter().importPath(out);
    }

    private static void write(Path root, String rel, String content) throws Exception {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
    }

    @Test
    void shouldFailWhenAnEngineClassImportsHudson() {
        assertThatThrownBy(() -> EngineRules.NO_JENKINS.check(probes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("UsesHudson")
                .hasMessageContaining("hudson.ArchProbe");
    }

    @Test
    void shouldFailWhenAnEngineClassUsesSystemOut() {
        assertThatThrownBy(() -> EngineRules.NO_STANDARD_STREAMS.check(probes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("UsesSystemOut");
    }

    @Test
    void shouldFailWhenSecretsAreRevealedOutsideTheMasker() {
        assertThatThrownBy(() -> EngineRules.REVEAL_ONLY_WHERE_NEEDED.check(probes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("RevealsSecret");
    }

    @Test
    void shouldFailWhenAnExceptionHasNoContext() {
        assertThatThrownBy(() -> EngineRules.NO_CONTEXT_FREE_EXCEPTIONS.check(probes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ThrowsBare");
    }

    @Test
    void shouldFailWhenAVerifierFamilyDependsOnASiblingFamily() {
        assertThatThrownBy(() -> EngineRules.packageGraph().check(probes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("FamilyUsesSibling");
    }

    @Test
    void shouldFailWhenCelIsUsedOutsidePolicyRules() {
        assertThatThrownBy(() -> EngineRules.CEL_CONFINED.check(probes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("UsesCel")
                .hasMessageContaining("dev.cel");
    }

    @Test
    void shouldFailWhenCoreDependsOnAPackageTheDiagramDoesNotAllow() {
        assertThatThrownBy(() -> EngineRules.packageGraph().check(probes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("CoreUsesJson");
    }

    @Test
    void shouldFailWhenRfc3161TimestampsAreReadOutsideSignSigstore() {
        assertThatThrownBy(() -> EngineRules.SIGSTORE_LIBRARIES_CONFINED.check(probes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("CoreUsesTsp")
                .hasMessageContaining("org.bouncycastle.tsp.TimeStampResponse");
    }

    @Test
    void shouldFailWhenOneCredentialProviderImportsAnother() {
        assertThatThrownBy(() -> EngineRules.CREDENTIAL_PROVIDERS_INDEPENDENT.check(probes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("AwsUsesVault");
    }

    @Test
    void shouldFailWhenScanAndAToolPackageDependOnEachOther() {
        assertThatThrownBy(() -> EngineRules.PACKAGES_FREE_OF_CYCLES.check(probes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining("ScanListsATool")
                .hasMessageContaining("ToolUsesScan");
    }

    @Test
    void shouldFailWhenAScannerToolImportsASiblingToolButNotWhenTheRegistryDoes() {
        assertThatThrownBy(() -> EngineRules.SCAN_TOOLS_INDEPENDENT.check(probes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("TrivyUsesGrype")
                .message().doesNotContain("RegistryUsesGrype");
    }

    @Test
    void shouldFailWhenACapabilityDependsOnDeployOrCallsUpIntoTheGate() {
        assertThatThrownBy(() -> EngineRules.NOTHING_DEPENDS_ON_DEPLOY.check(probes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("PolicyUsesDeploy")
                .message().doesNotContain("DeployUsesGate");
        assertThatThrownBy(() -> EngineRules.ONLY_DEPLOY_USES_THE_GATE.check(probes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ReportUsesGate")
                .message().doesNotContain("DeployUsesGate");
    }
}
