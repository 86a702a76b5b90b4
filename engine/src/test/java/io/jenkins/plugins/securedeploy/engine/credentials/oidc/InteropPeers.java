package io.jenkins.plugins.securedeploy.engine.credentials.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the independent verifiers installed by {@code .ci/install-peers}: Debian's Python (PyJWT, jwcrypto) and Node
 * with jose / openid-client from {@code ~/.cache/secure-deploy/interop-npm}. A missing peer fails the test (CI has
 * them; a silent skip would prove nothing).
 */
final class InteropPeers {
    static final Path PYTHON = Path.of("/usr/bin/python3");

    private InteropPeers() {}

    static Path npmDir() {
        String configured = System.getenv("SECURE_DEPLOY_INTEROP_NPM");
        Path dir = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "secure-deploy", "interop-npm");
        assertThat(dir.resolve("node_modules/openid-client/package.json"))
                .as("npm peers missing: run .ci/install-peers").isRegularFile();
        return dir;
    }

    static Path script(Path dir, String name) {
        try (var in = InteropPeers.class.getResourceAsStream(name)) {
            assertThat(in).as("script " + name).isNotNull();
            Path target = dir.resolve(name);
            Files.write(target, in.readAllBytes());
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a command; returns {@code case name -> OK / REJECTED ...} parsed from its output lines. */
    static Map<String, String> run(Path dir, List<String> command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile())
                    .redirectErrorStream(true);
            pb.environment().put("SECURE_DEPLOY_INTEROP_NPM", npmDir().toString());
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("peer finished").isTrue();
            String text = new String(out, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(command + " output:\n" + text).isZero();
            Map<String, String> results = new LinkedHashMap<>();
            text.lines().filter(l -> l.contains(": ")).forEach(l -> {
                int i = l.indexOf(": ");
                results.put(l.substring(0, i), l.substring(i + 2));
            });
            Files.writeString(dir.resolve(command.get(command.size() - 2).replaceAll(".*/", "") + ".out"), text);
            return results;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
