package io.jenkins.plugins.securedeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a {@code secrets} start through the launcher does not do (issue 21, start-up): open and index the jar (every
 * class of a scan that finds secrets comes from the AppCDS archive, none from the jar, and no class is looked up on
 * the class path), generate annotation proxy classes (the root's and {@code secrets}' models are built in code), or
 * print anything else than it did.
 */
class LauncherStartupITest {
    private static final Path JAR = Path.of(System.getProperty("secureDeploy.jar", "target/secure-deploy.jar"));
    private static final Path LAUNCHER = Path.of("..", "bin", "secure-deploy");

    private record Run(int exitCode, String out) {}

    private static Run run(String javaOpts, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(LAUNCHER.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("SECURE_DEPLOY_JAR", JAR.toAbsolutePath().toString());
        pb.environment().put("SECURE_DEPLOY_JAVA_OPTS", javaOpts);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    @Test
    void shouldScanWithoutOpeningTheJarOrMakingProxyClasses(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("prod.env"), "AWS_ACCESS_KEY_ID=" + "AKIA" + "IOSFODNN7EXAMPLE" + "\n",
                StandardCharsets.UTF_8);

        Run logged = run("-Xlog:class+load", "secrets", "--threads", "2", dir.toString());
        Run plain = run("", "secrets", "--threads", "2", dir.toString());

        assertThat(plain.exitCode()).as(plain.out()).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(plain.out()).contains("aws-access-key-id", "1 secret(s) found");
        assertThat(logged.exitCode()).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(logged.out().lines().filter(l -> l.contains("source: file:")))
                .as("classes loaded from the jar instead of the archive").isEmpty();
        assertThat(logged.out()).as("the jar opened for a class-path lookup")
                .doesNotContain("jdk.internal.loader.URLClassPath$JarLoader ");
        assertThat(logged.out()).as("annotation proxies").doesNotContain("__dynamic_proxy__");
        assertThat(logged.out()).contains("SecretsCommand source: shared objects file (top)");
    }
}
