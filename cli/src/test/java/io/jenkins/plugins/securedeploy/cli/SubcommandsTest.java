package io.jenkins.plugins.securedeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Only the subcommand a command line names is built; help, unknown words and no words get them all. */
class SubcommandsTest {
    private static CommandLine root(String... args) {
        PrintWriter quiet = new PrintWriter(new StringWriter());
        return SecureDeployCli.commandLine(quiet, quiet, args);
    }

    @Test
    void shouldBuildOnlyWhatTheCommandLineNeeds() {
        assertThat(root("--version").getSubcommands()).isEmpty();
        assertThat(root("secrets", "--json", ".").getSubcommands()).containsOnlyKeys("secrets");
        assertThat(root("sbom", "generate", "x").getSubcommands()).containsOnlyKeys("sbom");
        assertThat(root("--help").getSubcommands()).hasSize(SecureDeployCli.SUBCOMMANDS.length);
        assertThat(root("help", "secrets").getSubcommands()).hasSize(SecureDeployCli.SUBCOMMANDS.length);
        assertThat(root("no-such-command").getSubcommands()).hasSize(SecureDeployCli.SUBCOMMANDS.length);
        assertThat(root().getSubcommands()).hasSize(SecureDeployCli.SUBCOMMANDS.length);
    }

    @Test
    void shouldFindTheCommandWordAsTheSubcommandsAreChosen() {
        assertThat(Subcommands.commandWord("secrets", "--json", ".")).isEqualTo("secrets");
        assertThat(Subcommands.commandWord("--no-color", "secrets", "x")).isEqualTo("secrets");
        assertThat(Subcommands.commandWord("--", "secrets")).isNull();
        assertThat(Subcommands.commandWord("--json")).isNull();
        assertThat(Subcommands.commandWord()).isNull();
        assertThat(Subcommands.commandWord("-h", "digest", "secrets")).isEqualTo("digest");
    }

    @Test
    void shouldRunANamedCommandAsBefore() {
        StringWriter out = new StringWriter();
        int code = SecureDeployCli.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                "--version");

        assertThat(code).isZero();
        assertThat(out.toString()).startsWith("secure-deploy ");
    }
}
