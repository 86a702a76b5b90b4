package io.jenkins.plugins.securedeploy.cli.command;

import static io.jenkins.plugins.securedeploy.cli.CommandModels.described;

import io.jenkins.plugins.securedeploy.cli.CommandModels;
import io.jenkins.plugins.securedeploy.cli.ExitCode;
import io.jenkins.plugins.securedeploy.cli.Output;
import io.jenkins.plugins.securedeploy.cli.Progress;
import io.jenkins.plugins.securedeploy.cli.SharedOptions;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.host.FileSystemWorkspace;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.scan.secrets.SecretAllowList;
import io.jenkins.plugins.securedeploy.engine.scan.secrets.SecretScanOptions;
import io.jenkins.plugins.securedeploy.engine.scan.secrets.SecretScanner;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code secure-deploy secrets DIR}: the built-in secret scanner over a folder; findings are redacted. Its picocli
 * model is built in code ({@link #spec()}, see {@link CommandModels}): the same options, help and messages as the
 * annotated command it replaced, without the reflection and annotation proxies at every start.
 */
public final class SecretsCommand implements Callable<Integer> {
    /** The command's name. */
    public static final String NAME = "secrets";

    private final CommandSpec spec = CommandSpec.wrapWithoutInspection(this);
    private final SharedOptions shared = new SharedOptions();
    private final OptionSpec includes = many("--include", "GLOB",
            "Scan only matching paths (repeatable; default: all). '**/' also matches the top level.");
    private final OptionSpec excludes = many("--exclude", "GLOB",
            "Skip matching paths (repeatable), e.g. 'vendor/**'.");
    private final OptionSpec allowFingerprints = many("--allow-fingerprint", "FP",
            "Do not report the finding with this fingerprint (repeatable).");
    private final OptionSpec allowRules = many("--allow-rule", "RULE", "Disable a rule by id (repeatable).");
    private final OptionSpec maxFileSize = described(OptionSpec.builder("--max-file-size").paramLabel("SIZE")
            .type(long.class).converters(new ByteSizeConverter())
            .initialValue(SecretScanOptions.DEFAULT_MAX_FILE_SIZE).hasInitialValue(true),
            "Skip (and list) files larger than this: bytes, or with k/m/g (KiB/MiB/GiB) "
                    + "(default: ${DEFAULT-VALUE} bytes).").build();
    private final PositionalParamSpec dir = described(PositionalParamSpec.builder().index("0").paramLabel("DIR")
            .type(Path.class).required(true).hasInitialValue(true), "Folder to scan.").build();
    private final OptionSpec threads = described(OptionSpec.builder("--threads").paramLabel("N").type(int.class)
            .defaultValue("0").initialValue(0).hasInitialValue(true),
            "Threads reading and scanning files (default: one per processor); the output order is the "
                    + "same whatever the number.").build();
    private final OptionSpec gitignore = CommandModels.flag("--gitignore", "gitignore", "Leave out what .gitignore "
            + "files ignore (as ripgrep does). Off by default: ignored files such as .env are where secrets are often "
            + "left.");
    private final OptionSpec allFolders = CommandModels.flag("--all-folders", "allFolders", "Also scan dependency "
            + "and build folders (node_modules, target/ beside pom.xml, ...), which are skipped and listed by default.");

    private SecretsCommand() {
        spec.name(NAME);
        spec.usageMessage().description("Scan a folder for committed secrets (built in, no external tool).",
                "Findings show a redacted preview and a fingerprint, never the secret.",
                "Exit 0: none found; 1: secrets found; 3: a file could not be read or bad input.");
        spec.addMixin("shared", shared.mixin());
        spec.addOption(includes);
        spec.addOption(excludes);
        spec.addOption(allowFingerprints);
        spec.addOption(allowRules);
        spec.addOption(maxFileSize);
        spec.addPositional(dir);
        spec.addOption(threads);
        spec.addOption(gitignore);
        spec.addOption(allFolders);
        CommandModels.withStandardHelp(spec);
    }

    /** A new model of the command (each run parses into its own), its user object a new command. */
    public static CommandSpec spec() {
        return new SecretsCommand().spec;
    }

    private static OptionSpec many(String name, String label, String description) {
        return described(OptionSpec.builder(name).paramLabel(label).type(List.class).auxiliaryTypes(String.class)
                .initialValue(new ArrayList<String>()).hasInitialValue(true), description).build();
    }

    @Override
    public Integer call() {
        Path dir = this.dir.getValue();
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException(Problem.of("secrets.no-such-directory",
                    Files.exists(dir) ? "is a file, not a directory (give the folder to scan)" : "does not exist",
                    Location.ofFile(dir.toString())));
        }
        int threads = this.threads.<Integer>getValue();
        if (threads < 0 || threads > SecretScanOptions.MAX_THREADS) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--threads must be between 0 (one per processor) and " + SecretScanOptions.MAX_THREADS);
        }
        List<String> includes = this.includes.getValue();
        List<String> allowFingerprints = this.allowFingerprints.getValue();
        List<String> allowRules = this.allowRules.getValue();
        SecretScanOptions options = SecretScanOptions.defaults()
                .plusExcludes(excludes.getValue())
                .withMaxFileSize(maxFileSize.<Long>getValue())
                .withAllowList(SecretAllowList.none()
                        .withFingerprints(Set.copyOf(allowFingerprints))
                        .withRuleIds(Set.copyOf(allowRules)))
                .withThreads(threads)
                .withGitignore(gitignore.<Boolean>getValue())
                .withSkipDependencyFolders(!allFolders.<Boolean>getValue());
        if (!includes.isEmpty()) {
            options = options.withIncludes(includes);
        }
        ScanResult result;
        try (Progress ignored = Progress.start(spec.commandLine().getErr(), "scanning for secrets")) {
            result = new SecretScanner().scan(new FileSystemWorkspace(dir), options);
        }
        Output output = new Output(spec, shared);
        print(output, result);
        if (result.isError()) {
            PrintWriter err = spec.commandLine().getErr();
            result.problems().stream().filter(p -> p.code().equals(SecretScanner.READ_FAILED))
                    .forEach(p -> err.println("error: " + p.describe()));
            return ExitCode.ERROR;
        }
        return result.findings().isEmpty() ? ExitCode.PASS : ExitCode.GATE_FAILED;
    }

    /**
     * {@code String.format("%-8s  %-24s  %s  %s", severity, rule, location, title)}, without a {@code Formatter} per
     * finding (it parsed the format each time, mostly interpreted, after the scan: issue 21).
     */
    static String findingLine(Finding f) {
        StringBuilder line = new StringBuilder(128);
        padded(line, String.valueOf(f.severity()), 8).append("  ");
        padded(line, f.ruleId(), 24).append("  ");
        return line.append(f.location().describe()).append("  ").append(f.title()).toString();
    }

    private static StringBuilder padded(StringBuilder to, String s, int width) {
        to.append(s);
        for (int i = s.length(); i < width; i++) {
            to.append(' ');
        }
        return to;
    }

    private static void print(Output output, ScanResult result) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Finding f : result.findings()) {
            counts.merge(f.severity(), 1, Integer::sum);
            output.line(findingLine(f));
            output.line("          fingerprint " + f.fingerprint());
        }
        for (Problem p : result.problems()) {
            if (!p.code().equals(SecretScanner.READ_FAILED)) {
                output.line("skipped   " + p.describe());
            }
        }
        String verdict = result.isError() ? "ERROR" : result.findings().isEmpty() ? "PASSED" : "FAILED";
        StringBuilder summary = new StringBuilder();
        counts.forEach((s, n) -> summary.append(summary.length() == 0 ? " (" : ", ").append(n).append(' ')
                .append(s.name().toLowerCase(Locale.ROOT)));
        output.line(result.findings().size() + " secret(s) found" + (summary.length() == 0 ? "" : summary + ")")
                + ", " + result.problems().size() + " file(s) not scanned: " + output.verdict(verdict));
        if (output.json()) { // rendering loads and starts Jackson: ~0.1 s a text-mode run does not need
            output.json(FindingsOutput.of(List.of(result)));
        }
    }
}
