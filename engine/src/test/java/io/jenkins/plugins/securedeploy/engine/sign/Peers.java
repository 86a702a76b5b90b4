package io.jenkins.plugins.securedeploy.engine.sign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real peer tools the interop ITests check against (openssl, gpg, Debian python3 with in-toto). */
public final class Peers {
    private Peers() {}

    /** The result of one run: exit code and combined output. */
    public record Run(int exitCode, String output) {}

    public static Run run(Path dir, Map<String, String> env, List<String> command) throws IOException,
            InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Path out = Files.createTempFile(dir, "peer", ".out");
        pb.redirectOutput(out.toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", command) + " finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }

    public static Run run(Path dir, String... command) throws IOException, InterruptedException {
        return run(dir, Map.of(), List.of(command));
    }

    /** Runs and requires exit 0. */
    public static String ok(Path dir, String... command) throws IOException, InterruptedException {
        Run r = run(dir, command);
        assertThat(r.exitCode()).as(String.join(" ", command) + ": " + r.output()).isZero();
        return r.output();
    }
}
