package io.jenkins.plugins.securedeploy.engine.scan.runner;

import io.jenkins.plugins.securedeploy.engine.core.EnvironmentException;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.scan.ScannerDescriptor;
import io.jenkins.plugins.securedeploy.engine.scan.registry.ScannerRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Runs a {@link ToolSpec} and parses its report with the parser registered for the spec's tool id. Fails closed:
 * a missing binary, a crash (exit code outside the policy), a timeout, a missing, empty or unparseable report, or
 * an exit code that says "findings" over a report with none, all give {@link ScanResult.Status#ERROR} with a
 * problem naming the tool and what happened — never "0 findings". Captured output and the command line go through
 * the {@code sanitizer} (the secret masker) before they reach a problem or the returned run.
 */
public final class ScanService {
    /** Characters of stderr quoted in a problem. */
    static final int STDERR_IN_PROBLEM = 2000;

    private final ScannerRegistry registry;
    private final ToolRunner runner;
    private final UnaryOperator<String> sanitizer;

    public ScanService(ScannerRegistry registry, ToolRunner runner, UnaryOperator<String> sanitizer) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.sanitizer = Objects.requireNonNull(sanitizer, "sanitizer");
    }

    /** Standard registry, default runner, no sanitizer (identity). */
    public ScanService() {
        this(ScannerRegistry.standard(), new ToolRunner(), UnaryOperator.identity());
    }

    public ToolScan scan(ToolSpec spec, Path workDir) {
        return scan(spec, workDir, null);
    }

    /**
     * Like {@link #scan(ToolSpec, Path)}, and keeps a copy of the tool's raw report (its stdout, or the file it
     * wrote) at {@code keepReportAt} when the tool produced one, whatever the parser makes of it; null keeps none.
     * The copy is written before parsing, so even an unparseable report can be inspected.
     */
    public ToolScan scan(ToolSpec spec, Path workDir, Path keepReportAt) {
        ScannerDescriptor descriptor = registry.find(spec.toolId()).orElse(null);
        if (descriptor == null) {
            throw new InvalidInputException(Problem.of("scan.unknown-tool", "no report parser is registered for tool '"
                    + spec.toolId() + "'; known: " + registry.all().stream().map(ScannerDescriptor::id).toList(),
                    Location.ofFile(spec.toolId())));
        }
        if (spec.reportOnStdout()) {
            return scanStdout(spec, workDir, descriptor, keepReportAt);
        }
        Path report = workDir.resolve(spec.reportFile());
        try {
            // a report left by an earlier run must not stand in for this run's
            Files.deleteIfExists(report);
        } catch (IOException e) {
            throw new EnvironmentException("cannot remove the old report " + spec.reportFile() + " before running "
                    + spec.toolId(), e);
        }
        ToolRun run = runner.run(spec, workDir).sanitized(sanitizer);
        keep(report, keepReportAt, spec.toolId());
        return new ToolScan(run, interpret(spec, run, report, spec.reportFile(), descriptor));
    }

    private static void keep(Path report, Path keepReportAt, String tool) {
        if (keepReportAt == null || !Files.isRegularFile(report)) {
            return;
        }
        try {
            Path parent = keepReportAt.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.copy(report, keepReportAt, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new EnvironmentException("cannot keep the raw report of " + tool + " at " + keepReportAt + ": "
                    + io.jenkins.plugins.securedeploy.engine.core.IoReason.of(e), e);
        }
    }

    private ToolScan scanStdout(ToolSpec spec, Path workDir, ScannerDescriptor descriptor, Path keepReportAt) {
        Path out;
        try {
            out = Files.createTempFile("secure-deploy-" + spec.toolId() + "-", ".out");
        } catch (IOException e) {
            throw new EnvironmentException("cannot create a temporary file for the output of " + spec.toolId(), e);
        }
        try {
            ToolRun run = runner.run(spec, workDir, out).sanitized(sanitizer);
            keep(out, keepReportAt, spec.toolId());
            return new ToolScan(run, interpret(spec, run, out, spec.toolId() + " stdout", descriptor));
        } finally {
            try {
                Files.deleteIfExists(out);
            } catch (IOException e) {
                // a temp file left behind is harmless; the result is what matters
            }
        }
    }

    private ScanResult interpret(ToolSpec spec, ToolRun run, Path report, String displayName,
            ScannerDescriptor descriptor) {
        String tool = spec.toolId();
        switch (run.outcome()) {
            case NOT_STARTED:
                return error(tool, displayName, "scan.tool-missing",
                        "tool '" + tool + "' did not start: " + run.failure(), run);
            case TIMED_OUT:
                return error(tool, displayName, "scan.tool-timeout", "tool '" + tool + "' did not finish within "
                        + spec.timeout() + "; it and its child processes were killed", run);
            case CRASHED:
                return error(tool, displayName, "scan.tool-crashed", "tool '" + tool + "' exited with code "
                        + run.exitCode() + ", which its exit policy (" + spec.exitPolicy().describe()
                        + ") reads as a crash; its report is not trusted", run);
            default:
                break;
        }
        if (!Files.isRegularFile(report)) {
            return error(tool, displayName, "scan.report-missing", "tool '" + tool + "' exited with code "
                    + run.exitCode() + " but wrote no report at " + displayName, run);
        }
        try {
            if (Files.size(report) == 0) {
                return error(tool, displayName, "scan.report-empty", "tool '" + tool + "' exited with code "
                        + run.exitCode() + " but its report " + displayName + " is empty", run);
            }
        } catch (IOException e) {
            return error(tool, displayName, "scan.report-unreadable", "cannot read the report of tool '" + tool
                    + "': " + e.getClass().getSimpleName(), run);
        }
        ScanResult result;
        try (InputStream in = Files.newInputStream(report)) {
            result = descriptor.createParser().parse(in, displayName);
        } catch (InvalidInputException e) {
            List<Problem> problems = new ArrayList<>();
            problems.add(Problem.of("scan.report-unparseable", "the report of tool '" + tool + "' ("
                    + descriptor.displayName() + " format) cannot be parsed; the scan is not trusted",
                    Location.ofFile(displayName)));
            problems.addAll(e.problems());
            return ScanResult.error(tool, displayName, problems);
        } catch (IOException e) {
            return error(tool, displayName, "scan.report-unreadable", "cannot read the report of tool '" + tool
                    + "': " + e.getClass().getSimpleName(), run);
        } catch (OutOfMemoryError e) {
            return error(tool, displayName, "scan.report-out-of-memory", "ran out of memory while reading the report "
                    + "of tool '" + tool + "' (heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB); the scan "
                    + "is not trusted: give the JVM more heap (-Xmx)", run);
        } catch (RuntimeException e) {
            return error(tool, displayName, "scan.parser-failed", "the " + descriptor.displayName()
                    + " parser failed on the report of tool '" + tool + "': " + e.getClass().getSimpleName(), run);
        }
        if (run.outcome() == ToolRun.Outcome.FINDINGS && !result.isError() && result.findings().isEmpty()) {
            return error(tool, displayName, "scan.exit-mismatch", "tool '" + tool + "' exited with code "
                    + run.exitCode() + " (findings) but its report lists none; the report is not trusted", run);
        }
        return result;
    }

    private ScanResult error(String tool, String source, String code, String message, ToolRun run) {
        String detail = message + "\n  command: " + run.commandLine() + stderrDetail(run);
        return ScanResult.error(tool, source, List.of(Problem.of(code, detail, Location.ofFile(tool))));
    }

    private static String stderrDetail(ToolRun run) {
        String text = run.stderr().text().strip();
        if (text.isEmpty()) {
            return "";
        }
        if (text.length() > STDERR_IN_PROBLEM) {
            text = "..." + text.substring(text.length() - STDERR_IN_PROBLEM);
        }
        return "\n  stderr: " + text.replace("\n", "\n    ");
    }
}
