package io.jenkins.plugins.securedeploy.cli;

import io.jenkins.plugins.securedeploy.cli.command.SecretsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Lazy start-up (issue 21): picocli builds the option model of every subcommand it is given, reflectively, which was
 * most of the CLI's start-up. Only the subcommand a command line names is added — none for a bare
 * {@code --version}, all of them when the first word is not a known command (so {@code --help}, {@code help X} and
 * "unknown command" errors, with their suggestions, read as before). A command whose model is built in code
 * ({@link CommandModels}: {@code secrets}) is named without reading any annotation.
 */
final class Subcommands {
    private Subcommands() {}

    /**
     * Whether the command line is a bare {@code --version}: answered without picocli at all, whose classes (compiled
     * for Java 5) are loaded and verified from the jar on every start, because CDS cannot archive such old class files.
     */
    static boolean versionOnly(String... args) {
        return args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]));
    }

    /** Prints what picocli would print for {@code --version}; returns the exit code 0. */
    static int printVersion(java.io.PrintWriter out) {
        for (String line : new VersionProvider().getVersion()) {
            out.println(line);
        }
        out.flush();
        return ExitCode.PASS;
    }

    /** The command a command line names: its first word that is not an option (before any {@code --}), or null. */
    static String commandWord(String... args) {
        for (String a : args) {
            if ("--".equals(a)) {
                return null;
            }
            if (!a.startsWith("-")) {
                return a;
            }
        }
        return null;
    }

    /** Adds to {@code root} the subcommands of {@code all} that {@code args} needs; returns {@code root}. */
    static CommandLine add(CommandLine root, Class<?>[] all, String... args) {
        if (versionOnly(args)) {
            return root;
        }
        String first = commandWord(args);
        if (SecretsCommand.NAME.equals(first)) {
            root.addSubcommand(SecretsCommand.NAME, SecretsCommand.spec());
            return root;
        }
        for (Class<?> c : all) {
            Command command = c.getAnnotation(Command.class);
            if (first != null && !"help".equals(first) && command != null && names(command, first)) {
                root.addSubcommand(command.name(), c);
                return root;
            }
        }
        for (Class<?> c : all) {
            if (c == SecretsCommand.class) {
                root.addSubcommand(SecretsCommand.NAME, SecretsCommand.spec());
            } else {
                root.addSubcommand(c);
            }
        }
        return root;
    }

    private static boolean names(Command command, String word) {
        if (command.name().equals(word)) {
            return true;
        }
        for (String alias : command.aliases()) {
            if (alias.equals(word)) {
                return true;
            }
        }
        return false;
    }
}
