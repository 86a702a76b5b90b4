package io.jenkins.plugins.securedeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SecureDeployCliTest {
    @TempDir
    Path temp;

    @Test
    void shouldPrintItsVersion() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exitCode()).isEqualTo(ExitCode.PASS);
        assertThat(run.out()).startsWith("secure-deploy ");
    }

    @Test
    void shouldOfferHelpForEveryCommand() {
        CommandLine root = SecureDeployCli.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        List<List<String>> paths = new ArrayList<>();
        collect(root, new ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThan(2);
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.exitCode()).as("exit code of %s --help", path).isZero();
            assertThat(run.out()).as("help of %s", path).contains("Usage:");
        }
    }

    private static void collect(CommandLine cl, List<String> prefix, List<List<String>> out) {
        out.add(prefix);
        cl.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help") && sub.getCommandName().equals(name)) {
                List<String> p = new ArrayList<>(prefix);
                p.add(name);
                collect(sub, p, out);
            }
        });
    }

    @Test
    void shouldExitWithUsageErrorOnUnknownOptions() {
        CliRun run = CliRun.of("digest", "--no-such-option", "x");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("error: Unknown option: '--no-such-option'").contains("--help");
    }

    @Test
    void shouldHashFilesForHumansAndMachines() throws Exception {
        Path f = Files.writeString(temp.resolve("abc.txt"), "abc", StandardCharsets.UTF_8);

        CliRun human = CliRun.of("digest", f.toString());
        assertThat(human.exitCode()).isZero();
        assertThat(human.out()).contains("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

        CliRun json = CliRun.of("digest", "--json", f.toString());
        assertThat(json.out()).contains("\"sha512\" : \"ddaf35a193617aba");
    }

    @Test
    void shouldFailClosedWithAClearMessageAndNoStackTrace() {
        CliRun run = CliRun.of("digest", temp.resolve("missing.bin").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).contains("error: cannot read " + temp.resolve("missing.bin") + " to hash it: it does "
                + "not exist").doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void shouldNameTheMissingSampleFolder() {
        CliRun run = CliRun.of("demo", "--samples", temp.resolve("nope").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).contains("nope").contains("sample project not found");
    }
}
