package io.jenkins.plugins.securedeploy.cli.command;

import io.jenkins.plugins.securedeploy.cli.ExitCode;
import io.jenkins.plugins.securedeploy.cli.Output;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.ReportIngest;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code secure-deploy ingest [--format ID] [--json] REPORT...}: parse scanner reports, count findings. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Read scanner reports (SARIF, Trivy, Grype, Gitleaks, OSV-Scanner, npm audit, ...) and print "
                + "the findings per tool and severity.",
            "The format is detected from the content unless --format is given. A report that is missing, empty, "
                + "unrecognised or malformed is an ERROR (exit 3), never \"0 findings\". Gating is 'gate'."})
public final class IngestCommand implements Callable<Integer> {
    private static final Severity[] ORDER = {Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW,
        Severity.INFO, Severity.UNKNOWN};

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "ID",
            description = "Report format id (skips detection), e.g. sarif, trivy, grype, gitleaks, osv, npm-audit.")
    String format;

    @Option(names = "--json", description = "Machine-readable output.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "REPORT", description = "Report files.")
    List<Path> reports;

    @Override
    public Integer call() {
        Output output = new Output(spec, json);
        ReportIngest ingest = ReportIngest.standard();
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Map<Severity, Integer>> perTool = new LinkedHashMap<>();
        boolean anyError = false;
        for (Path report : reports) {
            ScanResult r = ingest.ingest(report, format);
            Map<Severity, Integer> counts = counts(r.findings());
            rows.add(row(r, counts));
            if (r.isError()) {
                anyError = true;
                output.line(output.verdict("ERROR") + "  " + r.source() + " (" + r.tool() + ")");
                r.problems().forEach(p -> output.line("    " + p.describe()));
                continue;
            }
            counts.forEach((s, n) -> perTool.computeIfAbsent(r.tool(), t -> new EnumMap<>(Severity.class))
                    .merge(s, n, Integer::sum));
            perTool.computeIfAbsent(r.tool(), t -> new EnumMap<>(Severity.class));
            output.line("OK     " + r.source() + " (" + r.tool() + (r.toolVersion().isEmpty() ? "" : " "
                    + r.toolVersion()) + "): " + r.findings().size() + " findings  " + describe(counts));
        }
        if (!perTool.isEmpty()) {
            output.line("");
            output.line("Per tool:");
            perTool.forEach((tool, counts) -> output.line(String.format(java.util.Locale.ROOT, "  %-14s %5d  %s",
                    tool, counts.values().stream().mapToInt(Integer::intValue).sum(), describe(counts))));
        }
        if (anyError) {
            output.line("");
            output.line(output.verdict("ERROR") + ": at least one report could not be read; its findings are "
                    + "unknown (exit " + ExitCode.ERROR + ")");
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("status", anyError ? "ERROR" : "OK");
        doc.put("reports", rows);
        Map<String, Object> tools = new LinkedHashMap<>();
        perTool.forEach((t, c) -> tools.put(t, bySeverity(c)));
        doc.put("tools", tools);
        output.document(doc);
        return anyError ? ExitCode.ERROR : ExitCode.PASS;
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

    private static Map<String, Integer> bySeverity(Map<Severity, Integer> counts) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Severity s : ORDER) {
            out.put(s.name(), counts.getOrDefault(s, 0));
        }
        return out;
    }

    private static Map<String, Object> row(ScanResult r, Map<Severity, Integer> counts) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("file", r.source());
        row.put("tool", r.tool());
        row.put("toolVersion", r.toolVersion());
        row.put("status", r.status().name());
        row.put("findings", r.findings().size());
        row.put("bySeverity", bySeverity(counts));
        row.put("problems", r.problems().stream().map(IngestCommand::problem).collect(Collectors.toList()));
        return row;
    }

    private static Map<String, Object> problem(Problem p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", p.code());
        m.put("message", p.message());
        m.put("file", p.location().file());
        m.put("line", p.location().line());
        m.put("column", p.location().column());
        m.put("pointer", p.location().pointer());
        return m;
    }
}
