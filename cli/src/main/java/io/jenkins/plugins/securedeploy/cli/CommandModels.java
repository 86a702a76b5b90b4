package io.jenkins.plugins.securedeploy.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Start-up (issue 21): picocli models built in code instead of read from annotations. Reading a model from
 * annotations is reflection plus one generated proxy class per annotation type, at every start (JDK 17's AppCDS
 * cannot archive proxy classes) — it was ~45 % of the main thread's time in a small {@code secrets} scan. The root
 * command and {@code secrets} are built here and in {@code SecretsCommand#spec()}; every other command is still read
 * from its annotations, and only when a command line needs it ({@link Subcommands}). {@code CommandModelsTest}
 * holds the annotated originals and proves the usage help, the model and the error messages equal to them.
 */
public final class CommandModels {
    /** The key under which picocli keeps the standard help options ({@code mixinStandardHelpOptions = true}). */
    static final String STANDARD_HELP = "mixinStandardHelpOptions";

    private CommandModels() {}

    /** The root command {@code secure-deploy}, with no subcommands. */
    static CommandSpec root() {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(new SecureDeployCli());
        spec.name(SecureDeployCli.NAME);
        spec.versionProvider(new VersionProvider());
        spec.usageMessage()
                .description(SecureDeployCli.DESCRIPTION)
                .exitCodeListHeading(SecureDeployCli.EXIT_CODE_LIST_HEADING)
                .exitCodeList(UsageMessageSpec.keyValuesMap(SecureDeployCli.EXIT_CODE_LIST));
        return withStandardHelp(spec);
    }

    /**
     * Adds {@code -h, --help} and {@code -V, --version} to {@code spec} exactly as picocli's
     * {@code mixinStandardHelpOptions = true} does (the same names, which a system property may rename, the same
     * descriptions and resource-bundle keys, under the same mixin key), without reading picocli's annotated mixin.
     * Call it last, as picocli does.
     */
    public static CommandSpec withStandardHelp(CommandSpec spec) {
        CommandSpec help = CommandSpec.create();
        help.addOption(flag(OptionSpec.builder("${picocli.help.name.0:--h}", "${picocli.help.name.1:---help}"),
                "helpRequested", "Show this help message and exit.").usageHelp(true)
                .descriptionKey("mixinStandardHelpOptions.help").build());
        help.addOption(flag(OptionSpec.builder("${picocli.version.name.0:--V}", "${picocli.version.name.1:---version}"),
                "versionRequested", "Print version information and exit.").versionHelp(true)
                .descriptionKey("mixinStandardHelpOptions.version").build());
        return spec.addMixin(STANDARD_HELP, help);
    }

    /** A boolean option of {@code arity 0}, {@code false} unless given, as an annotated {@code boolean field} is. */
    public static OptionSpec flag(String name, String field, String description) {
        return flag(OptionSpec.builder(name), field, description).build();
    }

    /**
     * A boolean option as picocli reads it from an annotated {@code boolean field}: {@code false} unless given, its
     * parameter label {@code <field>} (error messages name it, e.g. "should be specified only once").
     */
    public static OptionSpec.Builder flag(OptionSpec.Builder option, String field, String description) {
        return described(option.type(boolean.class).initialValue(false).hasInitialValue(true)
                .paramLabel("<" + field + ">"), description);
    }

    /** Sets {@code description} and the empty defaults an annotation leaves (description key, prompt). */
    public static OptionSpec.Builder described(OptionSpec.Builder option, String description) {
        return option.description(description).descriptionKey("").prompt("");
    }

    /** Sets {@code description} and the empty defaults an annotation leaves (description key, prompt). */
    public static PositionalParamSpec.Builder described(PositionalParamSpec.Builder parameter, String description) {
        return parameter.description(description).descriptionKey("").prompt("");
    }
}
