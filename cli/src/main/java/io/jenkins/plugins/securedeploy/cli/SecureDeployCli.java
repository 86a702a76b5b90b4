package io.jenkins.plugins.securedeploy.cli;

import io.jenkins.plugins.securedeploy.cli.command.DemoCommand;
import io.jenkins.plugins.securedeploy.cli.command.DigestCommand;
import io.jenkins.plugins.securedeploy.cli.command.GateCommand;
import io.jenkins.plugins.securedeploy.cli.command.IngestCommand;
import io.jenkins.plugins.securedeploy.cli.command.MaskCommand;
import io.jenkins.plugins.securedeploy.cli.command.SbomCommand;
import io.jenkins.plugins.securedeploy.cli.command.ScanCommand;
import io.jenkins.plugins.securedeploy.cli.command.SecretsCommand;
import io.jenkins.plugins.securedeploy.engine.core.SecureDeployException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code secure-deploy <command>}. Exit codes are {@link ExitCode}. */
@Command(
        name = "secure-deploy",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Secure Deploy: scan, gate, record evidence and verify it - the same engine as the Jenkins plugin.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:passed", "1:gate or verification failed", "2:usage error",
            "3:error (bad input, tool crash, I/O) - blocks like a failure"})
public final class SecureDeployCli {
    /** The subcommands, added lazily by {@link Subcommands} (only the one a command line names). */
    static final Class<?>[] SUBCOMMANDS = {
        DemoCommand.class,
        DigestCommand.class,
        GateCommand.class,
        IngestCommand.class,
        MaskCommand.class,
        SbomCommand.class,
        ScanCommand.class,
        SecretsCommand.class,
        CommandLine.HelpCommand.class
    };

    @SuppressForbidden(reason = "the CLI's process entry point owns stdout/stderr")
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(out, err, args));
    }

    /** Runs a command line with the given streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        if (Subcommands.versionOnly(args)) {
            return Subcommands.printVersion(out);
        }
        CommandLine cl = commandLine(out, err, args);
        return cl.execute(args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = Subcommands.add(new CommandLine(new SecureDeployCli()), SUBCOMMANDS, args);
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("error: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for usage.");
            return ExitCode.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
            if (ex instanceof SecureDeployException) {
                e.println(commandLine.getColorScheme().errorText("error: ") + ex.getMessage());
            } else {
                e.println(commandLine.getColorScheme().errorText("error: ") + "unexpected " + ex.getClass().getName()
                        + (ex.getMessage() == null ? "" : ": " + ex.getMessage()));
            }
            return ExitCode.ERROR;
        });
        return cl;
    }
}
