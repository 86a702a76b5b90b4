package io.jenkins.plugins.securedeploy.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * The options every command shares, as one picocli mixin: add {@code @Mixin SharedOptions shared;} to a command and
 * build its {@link Output} with {@code new Output(spec, shared)}. With {@code --json} the command prints one JSON
 * document on stdout — on failure too: then it is the error document {@link ErrorDocument} (the root command writes
 * it for every command whose arguments contain {@code --json}, whether it uses this mixin or not). A command whose
 * model is built in code ({@link CommandModels}) adds {@link #mixin()} under the name {@code shared}.
 */
public final class SharedOptions {
    static final String JSON = "--json";
    static final String JSON_DESCRIPTION = "Print one JSON document for machines; on failure an error document "
            + "(format secure-deploy-error).";
    static final String NO_COLOR = "--no-color";
    static final String NO_COLOR_DESCRIPTION = "No colours in the output (also: NO_COLOR set, or output piped).";

    @Option(names = JSON, description = JSON_DESCRIPTION)
    boolean json;

    @Option(names = NO_COLOR, description = NO_COLOR_DESCRIPTION)
    boolean noColor;

    public boolean json() {
        return json;
    }

    public boolean noColor() {
        return noColor;
    }

    /** The same two options as a mixin built in code, bound to this object's fields. */
    public CommandSpec mixin() {
        CommandSpec mixin = CommandSpec.wrapWithoutInspection(this);
        mixin.addOption(option(JSON, "json", JSON_DESCRIPTION, new Field(true)));
        mixin.addOption(option(NO_COLOR, "noColor", NO_COLOR_DESCRIPTION, new Field(false)));
        return mixin;
    }

    private static OptionSpec option(String name, String field, String description, Field binding) {
        return CommandModels.flag(OptionSpec.builder(name), field, description).getter(binding).setter(binding).build();
    }

    /** One of the two fields, as picocli reads and writes an annotated field (a named class: see SecureDeployCli). */
    private final class Field implements IGetter, ISetter {
        private final boolean isJson;

        Field(boolean isJson) {
            this.isJson = isJson;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get() {
            return (T) Boolean.valueOf(isJson ? json : noColor);
        }

        @Override
        public <T> T set(T value) {
            T previous = get();
            boolean v = (Boolean) value;
            if (isJson) {
                json = v;
            } else {
                noColor = v;
            }
            return previous;
        }
    }
}
