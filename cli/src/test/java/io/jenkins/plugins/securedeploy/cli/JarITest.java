package io.jenkins.plugins.securedeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar runs as a process: what a user on a fresh machine runs. */
class JarITest {
    static ProcessResult run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("secureDeploy.jar")));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new ProcessResult(p.exitValue(), out);
    }

    record ProcessResult(int exitCode, String output) {}

    @Test
    void shouldRunFromTheShadedJar() throws Exception {
        ProcessResult version = run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.output()).containsPattern("secure-deploy \\d+\\.\\d+\\.\\d+");

        ProcessResult usage = run("no-such-command");
        assertThat(usage.exitCode()).isEqualTo(ExitCode.USAGE);
    }

    static ProcessResult launch(Map<String, String> env, String... args) throws Exception {
        Path launcher = Path.of(System.getProperty("secureDeploy.samples")).toAbsolutePath().normalize().getParent()
                .resolve("bin/secure-deploy");
        List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new ProcessResult(p.exitValue(), out);
    }

    @Test
    void shouldRunThroughTheLauncherAndExplainAMissingJar() throws Exception {
        ProcessResult version = launch(Map.of(), "--version");
        assertThat(version.exitCode()).as(version.output()).isZero();
        assertThat(version.output()).containsPattern("secure-deploy \\d+\\.\\d+\\.\\d+");

        ProcessResult missing = launch(Map.of("SECURE_DEPLOY_JAR", "/nonexistent/secure-deploy.jar"), "--version");
        assertThat(missing.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(missing.output()).contains("SECURE_DEPLOY_JAR=/nonexistent/secure-deploy.jar: no such file");
    }

    @Test
    void shouldReportRunningOutOfHeapAsAnErrorNotAsAFailedGate(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.json");
        try (Writer w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            w.write("{\"format\":\"secure-deploy-findings\",\"version\":1,\"results\":[{\"tool\":\"t\",\"findings\":[");
            for (int i = 0; i < 600_000; i++) {
                w.write((i == 0 ? "" : ",") + "{\"ruleId\":\"rule-" + i + "\",\"title\":\"finding number " + i
                        + "\",\"fingerprint\":\"fp-" + i + "\"}");
            }
            w.write("]}]}");
        }

        ProcessResult r = launch(Map.of("SECURE_DEPLOY_JAVA_OPTS", "-Xmx32m"), "ingest", big.toString());

        assertThat(r.exitCode()).as(r.output()).isEqualTo(ExitCode.ERROR);
        assertThat(r.output()).contains("error: secure-deploy ingest ran out of memory", "SECURE_DEPLOY_JAVA_OPTS=-Xmx2g")
                .doesNotContain("\tat ");
    }
}
