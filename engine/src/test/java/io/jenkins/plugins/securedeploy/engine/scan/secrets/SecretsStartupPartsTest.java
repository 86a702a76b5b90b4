package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.host.FileSystemWorkspace;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parts of a scan around its workers that issue 21 changed: fingerprints from a reused per-thread SHA-256, the
 * warm-up that builds the default tables on a spare thread, the walk's globs asked with one literal check per path.
 */
class SecretsStartupPartsTest {
    /** The fingerprint as it was computed before: a new {@link MessageDigest} for each hash. */
    private static String freshFingerprint(String ruleId, String file, String secret) throws NoSuchAlgorithmException {
        HexFormat hex = HexFormat.of();
        String secretHash = hex.formatHex(MessageDigest.getInstance("SHA-256")
                .digest(secret.getBytes(StandardCharsets.UTF_8)));
        String input = ruleId + "\n" + file + "\n" + secretHash;
        return hex.formatHex(MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8)))
                .substring(0, 32);
    }

    private static String randomText(Random random, int maxLength) {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(maxLength + 1);
        for (int i = 0; i < n; i++) {
            sb.append((char) (random.nextInt(5) == 0 ? 0x80 + random.nextInt(0x3000) : ' ' + random.nextInt(95)));
        }
        return sb.toString();
    }

    @Test
    void shouldFingerprintAsAFreshDigestDoesForEveryInputInARow() throws Exception {
        Random random = new Random(21);
        List<String[]> inputs = new ArrayList<>();
        inputs.add(new String[] {"", "", ""});
        inputs.add(new String[] {"aws-access-key-id", "a/b.env", "x".repeat(100_000)}); // many SHA-256 blocks
        for (int i = 0; i < 300; i++) {
            inputs.add(new String[] {randomText(random, 30), randomText(random, 80), randomText(random, 300)});
        }
        for (String[] in : inputs) { // one thread's digest reused for all, none of them leaving state behind
            assertThat(Redaction.fingerprint(in[0], in[1], in[2])).isEqualTo(freshFingerprint(in[0], in[1], in[2]));
        }
    }

    @Test
    void shouldFingerprintTheSameOnManyThreadsAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    List<String> out = new ArrayList<>();
                    for (int i = 0; i < 2_000; i++) {
                        out.add(Redaction.fingerprint("rule-" + (i % 7), "f" + i, "secret-" + i));
                    }
                    return out;
                }));
            }
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                expected.add(freshFingerprint("rule-" + (i % 7), "f" + i, "secret-" + i));
            }
            for (Future<List<String>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldStartTheWarmUpOnceAndScanAsWithout(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.env"), "aws_access_key_id = " + "AKIA" + "Z7QJ4MXH2K5WLRPD" + "\n"
                + "db_password = \"" + "Vq8#zL2r" + "Tn5$wX9k" + "\"\n", StandardCharsets.UTF_8);
        SecretScanOptions options = SecretScanOptions.defaults().withThreads(2);
        ScanResult before = new SecretScanner().scan(new FileSystemWorkspace(dir), options);

        SecretScanner.warmUp(); // whether or not an earlier test started it, the scan racing it is the same
        ScanResult racing = new SecretScanner().scan(new FileSystemWorkspace(dir), options);
        SecretsWarmer.warm(); // a second warm-up on this thread builds nothing new and changes nothing
        ScanResult after = new SecretScanner().scan(new FileSystemWorkspace(dir), options);

        assertThat(SecretsWarmer.start()).isFalse(); // once per JVM
        assertThat(before.findings()).hasSize(2);
        assertThat(racing).isEqualTo(before);
        assertThat(after).isEqualTo(before);
    }

    @Test
    void shouldMatchGlobsWithTheLiteralCheckGivenAsWithout() {
        List<String> globs = List.of("**", "**/.git/**", ".git/**", "a/b", "**/*.pem", "x/**", "**/y", "**/z/**",
                "docs/*.md");
        List<String> paths = List.of("", "a/b", "a/b/", "a//b", ".git/config", "q/.git/x", "k.pem", "d/k.pem",
                "x/1", "x", "p/y", "y", "r/z/s", "docs/a.md", "docs/a/b.md", "a\nb", "a\u2028b");
        for (String glob : globs) {
            Globs g = Globs.compile("includes", List.of(glob));
            for (String path : paths) {
                assertThat(g.matches(path, LiteralGlob.applies(path))).as(glob + " ~ " + path)
                        .isEqualTo(g.matches(path));
            }
        }
        Globs none = Globs.compile("includes", List.of());
        assertThat(none.matches("a", true)).isFalse();
    }
}
