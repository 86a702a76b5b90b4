package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.host.FileSystemWorkspace;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The parallel byte-level scanner (issue 21) against the sequential one it replaced ({@link SequentialSecretScanner}):
 * the same findings — rule, file, line, column, title, fingerprint — and the same problems, in the same order, on a
 * generated tree full of the edge cases (every rule, CRLF, invalid UTF-8, multi-byte characters before secrets,
 * PEM blocks across buffer boundaries, lines longer than the window and than the read buffer, inline allow markers,
 * binary and oversized files, names whose order differs from a naive folder-first walk), whatever the number of
 * threads, the buffer size and the kind of workspace.
 */
class ScanEquivalenceTest {
    @TempDir
    static Path tree;

    private static ScanResult expected;

    @BeforeAll
    static void generate() throws IOException {
        Random random = new Random(21);
        List<String> examples = new ArrayList<>(SecretExamples.byRule().values());
        String[] folders = {"a", "a-b", "a.b", "a0", "a/b", "a/b/c", "A", "z/\u00e9t\u00e9", "deep/1/2/3/4"};
        int file = 0;
        for (String folder : folders) {
            for (int f = 0; f < 6; f++, file++) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int lines = 20 + random.nextInt(300);
                for (int l = 0; l < lines; l++) {
                    line(out, random, examples);
                }
                if (random.nextBoolean()) {
                    out.write(examples.get(random.nextInt(examples.size())).getBytes(StandardCharsets.UTF_8));
                }
                write(folder + "/f" + f + (f % 2 == 0 ? ".txt" : ".yml"), out.toByteArray());
            }
        }
        String key = SecretExamples.privateKeyBlock(7);
        write("a/b/crlf.env", (key.replace("\n", "\r\n") + "token = \"" + SecretExamples.rnd(30, 1) + "\"\r\n")
                .getBytes(StandardCharsets.UTF_8));
        write("long/min.js", ("var x='" + "q".repeat(70_000) + SecretExamples.awsAccessKeyId() + "';"
                + "p".repeat(5000) + "password=\"" + "Zq8#rT2!mK9$vL4@pX7w" + "\"" + "w".repeat(40_000))
                .getBytes(StandardCharsets.UTF_8));
        write("long/no-newline.txt", ("x".repeat(20_000) + "\u00e4" + SecretExamples.byRule().get("github-token"))
                .getBytes(StandardCharsets.UTF_8));
        byte[] invalid = ("\u00e4\u00f6 k = " + SecretExamples.awsAccessKeyId() + "\n").getBytes(StandardCharsets.UTF_8);
        invalid[0] = (byte) 0xC3;
        invalid[1] = (byte) 0x28; // malformed sequence before the secret on the same line
        write("enc/invalid.txt", invalid);
        write("enc/\u00e9.txt", "\u00e9\u00e9\uD83D\uDE00 k=\u00e9AKIA\u00e9 " + SecretExamples.awsAccessKeyId()
                + "\n");
        write("enc/truncated.txt", new byte[] {'k', '=', (byte) 0xE2, (byte) 0x82, '\n', 'A', 'K', 'I', 'A'});
        write("allow/inline.txt", (SecretExamples.byRule().get("jwt") + " # secure-deploy:allow\n"
                + SecretExamples.byRule().get("github-token") + " # secure-deploy:allow=jwt\n")
                .getBytes(StandardCharsets.UTF_8));
        byte[] binary = new byte[9000];
        binary[8191] = 0;
        System.arraycopy(SecretExamples.awsAccessKeyId().getBytes(StandardCharsets.UTF_8), 0, binary, 100, 20);
        java.util.Arrays.fill(binary, 0, 100, (byte) 'a');
        binary[8191] = 0;
        write("bin/blob.bin", binary);
        byte[] lateNul = binary.clone();
        java.util.Arrays.fill(lateNul, 120, 9000, (byte) 'b');
        lateNul[8500] = 0; // after the probe: scanned as text
        write("bin/late-nul.txt", lateNul);
        write("big/huge.log", ("token=" + SecretExamples.rnd(40, 3) + "\n").repeat(4000).getBytes(StandardCharsets.UTF_8));
        write("empty/empty.txt", new byte[0]);
        write("empty/newlines.txt", "\n\n\r\n".getBytes(StandardCharsets.UTF_8));
        write("pem/unterminated.pem", ("-----BEGIN " + "PRIVATE KEY-----\n" + SecretExamples.rnd(64, 9) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        write(".git/config", ("x=" + SecretExamples.awsAccessKeyId()).getBytes(StandardCharsets.UTF_8));
        expected = new SequentialSecretScanner().scan(new FileSystemWorkspace(tree), options());
        assertThat(expected.findings()).hasSizeGreaterThan(100);
    }

    private static void write(String path, byte[] content) throws IOException {
        Path p = tree.resolve(path);
        Files.createDirectories(p.getParent());
        Files.write(p, content);
    }

    private static void write(String path, String content) throws IOException {
        write(path, content.getBytes(StandardCharsets.UTF_8));
    }

    private static void line(ByteArrayOutputStream out, Random random, List<String> examples) throws IOException {
        int kind = random.nextInt(20);
        String text = switch (kind) {
            case 0 -> examples.get(random.nextInt(examples.size()));
            case 1 -> "  String token = parser.nextToken(); // password handling \u00fcber alles";
            case 2 -> "\u00e4\u00e4\u00e4 api_key: " + SecretExamples.rnd(24, random.nextLong());
            case 3 -> "x".repeat(random.nextInt(3000)) + " AKIA" + SecretExamples.rnd(16, 1).toUpperCase(java.util.Locale.ROOT);
            // cased rules' keywords in another case: lines the prefilter skips, alone or before a secret
            case 4 -> "zone = Asia/Tokyo; akia eyj Aiza GHP_ NPM_ -----begin " + (random.nextBoolean() ? ""
                    : examples.get(random.nextInt(examples.size())));
            case 5 -> examples.get(random.nextInt(examples.size())).toLowerCase(java.util.Locale.ROOT);
            case 6 -> examples.get(random.nextInt(examples.size())).toUpperCase(java.util.Locale.ROOT);
            default -> "    int value" + random.nextInt(1000) + " = compute(a, b); // ordinary code";
        };
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.write(random.nextInt(10) == 0 ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
    }

    private static SecretScanOptions options() {
        return SecretScanOptions.defaults().withWindowChars(1024).withMaxFileSize(100_000);
    }

    @ParameterizedTest(name = "{0} threads, {1}-byte buffer")
    @CsvSource({"1, 1048576", "2, 1048576", "4, 8192", "3, 8193", "1, 8192"})
    void shouldFindTheSameAsTheSequentialScannerOnALocalTree(int threads, int buffer) {
        ScanResult actual = new SecretScanner(buffer).scan(new FileSystemWorkspace(tree),
                options().withThreads(threads));

        assertSame(actual);
    }

    @ParameterizedTest(name = "{0} threads, {1}-byte buffer")
    @CsvSource({"1, 8192", "2, 1048576"})
    void shouldFindTheSameThroughTheWorkspacePort(int threads, int buffer) {
        ScanResult actual = new SecretScanner(buffer).scan(new ForwardingWorkspace(new FileSystemWorkspace(tree)),
                options().withThreads(threads));

        assertSame(actual);
    }

    @Test
    void shouldFindTheSameOnTheSamples() {
        Path samples = Path.of(System.getProperty("secureDeploy.samples", "../samples"));
        FileSystemWorkspace ws = new FileSystemWorkspace(samples);

        ScanResult before = new SequentialSecretScanner().scan(ws, SecretScanOptions.defaults());
        ScanResult after = new SecretScanner().scan(ws, SecretScanOptions.defaults().withThreads(2));

        assertThat(after.findings()).isEqualTo(before.findings());
        assertThat(after.problems()).isEqualTo(before.problems());
    }

    private static void assertSame(ScanResult actual) {
        assertThat(actual.status()).isEqualTo(expected.status());
        assertThat(actual.findings()).containsExactlyElementsOf(expected.findings());
        assertThat(actual.problems()).containsExactlyElementsOf(expected.problems());
    }
}
