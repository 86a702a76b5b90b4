package io.jenkins.plugins.securedeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher starts the packaged jar with the AppCDS archive the package phase built next to it: the classes of a
 * real command, picocli's included, come from the archive ("shared objects file (top)"), and the output is what the jar
 * prints alone.
 */
class LauncherCdsITest {
    private static final Path JAR = Path.of(System.getProperty("secureDeploy.jar", "target/secure-deploy.jar"));
    private static final Path LAUNCHER = Path.of("..", "bin", "secure-deploy");

    private static String run(List<String> cmd, String javaOpts) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("SECURE_DEPLOY_JAR", JAR.toAbsolutePath().toString());
        pb.environment().put("SECURE_DEPLOY_JAVA_OPTS", javaOpts);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void shouldStartFromTheArchiveBuiltByThePackagePhase() throws Exception {
        Path archive = Path.of(JAR.toString().replaceAll("\\.jar$", ".jsa"));
        assertThat(archive).isRegularFile();
        String samples = Path.of(System.getProperty("secureDeploy.samples", "../samples"), "app").toString();

        String classes = run(List.of(LAUNCHER.toString(), "secrets", samples), "-Xlog:class+load");
        String plain = run(List.of(LAUNCHER.toString(), "secrets", samples), "");
        String version = run(List.of(LAUNCHER.toString(), "--version"), "");

        assertThat(classes.lines().filter(l -> l.contains("source: shared objects file (top)")).count())
                .isGreaterThan(100);
        assertThat(classes).contains("SecretScanner source: shared objects file (top)");
        // picocli is compiled from source with release 17 (cli/pom.xml): its Java 5 binaries could not be archived
        assertThat(classes).contains("picocli.CommandLine source: shared objects file (top)");
        assertThat(classes.lines().filter(l -> l.contains(" picocli.") && !l.contains("source: shared objects file")))
                .as("picocli classes not loaded from the archive").isEmpty();
        assertThat(plain).contains("0 secret(s) found");
        assertThat(version).startsWith("secure-deploy ").contains("Java 17");
        assertThat(Files.isExecutable(LAUNCHER)).isTrue();
    }

    /**
     * The launcher's JIT directives for the digests (CompileCommand) change no byte of the output: stdout holds the two
     * digest lines and nothing else (CompileCommand prints each command unless told {@code quiet}), and the digests
     * of a file hashed on two threads (over 4 MiB) are the JDK's.
     */
    @Test
    void shouldPrintOnlyTheDigestsThroughTheLauncher(@TempDir Path dir) throws Exception {
        byte[] content = new byte[9 * 1024 * 1024 + 17];
        new Random(21).nextBytes(content);
        Path file = dir.resolve("blob.bin");
        Files.write(file, content);

        String out = run(List.of(LAUNCHER.toString(), "digest", file.toString()), "");

        HexFormat hex = HexFormat.of();
        assertThat(out.lines()).containsExactly(
                "sha256:" + hex.formatHex(MessageDigest.getInstance("SHA-256").digest(content)) + "  " + file,
                "sha512:" + hex.formatHex(MessageDigest.getInstance("SHA-512").digest(content)) + "  " + file);
    }
}
