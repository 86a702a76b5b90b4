package io.jenkins.plugins.securedeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.cli.command.ByteSizeConverter;
import io.jenkins.plugins.securedeploy.cli.command.SecretsCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The models built in code ({@link CommandModels#root()}, {@link SecretsCommand#spec()}) against the annotated
 * commands they replaced, kept here verbatim as the oracle: every property of every option, parameter and of the
 * usage message is the same, and so are the usage help, the help listing every command and the messages and exit
 * codes of command lines picocli rejects.
 */
class CommandModelsTest {
    /** The root command as it was annotated before its model was built in code. */
    @Command(
            name = "secure-deploy",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            description = "Secure Deploy: scan, gate, record evidence and verify it - the same engine as the Jenkins "
                    + "plugin.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:passed", "1:gate or verification failed", "2:usage error",
                "3:error (bad input, tool crash, I/O) - blocks like a failure"})
    static final class AnnotatedRoot {}

    /** {@code secrets} as it was annotated before its model was built in code (the fields, not the behaviour). */
    @Command(name = "secrets", mixinStandardHelpOptions = true,
            description = {"Scan a folder for committed secrets (built in, no external tool).",
                "Findings show a redacted preview and a fingerprint, never the secret.",
                "Exit 0: none found; 1: secrets found; 3: a file could not be read or bad input."})
    static final class AnnotatedSecrets implements Callable<Integer> {
        @Mixin
        SharedOptions shared;

        @Option(names = "--include", paramLabel = "GLOB",
                description = "Scan only matching paths (repeatable; default: all). '**/' also matches the top level.")
        List<String> includes = new ArrayList<>();

        @Option(names = "--exclude", paramLabel = "GLOB",
                description = "Skip matching paths (repeatable), e.g. 'vendor/**'.")
        List<String> excludes = new ArrayList<>();

        @Option(names = "--allow-fingerprint", paramLabel = "FP",
                description = "Do not report the finding with this fingerprint (repeatable).")
        List<String> allowFingerprints = new ArrayList<>();

        @Option(names = "--allow-rule", paramLabel = "RULE", description = "Disable a rule by id (repeatable).")
        List<String> allowRules = new ArrayList<>();

        @Option(names = "--max-file-size", paramLabel = "SIZE", converter = ByteSizeConverter.class,
                description = "Skip (and list) files larger than this: bytes, or with k/m/g (KiB/MiB/GiB) "
                        + "(default: ${DEFAULT-VALUE} bytes).")
        long maxFileSize = 10L * 1024 * 1024;

        @Parameters(index = "0", paramLabel = "DIR", description = "Folder to scan.")
        Path dir;

        @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
                description = "Threads reading and scanning files (default: one per processor); the output order is "
                        + "the same whatever the number.")
        int threads;

        @Option(names = "--gitignore", description = "Leave out what .gitignore files ignore (as ripgrep does). Off "
                + "by default: ignored files such as .env are where secrets are often left.")
        boolean gitignore;

        @Option(names = "--all-folders", description = "Also scan dependency and build folders (node_modules, "
                + "target/ beside pom.xml, ...), which are skipped and listed by default.")
        boolean allFolders;

        boolean ran;

        @Override
        public Integer call() {
            ran = true; // the oracle only parses: the caller compares what the built command then does
            return ExitCode.PASS;
        }
    }

    @TempDir
    Path dir;

    private static final PrintWriter QUIET = new PrintWriter(new StringWriter());

    private static CommandLine annotatedRoot(boolean allCommands) {
        return annotatedRoot(allCommands, new AnnotatedSecrets());
    }

    private static CommandLine annotatedRoot(boolean allCommands, AnnotatedSecrets secrets) {
        CommandLine root = new CommandLine(new AnnotatedRoot());
        if (allCommands) {
            for (Class<?> c : SecureDeployCli.SUBCOMMANDS) {
                if (c == SecretsCommand.class) {
                    root.addSubcommand(secrets);
                } else {
                    root.addSubcommand(c);
                }
            }
        } else {
            root.addSubcommand(secrets);
        }
        return root;
    }

    @Test
    void shouldBuildTheSameSecretsModelAsTheAnnotations() {
        List<String[]> lines = List.of(new String[] {"."}, new String[] {"--include", "a/**", "--include", "b",
            "--exclude", "c", "--allow-fingerprint", "f", "--allow-rule", "r", "--max-file-size", "1k", "--threads",
            "3", "--gitignore", "--all-folders", "--json", "--no-color", "d"});
        for (String[] line : lines) {
            CommandLine annotated = new CommandLine(new AnnotatedSecrets());
            CommandLine built = new CommandLine(SecretsCommand.spec());
            annotated.parseArgs(line);
            built.parseArgs(line);

            assertThat(describe(built.getCommandSpec())).as(String.join(" ", line))
                    .isEqualTo(describe(annotated.getCommandSpec()));
            assertThat(built.getCommandSpec().mixins().keySet()).isEqualTo(annotated.getCommandSpec().mixins().keySet());
        }
        CommandSpec built = SecretsCommand.spec();
        assertThat(built.mixins().get("shared").userObject()).isInstanceOf(SharedOptions.class);
        assertThat(built.mixinStandardHelpOptions()).isTrue();
    }

    @Test
    void shouldBuildTheSameRootModelAsTheAnnotations() {
        CommandLine annotated = new CommandLine(new AnnotatedRoot());
        CommandLine built = new CommandLine(CommandModels.root());
        annotated.parseArgs();
        built.parseArgs();

        assertThat(describe(built.getCommandSpec())).isEqualTo(describe(annotated.getCommandSpec()));
        assertThat(built.getCommandSpec().versionProvider()).isInstanceOf(VersionProvider.class);
        assertThat(built.getCommandSpec().mixinStandardHelpOptions()).isTrue();
    }

    @Test
    void shouldPrintTheSameUsageHelp() {
        for (Ansi ansi : List.of(Ansi.OFF, Ansi.ON)) {
            CommandLine annotated = annotatedRoot(true);
            CommandLine built = SecureDeployCli.commandLine(QUIET, QUIET, "--help");
            assertThat(built.getUsageMessage(ansi)).as("root, %s", ansi).isEqualTo(annotated.getUsageMessage(ansi));
            assertThat(built.getSubcommands().get("secrets").getUsageMessage(ansi)).as("secrets, %s", ansi)
                    .isEqualTo(annotated.getSubcommands().get("secrets").getUsageMessage(ansi))
                    .contains("(default: 10485760", "--help", "--no-color");
            assertThat(SecureDeployCli.commandLine(QUIET, QUIET, "secrets", ".").getSubcommands().get("secrets")
                    .getUsageMessage(ansi)).isEqualTo(built.getSubcommands().get("secrets").getUsageMessage(ansi));
        }
    }

    @Test
    void shouldAnswerTheSameToCommandLinesPicocliHandles() {
        String d = dir.toString();
        List<String[]> lines = List.of(
                new String[] {"secrets", "--help"}, new String[] {"secrets", "-h"}, new String[] {"--help"},
                new String[] {"-h"}, new String[] {"help", "secrets"}, new String[] {"help"}, new String[] {},
                new String[] {"secrets"}, new String[] {"secrets", "--json"}, new String[] {"secrets", "--nope", d},
                new String[] {"secrets", "--threads", "x", d}, new String[] {"secrets", "--threads", d},
                new String[] {"secrets", "--threads=", d}, new String[] {"secrets", "--max-file-size", "-5", d},
                new String[] {"secrets", "--max-file-size", "10x", d}, new String[] {"secrets", "--include"},
                new String[] {"secrets", d, "extra"}, new String[] {"secrets", "--json", d, "extra"},
                new String[] {"secrets", "--gitignore=yes", d}, new String[] {"secrets", "--threads", "1",
                    "--threads", "2", d}, new String[] {"secrets", "-x", d}, new String[] {"secretz", d},
                new String[] {"--no-such", "secrets"}, new String[] {"secrets", "--no-color", "--nope", d},
                new String[] {"secrets", "--version"}, new String[] {"-V", "secrets"},
                new String[] {"secrets", "--gitignore", "--gitignore", d}, new String[] {"secrets", "--json", "--json", d},
                new String[] {"secrets", "-h", "-h"}, new String[] {"secrets", "--help=x"},
                new String[] {"secrets", "--all-folders=false", d}, new String[] {"secrets", "--include=", "--x", d},
                new String[] {"secrets", "--max-file-size", "1k", "--max-file-size", "2k", d},
                new String[] {"secrets", "-hV"}, new String[] {"secrets", "--", d});
        for (String[] line : lines) {
            StringWriter aOut = new StringWriter();
            StringWriter aErr = new StringWriter();
            AnnotatedSecrets secrets = new AnnotatedSecrets();
            CommandLine annotated = SecureDeployCli.configure(annotatedRoot(!Arrays.asList(line).contains("secrets")
                    || "help".equals(line[0]), secrets), new PrintWriter(aOut, true), new PrintWriter(aErr, true));
            int annotatedCode = SecureDeployCli.execute(annotated, line);
            CliRun built = CliRun.of(line);

            String what = String.join(" ", line);
            if (secrets.ran) { // a valid command line: the built command scanned the (empty) folder
                assertThat(built.exitCode()).as("exit code of %s", what).isEqualTo(ExitCode.PASS);
                assertThat(built.err()).as("stderr of %s", what).isEmpty();
                continue;
            }
            assertThat(built.err()).as("stderr of %s", what).isEqualTo(aErr.toString());
            assertThat(built.out()).as("stdout of %s", what).isEqualTo(aOut.toString());
            assertThat(built.exitCode()).as("exit code of %s", what).isEqualTo(annotatedCode);
        }
    }

    /** Every public property of the command, its usage message and its arguments, as text, in order. */
    private static String describe(CommandSpec spec) {
        StringBuilder out = new StringBuilder();
        properties(spec, out, Set.of("commandLine", "userObject", "parent", "root", "versionProvider",
                "defaultValueProvider", "negatableOptionTransformer", "modelTransformer", "preprocessor",
                "resourceBundle", "usageMessage", "parser", "subcommands", "mixins",
                "mixinAnnotatedElements", "args", "options", "optionsMap", "positionalParameters", "requiredArgs",
                "posixOptionsMap", "negatedOptionsMap", "argGroups", "unmatchedArgsBindings", "specElements",
                "methodParamValues", "typedSubcommands", "commandMethodParamValues", "toString"));
        properties(spec.usageMessage(), out, Set.of("messages", "sectionMap", "colorScheme"));
        properties(spec.parser(), out, Set.of());
        for (ArgSpec arg : spec.args()) {
            out.append("--\n");
            properties(arg, out, Set.of("getter", "setter", "scope", "userObject", "command", "commandSpec",
                    "annotatedElement", "messages", "group", "preprocessor", "parameterConsumer", "toString",
                    "typeInfo", "root", "hashCode"));
        }
        return out.toString();
    }

    private static void properties(Object o, StringBuilder out, Set<String> skip) {
        Map<String, String> values = new TreeMap<>();
        for (Method m : o.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class
                    || skip.contains(m.getName()) || m.getReturnType() == void.class) {
                continue;
            }
            try {
                values.put(m.getName(), render(m.invoke(o)));
            } catch (ReflectiveOperationException | RuntimeException e) {
                values.put(m.getName(), "throws " + e.getClass().getSimpleName());
            }
        }
        values.forEach((k, v) -> out.append(o.getClass().getSimpleName()).append('.').append(k).append(" = ")
                .append(v).append('\n'));
    }

    private static String render(Object v) {
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean || v instanceof Character
                || v instanceof Enum<?> || v instanceof Class<?> || v instanceof CommandLine.Range) {
            return String.valueOf(v);
        }
        if (v instanceof Object[] array) {
            List<String> items = new ArrayList<>();
            for (Object item : array) {
                items.add(render(item));
            }
            return items.toString();
        }
        if (v instanceof Collection<?> c) {
            return render(c.toArray());
        }
        if (v instanceof Map<?, ?> m) {
            List<String> items = new ArrayList<>();
            m.forEach((k, value) -> items.add(render(k) + "=" + render(value)));
            return items.toString();
        }
        return v.getClass().getName().replaceAll("\\$\\$Lambda.*", "$$Lambda");
    }
}
