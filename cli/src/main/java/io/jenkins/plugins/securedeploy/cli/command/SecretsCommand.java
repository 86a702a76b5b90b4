package io.jenkins.plugins.securedeploy.cli.command;

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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code secure-deploy secrets DIR}: the built-in secret scanner over a folder; findings are redacted. */
@Command(name = "secrets", mixinStandardHelpOptions = true,
        description = {"Scan a folder for committed secrets (built in, no external tool).",
            "Findings show a redacted preview and a fingerprint, never the secret.",
            "Exit 0: none found; 1: secrets found; 3: a file could not be read or bad input."})
public final class SecretsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SharedOptions shared;

    @Option(names = "--include", paramLabel = "GLOB",
            description = "Scan only matching paths (repeatable; default: all). '**/' also matches the top level.")
    List<String> includes = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB", description = "Skip matching paths (repeatable), e.g. 'vendor/**'.")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--allow-fingerprint", paramLabel = "FP",
            description = "Do not report the finding with this fingerprint (repeatable).")
    List<String> allowFingerprints = new ArrayList<>();

    @Option(names = "--allow-rule", paramLabel = "RULE", description = "Disable a rule by id (repeatable).")
    List<String> allowRules = new ArrayList<>();

    @Option(names = "--max-file-size", paramLabel = "SIZE", converter = ByteSizeConverter.class,
            description = "Skip (and list) files larger than this: bytes, or with k/m/g (KiB/MiB/GiB) "
                    + "(default: ${DEFAULT-VALUE} bytes).")
    long maxFileSize = SecretScanOptions.DEFAULT_MAX_FILE_SIZE;

    @Parameters(index = "0", paramLabel = "DIR", description = "Folder to scan.")
    Path dir;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Threads reading and scanning files (default: one per processor); the output order is the "
                    + "same whatever the number.")
    int threads;

    @Option(names = "--gitignore", description = "Leave out what .gitignore files ignore (as ripgrep does). Off by "
            + "default: ignored files such as .env are where secrets are often left.")
    boolean gitignore;

    @Option(names = "--all-folders", description = "Also scan dependency and build folders (node_modules, target/ "
            + "beside pom.xml, ...), which are skipped and listed by default.")
    boolean allFolders;

    @Override
    public Integer call() {
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException(Problem.of("secrets.no-such-directory",
                    Files.exists(dir) ? "is a file, not a directory (give the folder to scan)" : "does not exist",
                    Location.ofFile(dir.toString())));
        }
        if (threads < 0 || threads > SecretScanOptions.MAX_THREADS) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--threads must be between 0 (one per processor) and " + SecretScanOptions.MAX_THREADS);
        }
        SecretScanOptions options = SecretScanOptions.defaults()
                .plusExcludes(excludes)
                .withMaxFileSize(maxFileSize)
                .withAllowList(SecretAllowList.none()
                        .withFingerprints(Set.copyOf(allowFingerprints))
                        .withRuleIds(Set.copyOf(allowRules)))
                .withThreads(threads)
                .withGitignore(gitignore)
                .withSkipDependencyFolders(!allFolders);
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

    private static void print(Output output, ScanResult result) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Finding f : result.findings()) {
            counts.merge(f.severity(), 1, Integer::sum);
            output.line(String.format(Locale.ROOT, "%-8s  %-24s  %s  %s", f.severity(), f.ruleId(),
                    f.location().describe(), f.title()));
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
