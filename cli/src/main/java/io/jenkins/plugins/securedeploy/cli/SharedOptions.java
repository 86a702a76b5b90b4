package io.jenkins.plugins.securedeploy.cli;

import picocli.CommandLine.Option;

/**
 * The options every command shares, as one picocli mixin: add {@code @Mixin SharedOptions shared;} to a command and
 * build its {@link Output} with {@code new Output(spec, shared)}. With {@code --json} the command prints one JSON
 * document on stdout — on failure too: then it is the error document {@link ErrorDocument} (the root command writes
 * it for every command whose arguments contain {@code --json}, whether it uses this mixin or not).
 */
public final class SharedOptions {
    @Option(names = "--json", description = "Print one JSON document for machines; on failure an error document "
            + "(format secure-deploy-error).")
    boolean json;

    @Option(names = "--no-color", description = "No colours in the output (also: NO_COLOR set, or output piped).")
    boolean noColor;

    public boolean json() {
        return json;
    }

    public boolean noColor() {
        return noColor;
    }
}
