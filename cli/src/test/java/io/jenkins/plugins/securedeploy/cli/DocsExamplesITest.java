package io.jenkins.plugins.securedeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Docs that run: every {@code console} block of {@code docs/*.md} is executed, in page order, by bash in a fresh copy
 * of the repository (so examples run "from the repository root" and may write files; a {@code cd} in one block
 * holds for the next blocks of the page, as in a reader's shell), with {@code secure-deploy} on
 * PATH ({@code bin/secure-deploy} on the jar the package phase built). A line {@code $ command} is a command (a
 * trailing {@code \} continues it on the next line); the lines up to the next command are its expected output,
 * stdout and stderr together, compared line by line: {@code …} inside a line matches any text, a line that is only
 * {@code …} any number of lines. A block preceded by {@code <!-- not run: reason -->} is skipped, with its reason.
 * And no other fenced block may hold a {@code $ } line: an example with a prompt is a console block, so it runs.
 */
class DocsExamplesITest {
    private static final String ELLIPSIS = "…";
    private static final Set<String> NOT_COPIED = Set.of("target", ".git", "node_modules", ".jqwik-database", ".idea");
    /**
     * Pages whose examples another test runs as written, with the files they start from: DocExamplesITest writes
     * the approval rule, members and shown files and the audit log with its key first, and matches the times.
     */
    static final java.util.Map<String, String> RUN_BY_OTHER_TESTS = java.util.Map.of(
            "approvals.md", "run by DocExamplesITest, which writes the page's files first",
            "audit.md", "run by DocExamplesITest, which writes the page's audit log and key first");

    @TempDir
    static Path work;

    private static Path repository() {
        return Path.of(System.getProperty("secureDeploy.samples")).toAbsolutePath().normalize().getParent();
    }

    /** One fenced block of a page. */
    record Block(Path page, int line, String info, List<String> lines, String skipReason) {}

    /** A command of a console block and the output the page shows for it. */
    record Example(String command, List<String> expected, int line) {}

    static List<Block> blocks(Path page) throws IOException {
        List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
        List<Block> blocks = new ArrayList<>();
        String skip = null;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("<!-- not run:")) {
                skip = l.substring("<!-- not run:".length()).replace("-->", "").strip();
                continue;
            }
            if (l.startsWith("```")) {
                String info = l.substring(3).strip();
                List<String> body = new ArrayList<>();
                int start = i + 1;
                for (i = i + 1; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                    body.add(lines.get(i));
                }
                blocks.add(new Block(page, start, info, body, skip));
                skip = null;
            } else if (!l.isBlank()) {
                skip = null;
            }
        }
        return blocks;
    }

    static List<Example> examples(Block block) {
        List<Example> out = new ArrayList<>();
        StringBuilder command = null;
        List<String> expected = null;
        int line = 0;
        boolean continued = false;
        for (int i = 0; i < block.lines().size(); i++) {
            String l = block.lines().get(i);
            if (continued) {
                command.append('\n').append(l);
                continued = l.endsWith("\\");
            } else if (l.startsWith("$ ")) {
                if (command != null) {
                    out.add(new Example(command.toString(), expected, line));
                }
                command = new StringBuilder(l.substring(2));
                expected = new ArrayList<>();
                line = block.line() + i + 1;
                continued = l.endsWith("\\");
            } else if (command != null) {
                expected.add(l);
            }
        }
        if (command != null) {
            out.add(new Example(command.toString(), expected, line));
        }
        return out;
    }

    static List<Path> pages() throws IOException {
        try (Stream<Path> s = Files.list(repository().resolve("docs"))) {
            return s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
    }

    @Test
    void shouldShowEveryPromptInAConsoleBlockSoThatItRuns() throws IOException {
        List<String> wrong = new ArrayList<>();
        int runnable = 0;
        for (Path page : pages()) {
            for (Block b : blocks(page)) {
                boolean prompts = b.lines().stream().anyMatch(l -> l.startsWith("$ "));
                if (prompts && !b.info().equals("console")) {
                    wrong.add(page.getFileName() + ":" + b.line() + " (```" + b.info() + ")");
                }
                if (b.info().equals("console")) {
                    assertThat(prompts).as("console block %s:%d shows a command", page.getFileName(), b.line())
                            .isTrue();
                    runnable += b.skipReason() == null ? 1 : 0;
                }
                if (b.skipReason() != null) {
                    assertThat(b.skipReason()).as("reason to skip %s:%d", page.getFileName(), b.line()).isNotBlank();
                }
            }
        }
        assertThat(wrong).as("blocks with $ prompts must be ```console blocks (they are run)").isEmpty();
        assertThat(runnable).as("runnable examples in docs/").isGreaterThanOrEqualTo(10);
    }

    @TestFactory
    Stream<DynamicNode> shouldReproduceEveryConsoleExample() throws IOException {
        List<DynamicNode> nodes = new ArrayList<>();
        for (Path page : pages()) {
            List<Block> consoles = blocks(page).stream().filter(b -> b.info().equals("console")).toList();
            if (consoles.isEmpty()) {
                continue;
            }
            Path[] copy = {null, null};
            List<DynamicNode> tests = new ArrayList<>();
            for (Block b : consoles) {
                String name = page.getFileName() + ":" + b.line();
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    if (b.skipReason() != null) {
                        org.junit.jupiter.api.Assumptions.abort("not run: " + b.skipReason());
                    }
                    String elsewhere = RUN_BY_OTHER_TESTS.get(page.getFileName().toString());
                    if (elsewhere != null) {
                        org.junit.jupiter.api.Assumptions.abort(elsewhere);
                    }
                    if (copy[0] == null) {
                        copy[0] = copyOfRepository(page.getFileName().toString());
                        copy[1] = copy[0];
                    }
                    copy[1] = run(b, copy[0], copy[1]);
                }));
            }
            nodes.add(DynamicContainer.dynamicContainer(page.getFileName().toString(), tests));
        }
        return nodes.stream();
    }

    private static Path copyOfRepository(String name) throws IOException {
        Path root = repository();
        Path target = Files.createDirectories(work.resolve(name.replace(".md", "")));
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(root) && NOT_COPIED.contains(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(target.resolve(root.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile() && !NOT_COPIED.contains(file.getFileName().toString())) {
                    Files.copy(file, target.resolve(root.relativize(file).toString()),
                            StandardCopyOption.COPY_ATTRIBUTES);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return target;
    }

    /** Runs a block in {@code dir} of the copy {@code root}; returns the directory it ended in. */
    private static Path run(Block block, Path root, Path dir) throws Exception {
        List<Example> examples = examples(block);
        Path outputs = Files.createTempDirectory(work, "out");
        StringBuilder script = new StringBuilder("cd \"$1\" || exit 99\n");
        for (int i = 0; i < examples.size(); i++) {
            script.append("{ ").append(examples.get(i).command()).append("\n} > \"$2/").append(i)
                    .append(".out\" 2>&1\n");
        }
        script.append("pwd > \"$2/cwd\"\n");
        Path file = Files.writeString(outputs.resolve("block.sh"), script, StandardCharsets.UTF_8);
        ProcessBuilder pb = new ProcessBuilder("bash", file.toString(), dir.toString(), outputs.toString())
                .redirectErrorStream(true).redirectOutput(outputs.resolve("bash.log").toFile());
        pb.environment().put("PATH", root.resolve("bin") + ":" + System.getenv("PATH"));
        pb.environment().put("SECURE_DEPLOY_JAR", System.getProperty("secureDeploy.jar"));
        pb.environment().put("NO_COLOR", "1");
        pb.environment().remove("DEMO_DEPLOY_TOKEN");
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("%s:%d did not finish in 10 minutes", block.page().getFileName(), block.line());
        }
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            List<String> actual = trimmed(Files.readAllLines(outputs.resolve(i + ".out"), StandardCharsets.UTF_8));
            List<String> expected = trimmed(e.expected());
            if (!matches(expected, 0, actual, 0)) {
                fail("%s:%d: $ %s%n--- the page shows:%n%s%n--- the command printed:%n%s", block.page().getFileName(),
                        e.line(), e.command(), String.join("\n", expected), String.join("\n", actual));
            }
        }
        return Path.of(Files.readString(outputs.resolve("cwd"), StandardCharsets.UTF_8).strip());
    }

    private static List<String> trimmed(List<String> lines) {
        List<String> out = new ArrayList<>(lines.stream().map(String::stripTrailing).toList());
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /** {@code expected} from index {@code e} matches {@code actual} from {@code a}; a lone … spans lines. */
    static boolean matches(List<String> expected, int e, List<String> actual, int a) {
        if (e == expected.size()) {
            return a == actual.size();
        }
        if (expected.get(e).strip().equals(ELLIPSIS)) {
            for (int skip = a; skip <= actual.size(); skip++) {
                if (matches(expected, e + 1, actual, skip)) {
                    return true;
                }
            }
            return false;
        }
        return a < actual.size() && line(expected.get(e)).matcher(actual.get(a)).matches()
                && matches(expected, e + 1, actual, a + 1);
    }

    private static Pattern line(String expected) {
        String[] parts = expected.split(ELLIPSIS, -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            regex.append(i == 0 ? "" : ".*").append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString());
    }

    @Test
    void shouldMatchTheWayThePagesShowOutput() {
        assertThat(matches(List.of("a … c", "…", "z"), 0, List.of("a b c", "x", "y", "z"), 0)).isTrue();
        assertThat(matches(List.of("…"), 0, List.of(), 0)).isTrue();
        assertThat(matches(List.of("a … c"), 0, List.of("a b d"), 0)).isFalse();
        assertThat(matches(List.of("one"), 0, List.of("one", "two"), 0)).as("extra output fails").isFalse();
        assertThat(matches(List.of("a.c"), 0, List.of("abc"), 0)).as("the rest is literal").isFalse();
    }
}
