package io.jenkins.plugins.securedeploy.cli.command;

import io.jenkins.plugins.securedeploy.cli.ExitCode;
import io.jenkins.plugins.securedeploy.cli.Output;
import io.jenkins.plugins.securedeploy.cli.Progress;
import io.jenkins.plugins.securedeploy.cli.SharedOptions;
import io.jenkins.plugins.securedeploy.engine.core.EnvironmentException;
import io.jenkins.plugins.securedeploy.engine.core.IoReason;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.scan.registry.ReportInputs;
import io.jenkins.plugins.securedeploy.engine.report.SarifWriter;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.registry.ReportIngest;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.scan.registry.ScannerRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code secure-deploy ingest [--format ID] [--json] [--sarif FILE] REPORT...}: parse scanner reports, print the
 * findings per tool and severity; {@code --json} prints every normalised finding as the findings document that
 * {@code gate} reads, {@code --sarif} writes them as SARIF 2.1.0.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Read scanner reports (SARIF, Trivy, Grype, Gitleaks, OSV-Scanner, npm audit, ..., and the "
                + "findings documents of scan/secrets/ingest --json) and print the findings per tool and severity.",
            "The format is detected from the content unless --format or tool=path is given. A report that is missing, "
                + "empty, unrecognised or malformed is an ERROR (exit 3), never \"0 findings\". Gating is 'gate'."},
        footer = {"%nExamples:", "  secure-deploy ingest trivy.json codeql.sarif",
            "  secure-deploy ingest --json --sarif all.sarif gitleaks=leaks.json bandit.json > findings.json"})
public final class IngestCommand implements Callable<Integer> {
    private static final Severity[] ORDER = {Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW,
        Severity.INFO, Severity.UNKNOWN};

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "ID", description = "Report format id for every REPORT without "
            + "tool= (skips detection): ${COMPLETION-CANDIDATES}.", completionCandidates = ScanCommand.ToolIds.class)
    String format;

    @Option(names = "--sarif", paramLabel = "FILE", description = "Also write every finding as SARIF 2.1.0 (for "
            + "code-scanning dashboards).")
    Path sarif;

    @Mixin
    SharedOptions shared;

    @Parameters(arity = "1..*", paramLabel = "REPORT", description = "Report files, or tool=path.")
    List<String> reports;

    @Override
    public Integer call() {
        ReportIngest ingest = ReportIngest.standard();
        if (format != null && ScannerRegistry.standard().find(format.trim()).isEmpty()) {
            throw new ParameterException(spec.commandLine(), "unknown --format '" + format + "'; supported: "
                    + ingest.detector().supportedIds());
        }
        Output output = new Output(spec, shared);
        List<ScanResult> results;
        try (Progress ignored = Progress.start(spec.commandLine().getErr(), "reading reports")) {
            results = new ReportInputs(ingest).read(reports, Path.of(""), format);
        }
        Map<String, Map<Severity, Integer>> perTool = new LinkedHashMap<>();
        boolean anyError = false;
        for (ScanResult r : results) {
            Map<Severity, Integer> counts = counts(r.findings());
            if (r.isError()) {
                anyError = true;
                output.line(output.verdict("ERROR") + "  " + r.source() + " (" + r.tool() + ")");
                r.problems().forEach(p -> output.line("    " + p.describe()));
                continue;
            }
            Map<Severity, Integer> tool = perTool.computeIfAbsent(r.tool(), t -> new EnumMap<>(Severity.class));
            counts.forEach((s, n) -> tool.merge(s, n, Integer::sum));
            output.line("OK     " + r.source() + " (" + r.tool() + (r.toolVersion().isEmpty() ? "" : " "
                    + r.toolVersion()) + "): " + r.findings().size() + " findings  " + describe(counts));
        }
        if (!perTool.isEmpty()) {
            output.line("");
            output.line("Per tool:");
            perTool.forEach((tool, counts) -> output.line(String.format(Locale.ROOT, "  %-14s %5d  %s",
                    tool, counts.values().stream().mapToInt(Integer::intValue).sum(), describe(counts))));
        }
        if (anyError) {
            output.line("");
            output.line(output.verdict("ERROR") + ": at least one report could not be read; its findings are "
                    + "unknown (exit " + ExitCode.ERROR + ")");
        }
        if (sarif != null) {
            write(sarif, new SarifWriter().write(results));
            output.line("SARIF: " + sarif);
        }
        output.json(FindingsOutput.of(results));
        return anyError ? ExitCode.ERROR : ExitCode.PASS;
    }

    /** Writes an output file, naming it and the reason when that fails. */
    static void write(Path file, byte[] content) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, content);
        } catch (IOException e) {
            throw new EnvironmentException("cannot write " + file + ": " + IoReason.of(e), e);
        }
    }

    private static Map<Severity, Integer> counts(List<Finding> findings) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        findings.forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        return counts;
    }

    private static String describe(Map<Severity, Integer> counts) {
        List<String> parts = new ArrayList<>();
        for (Severity s : ORDER) {
            parts.add(s + " " + counts.getOrDefault(s, 0));
        }
        return String.join(", ", parts);
    }
}
