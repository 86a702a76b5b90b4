package io.jenkins.plugins.securedeploy.cli.command;

import io.jenkins.plugins.securedeploy.cli.ExitCode;
import io.jenkins.plugins.securedeploy.cli.Output;
import io.jenkins.plugins.securedeploy.cli.Progress;
import io.jenkins.plugins.securedeploy.cli.SharedOptions;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResultsWriter;
import io.jenkins.plugins.securedeploy.engine.scan.runner.ToolRun;
import java.nio.file.Files;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.scan.ScannerDescriptor;
import io.jenkins.plugins.securedeploy.engine.scan.registry.ScannerRegistry;
import io.jenkins.plugins.securedeploy.engine.scan.runner.DefaultToolSpecs;
import io.jenkins.plugins.securedeploy.engine.scan.runner.ExitCodePolicy;
import io.jenkins.plugins.securedeploy.engine.scan.runner.ScanService;
import io.jenkins.plugins.securedeploy.engine.scan.runner.ToolRunner;
import io.jenkins.plugins.securedeploy.engine.scan.runner.ToolScan;
import io.jenkins.plugins.securedeploy.engine.scan.runner.ToolSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code secure-deploy scan --tool ID [--timeout 10m] [--report FILE] [--report-out FILE] [--dir DIR] [--json] --
 * <tool args...>}: runs a scanner through the engine's ScanService and prints the findings by severity; with
 * {@code --json} the findings document that {@code ingest} and {@code gate} read. Exit 3 when the scan cannot be trusted
 * (tool missing, crashed, timed out, report missing or garbled), 0 otherwise: gating is the gate command's job.
 */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a scanner and parse its report. A missing, crashed or timed-out tool, or a missing, empty "
                + "or garbled report, is an ERROR (exit 3) - never \"0 findings\".",
            "Tools with a built-in command (bandit, shellcheck) take only their target arguments after --; for other "
                + "tools give the whole command after -- (its exit code 0 is clean, anything else a crash)."},
        footer = {"%nExamples:",
            "  secure-deploy scan --tool bandit -- -r src",
            "  secure-deploy scan --tool shellcheck --json -- scripts/deploy.sh",
            "  secure-deploy scan --tool semgrep --timeout 30m -- semgrep scan --json --config p/python src",
            "  secure-deploy scan --tool checkov --report out/results_json.json -- checkov -d . -o json "
                + "--output-file-path out --soft-fail"})
public final class ScanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--tool", required = true, paramLabel = "ID",
            description = "Report format / tool id: ${COMPLETION-CANDIDATES}.", completionCandidates = ToolIds.class)
    String tool;

    @Option(names = "--timeout", defaultValue = "10m", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Kill the tool and its children after this long (e.g. 90s, 10m, 1h; default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Read the report from FILE (which the tool writes) instead of the tool's stdout.")
    String report;

    @Option(names = "--report-out", paramLabel = "FILE",
            description = "Also keep the tool's raw report (its stdout or --report file) at FILE, parsed or not.")
    Path reportOut;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = ".",
            description = "Run the tool in DIR; file paths in findings are relative to it (default: the current "
                    + "directory).")
    Path dir;

    @Mixin
    SharedOptions shared;

    @Parameters(paramLabel = "TOOL-ARGS", arity = "0..*",
            description = "After --: the tool's target arguments (bandit, shellcheck) or its whole command.")
    List<String> toolArgs = new ArrayList<>();

    @Override
    public Integer call() {
        ScannerRegistry registry = ScannerRegistry.standard();
        if (registry.find(tool).isEmpty()) {
            throw new ParameterException(spec.commandLine(), "unknown tool '" + tool + "'; known: "
                    + knownIds(registry));
        }
        ToolSpec toolSpec = DefaultToolSpecs.find(tool, toolArgs, timeout).orElse(null);
        if (toolSpec == null) {
            if (toolArgs.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "tool '" + tool + "' has no built-in command; "
                        + "give it after --, e.g. secure-deploy scan --tool " + tool + " -- " + tool + " ...");
            }
            toolSpec = ToolSpec.stdoutReport(tool, toolArgs.get(0), toolArgs.subList(1, toolArgs.size()),
                    ExitCodePolicy.zeroOnly(), timeout);
        }
        if (report != null && !report.isBlank()) {
            toolSpec = toolSpec.withReportFile(report);
        }
        // the secret masker plugs in here once the CLI has one; until then captured output is shown as is
        ScanService service = new ScanService(registry, new ToolRunner(), UnaryOperator.identity());
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException(Problem.of("scan.no-such-directory",
                    "--dir is not a directory (it does not exist or is a file)", Location.ofFile(dir.toString())));
        }
        ToolScan scan;
        try (Progress ignored = Progress.start(spec.commandLine().getErr(), "running " + tool)) {
            scan = service.scan(toolSpec, dir.toAbsolutePath().normalize(),
                    reportOut == null ? null : reportOut.toAbsolutePath());
        }
        print(new Output(spec, shared), scan);
        return scan.result().isError() ? ExitCode.ERROR : ExitCode.PASS;
    }

    private void print(Output output, ToolScan scan) {
        ScanResult result = scan.result();
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        result.findings().forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        String exit = scan.run().hasExitCode() ? "exit code " + scan.run().exitCode() : scan.run().outcome().name()
                .toLowerCase(Locale.ROOT).replace('_', ' ');
        String took = String.format(Locale.ROOT, "%.1f s", scan.run().duration().toMillis() / 1000.0);
        if (result.isError()) {
            output.line(tool + ": " + output.verdict("ERROR") + " - the scan cannot be trusted (" + exit + ", " + took
                    + ")");
        } else {
            output.line(tool + ": " + result.findings().size() + " finding" + (result.findings().size() == 1 ? "" : "s")
                    + " (" + exit + ", " + took + ")");
        }
        output.line("  " + counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining("  ")));
        for (Problem p : result.problems()) {
            output.line("  " + (result.isError() ? "" : "note: ") + p.describe().replace("\n", "\n    "));
        }
        if (reportOut != null && !output.json()) {
            output.line("  raw report kept at " + reportOut);
        }
        ToolRun run = scan.run();
        ScanResultsWriter.Run how = new ScanResultsWriter.Run(run.commandLine(), run.outcome().name(),
                run.hasExitCode() ? run.exitCode() : -1, run.duration().toMillis());
        output.json(FindingsOutput.render(List.of(new ScanResultsWriter.Entry(result, how))));
    }

    private static String knownIds(ScannerRegistry registry) {
        return registry.all().stream().map(ScannerDescriptor::id).sorted().collect(Collectors.joining(", "));
    }

    /** Tool ids for picocli's completion and help. */
    static final class ToolIds implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return ScannerRegistry.standard().all().stream().map(ScannerDescriptor::id).sorted().iterator();
        }
    }
}
