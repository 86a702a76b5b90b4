package io.jenkins.plugins.securedeploy.cli.command;

import io.jenkins.plugins.securedeploy.cli.ExitCode;
import io.jenkins.plugins.securedeploy.engine.core.SecureDeployException;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** A command line configured like the real entry point (error handling and exit codes), for one command object. */
final class SecureDeployCliAccess {
    private SecureDeployCliAccess() {}

    static CommandLine configure(CommandLine cl, StringWriter out, StringWriter err) {
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler((ex, c, r) -> {
            c.getErr().println("error: " + (ex instanceof SecureDeployException ? ex.getMessage()
                    : ex.getClass().getName()));
            return ExitCode.ERROR;
        });
        return cl;
    }
}
