package io.jenkins.plugins.securedeploy.cli;

import io.jenkins.plugins.securedeploy.cli.command.CredsCommand;
import io.jenkins.plugins.securedeploy.cli.command.AttestCommand;
import io.jenkins.plugins.securedeploy.cli.command.ApproveCommand;
import io.jenkins.plugins.securedeploy.cli.command.AuditCommand;
import io.jenkins.plugins.securedeploy.cli.command.DemoCommand;
import io.jenkins.plugins.securedeploy.cli.command.DigestCommand;
import io.jenkins.plugins.securedeploy.cli.command.GateCommand;
import io.jenkins.plugins.securedeploy.cli.command.HardenCommand;
import io.jenkins.plugins.securedeploy.cli.command.IngestCommand;
import io.jenkins.plugins.securedeploy.cli.command.MaskCommand;
import io.jenkins.plugins.securedeploy.cli.command.OidcCommand;
import io.jenkins.plugins.securedeploy.cli.command.PolicyCommand;
import io.jenkins.plugins.securedeploy.cli.command.SbomCommand;
import io.jenkins.plugins.securedeploy.cli.command.ScanCommand;
import io.jenkins.plugins.securedeploy.cli.command.SecretsCommand;
import io.jenkins.plugins.securedeploy.cli.command.VerifyCommand;
import io.jenkins.plugins.securedeploy.cli.command.BundleCommand;
import io.jenkins.plugins.securedeploy.cli.command.VerifyBundleCommand;
import io.jenkins.plugins.securedeploy.cli.command.DeployCommand;
import io.jenkins.plugins.securedeploy.cli.command.PromoteCommand;
import io.jenkins.plugins.securedeploy.cli.command.RollbackCommand;
import io.jenkins.plugins.securedeploy.engine.core.SecureDeployException;
import io.jenkins.plugins.securedeploy.engine.scan.secrets.SecretScanner;
import io.jenkins.plugins.securedeploy.cli.command.DateConverter;
import io.jenkins.plugins.securedeploy.cli.command.DurationConverter;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Entry point: {@code secure-deploy <command>}. Exit codes are {@link ExitCode}. The root command's model is built
 * in code from the constants below ({@link CommandModels#root()}: no annotations read at start).
 */
public final class SecureDeployCli {
    static final String NAME = "secure-deploy";
    static final String DESCRIPTION =
            "Secure Deploy: scan, gate, record evidence and verify it - the same engine as the Jenkins plugin.";
    static final String EXIT_CODE_LIST_HEADING = "%nExit codes:%n";
    static final String[] EXIT_CODE_LIST = {"0:passed", "1:gate or verification failed", "2:usage error",
        "3:error (bad input, tool crash, I/O) - blocks like a failure"};

    /** The subcommands, added lazily by {@link Subcommands} (only the one a command line names). */
    static final Class<?>[] SUBCOMMANDS = {
        CredsCommand.class,
        ApproveCommand.class,
        AuditCommand.class,
        DemoCommand.class,
        DigestCommand.class,
        GateCommand.class,
        HardenCommand.class,
        IngestCommand.class,
        MaskCommand.class,
        OidcCommand.class,
        PolicyCommand.class,
        SbomCommand.class,
        ScanCommand.class,
        SecretsCommand.class,
        AttestCommand.class,
        VerifyCommand.class,
        BundleCommand.class,
        VerifyBundleCommand.class,
        DeployCommand.class,
        PromoteCommand.class,
        RollbackCommand.class,
        CommandLine.HelpCommand.class
    };

    @SuppressForbidden(reason = "the CLI's process entry point owns stdout/stderr")
    public static void main(String[] args) {
        // start-up (issue 21): picocli's default factory otherwise looks for Groovy's Closure class at first use, and
        // that class is in no module and not in the AppCDS archive: the lookup opens and indexes the whole jar
        System.setProperty("picocli.disable.closures", "true");
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(out, err, args));
    }

    /** Runs a command line with the given streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        if (Subcommands.versionOnly(args)) {
            return Subcommands.printVersion(out);
        }
        if (SecretsCommand.NAME.equals(Subcommands.commandWord(args))) {
            SecretScanner.warmUp(); // the rules and detector tables are built on a spare core while picocli parses
        }
        return execute(commandLine(out, err, args), args);
    }

    /**
     * Executes {@code args} on {@code cl} with the CLI's failure rules: a usage error exits 2, any other failure 3
     * (never 1, which means "a gate or verification failed"), each with one plain line on stderr naming the file and
     * the reason, never a stack trace; with {@code --json} stdout gets an {@link ErrorDocument}. Running out of heap
     * or stack is such a failure too, with a hint how to give the JVM more.
     */
    public static int execute(CommandLine cl, String... args) {
        Failures failures = new Failures(jsonRequested(args), has(args, "--no-color"));
        cl.setParameterExceptionHandler(failures);
        cl.setExecutionExceptionHandler(failures);
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            // picocli lets Errors through: name the subcommand that was running
            CommandLine.ParseResult parsed = cl.getParseResult();
            CommandLine running = cl;
            while (parsed != null && parsed.hasSubcommand()) {
                parsed = parsed.subcommand();
                running = parsed.commandSpec().commandLine();
            }
            return failures.error(e, running, cl);
        }
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err, String... args) {
        return configure(Subcommands.add(new CommandLine(CommandModels.root()), SUBCOMMANDS, args), out, err);
    }

    /** Sets the streams, converters and failure handlers of the CLI on {@code cl}; returns it. */
    static CommandLine configure(CommandLine cl, PrintWriter out, PrintWriter err) {
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // one converter per value type for every command (also those added later): 90s, 5m, 1h, PT10M; YYYY-MM-DD
        cl.registerConverter(Duration.class, new DurationConverter());
        cl.registerConverter(LocalDate.class, new DateConverter());
        Failures failures = new Failures(false, false);
        cl.setParameterExceptionHandler(failures);
        cl.setExecutionExceptionHandler(failures);
        return cl;
    }

    /** Whether {@code --json} is among the options (before a {@code --} that starts a tool's own arguments). */
    static boolean jsonRequested(String... args) {
        return has(args, "--json");
    }

    private static boolean has(String[] args, String option) {
        for (String a : args) {
            if ("--".equals(a)) {
                return false;
            }
            if (option.equals(a)) {
                return true;
            }
        }
        return false;
    }

    /**
     * How a failed command is reported. A named class, not lambdas: picocli's class files are Java 5 (version 49), and
     * JDK 17's AppCDS dump (cli's package phase) crashes on a lambda that implements such an old interface
     * (JDK-8274944's family: SIGSEGV in adjust_lambda_proxy_class_dictionary). Keep lambdas away from picocli types.
     */
    private record Failures(boolean json, boolean noColor)
            implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            return usage(ex, args);
        }

        @Override
        public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
            return error(ex, cl);
        }

        int usage(CommandLine.ParameterException ex, String[] args) {
            CommandLine cl = ex.getCommandLine();
            PrintWriter e = cl.getErr();
            e.println(prefix(cl) + ex.getMessage());
            e.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for usage.");
            e.flush();
            if (json) {
                cl.getOut().println(ErrorDocument.usage(ex.getMessage()));
                cl.getOut().flush();
            }
            return ExitCode.USAGE;
        }

        int error(Throwable ex, CommandLine cl) {
            return error(ex, cl, cl);
        }

        /** Reports {@code ex} of the command {@code cl} on the streams of {@code streams}. */
        int error(Throwable ex, CommandLine cl, CommandLine streams) {
            Throwable t = ex;
            for (Throwable c = ex; c != null; c = c.getCause() == c ? null : c.getCause()) {
                if (c instanceof VirtualMachineError) {
                    t = c;
                    break;
                }
            }
            String message = message(t, cl);
            streams.getErr().println(prefix(cl) + message);
            streams.getErr().flush();
            if (json) {
                streams.getOut().println(ErrorDocument.error(message, t));
                streams.getOut().flush();
            }
            return ExitCode.ERROR;
        }

        private static String message(Throwable t, CommandLine cl) {
            String command = cl.getCommandSpec().qualifiedName();
            if (t instanceof OutOfMemoryError) {
                return command + " ran out of memory (the JVM may use at most "
                        + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB); the input is too large for this "
                        + "heap: give the JVM more, e.g. SECURE_DEPLOY_JAVA_OPTS=-Xmx2g secure-deploy ... or "
                        + "java -Xmx2g -jar secure-deploy.jar ...";
            }
            if (t instanceof StackOverflowError) {
                return command + " ran out of stack: the input is nested too deeply to process";
            }
            if (t instanceof SecureDeployException) {
                return t.getMessage();
            }
            return "internal error in " + command + " (" + t.getClass().getSimpleName() + ")"
                    + (t.getMessage() == null ? "" : ": " + t.getMessage()) + "; please report it";
        }

        private String prefix(CommandLine cl) {
            return noColor ? "error: " : cl.getColorScheme().errorText("error: ").toString();
        }
    }
}
