package io.jenkins.plugins.securedeploy.cli;

import io.jenkins.plugins.securedeploy.cli.command.CredsCommand;
import io.jenkins.plugins.securedeploy.cli.command.AttestCommand;
import io.jenkins.plugins.securedeploy.cli.command.DemoCommand;
import io.jenkins.plugins.securedeploy.cli.command.DigestCommand;
import io.jenkins.plugins.securedeploy.cli.command.GateCommand;
import io.jenkins.plugins.securedeploy.cli.command.IngestCommand;
import io.jenkins.plugins.securedeploy.cli.command.MaskCommand;
import io.jenkins.plugins.securedeploy.cli.command.OidcCommand;
import io.jenkins.plugins.securedeploy.cli.command.SbomCommand;
import io.jenkins.plugins.securedeploy.cli.command.ScanCommand;
import io.jenkins.plugins.securedeploy.cli.command.SecretsCommand;
import io.jenkins.plugins.securedeploy.cli.command.VerifyCommand;
import io.jenkins.plugins.securedeploy.cli.command.BundleCommand;
import io.jenkins.plugins.securedeploy.cli.command.VerifyBundleCommand;
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
        subcommands = {
            CredsCommand.class,
            DemoCommand.class,
            DigestCommand.class,
            GateCommand.class,
            IngestCommand.class,
            MaskCommand.class,
            OidcCommand.class,
            SbomCommand.class,
            ScanCommand.class,
            SecretsCommand.class,
            AttestCommand.class,
            VerifyCommand.class,
            BundleCommand.class,
            VerifyBundleCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:passed", "1:gate or verification failed", "2:usage error",
            "3:error (bad input, tool crash, I/O) - blocks like a failure"})
public final class SecureDeployCli {

    @SuppressForbidden(reason = "the CLI's process entry point owns stdout/stderr")
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(out, err, args));
    }

    /** Runs a command line with the given streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine(out, err);
        return cl.execute(args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new SecureDeployCli());
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
