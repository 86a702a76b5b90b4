package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.EngineLog;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.host.FileSystemWorkspace;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.testing.InMemoryWorkspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the scan walks: dependency folders, .gitignore, pruned excludes, symbolic links; and random bytes. */
class SecretWalkTest {
    private static final String KEY = SecretExamples.awsAccessKeyId();

    @TempDir
    Path dir;

    private void write(String path, String content) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
    }

    private static List<String> files(ScanResult r) {
        return r.findings().stream().map(f -> f.location().file()).toList();
    }

    private void dependencyTree() throws IOException {
        write("app/node_modules/lib/index.js", "k=" + KEY);
        write("app/pom.xml", "<project/>");
        write("app/target/classes/app.properties", "k=" + KEY);
        write("scripts/build/deploy.sh", "k=" + KEY); // no Gradle file beside build/: scanned
        write("py/.venv/pyvenv.cfg", "home = /usr");
        write("py/.venv/lib/x.py", "k=" + KEY);
        write("src/App.java", "k=" + KEY);
    }

    @Test
    void shouldSkipAndReportDependencyAndBuildFoldersLocallyAndThroughThePort() throws IOException {
        dependencyTree();
        for (var ws : List.of(new FileSystemWorkspace(dir), new ForwardingWorkspace(new FileSystemWorkspace(dir)))) {
            ScanResult r = new SecretScanner().scan(ws, SecretScanOptions.defaults());

            assertThat(files(r)).containsExactly("scripts/build/deploy.sh", "src/App.java");
            assertThat(r.problems()).extracting(Problem::code).containsOnly(SecretScanner.SKIPPED_FOLDER);
            assertThat(r.problems()).extracting(p -> p.location().file())
                    .containsExactly("app/node_modules/", "app/target/", "py/.venv/");
            assertThat(r.problems().get(1).message()).contains("target beside pom.xml");
            assertThat(r.status()).isEqualTo(ScanResult.Status.OK);
        }
        ScanResult all = new SecretScanner().scan(new FileSystemWorkspace(dir),
                SecretScanOptions.defaults().withSkipDependencyFolders(false));
        assertThat(files(all)).hasSize(5);
    }

    @Test
    void shouldWalkAManyFolderTreeLocallyAsThroughThePortOnceTheWalksMethodsAreCompiled() throws IOException {
        // more folders and entries than C1's thresholds for the per-folder and per-entry methods (issue 21), so the
        // local walk runs interpreted and then compiled within one scan; the port's walk is the reference
        java.util.Set<String> ignored = new java.util.HashSet<>();
        for (int f = 0; f < 260; f++) {
            String folder = "m" + (f % 7) + "/f" + f + (f % 5 == 0 ? "/deep/er" : "");
            for (int i = 0; i < 4; i++) {
                write(folder + "/x" + i + ".txt", i == f % 4 ? "k=" + KEY : "nothing here " + f);
            }
            if (f % 13 == 0) {
                write(folder + "/.gitignore", "x1.txt\n");
                write(folder + "/node_modules/n.js", "k=" + KEY);
                ignored.add(folder + "/x1.txt");
            }
        }
        for (SecretScanOptions o : List.of(SecretScanOptions.defaults(),
                SecretScanOptions.defaults().withSkipDependencyFolders(false))) {
            ScanResult local = new SecretScanner().scan(new FileSystemWorkspace(dir), o);
            ScanResult port = new SecretScanner().scan(new ForwardingWorkspace(new FileSystemWorkspace(dir)), o);

            assertThat(local.findings()).hasSizeGreaterThan(250).isEqualTo(port.findings());
            assertThat(local.problems()).isEqualTo(port.problems());
        }
        // the port reads no .gitignore: the local walk with it finds the port's findings but the ignored files'
        ScanResult local = new SecretScanner().scan(new FileSystemWorkspace(dir),
                SecretScanOptions.defaults().withGitignore(true));
        ScanResult port = new SecretScanner().scan(new ForwardingWorkspace(new FileSystemWorkspace(dir)),
                SecretScanOptions.defaults());
        assertThat(local.findings()).hasSizeGreaterThan(250).isEqualTo(port.findings().stream()
                .filter(f -> !ignored.contains(f.location().file())).toList());
        assertThat(local.findings().size()).isLessThan(port.findings().size());
    }

    @Test
    void shouldLeaveOutWhatGitignoreIgnoresOnlyWhenAsked() throws IOException {
        write(".gitignore", "# build output\n*.log\n/out/\n!keep.log\nsecrets/**\n");
        write("sub/.gitignore", "local.env\n!important.log\n");
        write("a.log", "k=" + KEY);
        write("keep.log", "k=" + KEY);
        write("out/x.txt", "k=" + KEY);
        write("sub/out/y.txt", "k=" + KEY); // "/out/" is anchored to the root
        write("sub/local.env", "k=" + KEY);
        write("sub/important.log", "k=" + KEY);
        write("secrets/deep/z.txt", "k=" + KEY);
        write(".git/info/exclude", "excluded.txt\n");
        write("excluded.txt", "k=" + KEY);
        EngineLog log = new EngineLog("");

        ScanResult ignoring = new SecretScanner().scan(new FileSystemWorkspace(dir),
                SecretScanOptions.defaults().withGitignore(true), log);
        ScanResult plain = new SecretScanner().scan(new FileSystemWorkspace(dir), SecretScanOptions.defaults());

        assertThat(files(ignoring)).containsExactly("keep.log", "sub/important.log", "sub/out/y.txt");
        assertThat(files(plain)).hasSize(8);
        assertThat(log.lines()).anySatisfy(l -> assertThat(l.text()).contains("ignored by .gitignore: 3 files,"));
    }

    @Test
    void shouldTranslateGitignoreGlobs() {
        GitIgnore g = GitIgnore.parse("doc/**/*.pdf\n**/tmp\n[abc]?.txt\n\\#hash\nspace\\ \nbuild/\n");

        assertThat(g.decide("doc/a/b/x.pdf", false)).isTrue();
        assertThat(g.decide("doc/x.pdf", false)).isTrue();
        assertThat(g.decide("other/doc/x.pdf", false)).isNull();
        assertThat(g.decide("a/b/tmp", true)).isTrue();
        assertThat(g.decide("b1.txt", false)).isTrue();
        assertThat(g.decide("d1.txt", false)).isNull();
        assertThat(g.decide("x/#hash", false)).isTrue();
        assertThat(g.decide("space ", false)).isTrue();
        assertThat(g.decide("build", false)).isNull();
        assertThat(g.decide("x/build", true)).isTrue();
    }

    @Test
    void shouldNotEnterExcludedFoldersNorFollowSymbolicLinks() throws IOException {
        write("vendored/x.txt", "k=" + KEY);
        write("real/x.txt", "k=" + KEY);
        Path outside = Files.createTempDirectory("outside");
        Files.writeString(outside.resolve("s.txt"), "k=" + KEY, StandardCharsets.UTF_8);
        Files.createSymbolicLink(dir.resolve("linked-dir"), outside);
        Files.createSymbolicLink(dir.resolve("linked-file.txt"), outside.resolve("s.txt"));
        EngineLog log = new EngineLog("");

        ScanResult r = new SecretScanner().scan(new FileSystemWorkspace(dir),
                SecretScanOptions.defaults().plusExcludes(List.of("vendored/**")), log);

        assertThat(files(r)).containsExactly("real/x.txt");
        assertThat(log.lines()).anySatisfy(l -> assertThat(l.text()).contains("1 excluded folders"));
    }

    @Test
    void shouldReportAFileThatCannotBeReadAsAnErrorInItsPlace() throws IOException {
        write("a.txt", "k=" + KEY);
        write("b.txt", "k=" + KEY);
        write("c.txt", "k=" + KEY);
        var failing = new ForwardingWorkspace(new FileSystemWorkspace(dir)) {
            @Override
            public java.io.InputStream open(String path) throws IOException {
                if (path.equals("b.txt")) {
                    throw new java.nio.file.AccessDeniedException(path);
                }
                return super.open(path);
            }
        };

        ScanResult r = new SecretScanner().scan(failing, SecretScanOptions.defaults().withThreads(3));

        assertThat(r.status()).isEqualTo(ScanResult.Status.ERROR);
        assertThat(files(r)).containsExactly("a.txt", "c.txt");
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(SecretScanner.READ_FAILED);
            assertThat(p.location().file()).isEqualTo("b.txt");
        });
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        List<String> pieces = List.of("\n", "\r\n", "\r", "\u00e4", "token", "password = \"", "\"", " ", "=",
                KEY, "AKIA", "-----BEGIN " + "PRIVATE KEY-----", "-----END PRIVATE KEY-----", "abcDEF0123+/",
                SecretExamples.rnd(24, 5), "secure-deploy:allow", "ghp_", SecretExamples.rnd(36, 6));
        Arbitrary<byte[]> piece = Arbitraries.oneOf(Arbitraries.of(pieces).map(p -> p.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.bytes().between((byte) -128, (byte) 127).map(b -> new byte[] {b == 0 ? 1 : b}));
        return piece.list().ofMaxSize(400).map(list -> {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            list.forEach(out::writeBytes);
            return out.toByteArray();
        });
    }

    @Property(tries = 150)
    void shouldFindInAnyBytesWhatTheSequentialScannerFinds(@ForAll("bytes") byte[] content) {
        InMemoryWorkspace ws = new InMemoryWorkspace().with("f.txt", "");
        var bytesWs = new ForwardingWorkspace(ws) {
            @Override
            public long size(String path) {
                return content.length;
            }

            @Override
            public java.io.InputStream open(String path) {
                return new java.io.ByteArrayInputStream(content);
            }
        };
        SecretScanOptions options = SecretScanOptions.defaults().withWindowChars(1024);

        List<Finding> before = new SequentialSecretScanner().scan(bytesWs, options).findings();
        List<Finding> after = new SecretScanner(8192).scan(bytesWs, options.withThreads(1)).findings();

        assertThat(after).isEqualTo(before);
    }
}
