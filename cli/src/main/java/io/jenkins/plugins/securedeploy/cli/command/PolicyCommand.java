package io.jenkins.plugins.securedeploy.cli.command;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code secure-deploy policy}: commands for policy authors. */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = "Policy authoring: 'policy test' evaluates a policy's rules against a sample input.",
        subcommands = {PolicyTestCommand.class, CommandLine.HelpCommand.class})
public final class PolicyCommand {
}
