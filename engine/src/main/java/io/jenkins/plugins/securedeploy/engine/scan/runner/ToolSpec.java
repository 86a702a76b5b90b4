package io.jenkins.plugins.securedeploy.engine.scan.runner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run one scanner: the tool id (which also picks the report parser from the registry), the executable and
 * its arguments (passed as a list, never through a shell), where the report ends up (a file relative to the working
 * directory, or stdout when {@code reportFile} is empty), the exit-code policy and the timeout.
 */
public record ToolSpec(String toolId, String executable, List<String> args, String reportFile,
        ExitCodePolicy exitPolicy, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    public ToolSpec {
        Objects.requireNonNull(toolId, "toolId");
        Objects.requireNonNull(executable, "executable");
        if (toolId.isBlank() || executable.isBlank()) {
            throw new IllegalArgumentException("a tool spec needs a tool id and an executable");
        }
        args = List.copyOf(args);
        reportFile = reportFile == null ? "" : reportFile;
        Objects.requireNonNull(exitPolicy, "exitPolicy");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
    }

    /** The report is what the tool writes to stdout. */
    public static ToolSpec stdoutReport(String toolId, String executable, List<String> args, ExitCodePolicy policy,
            Duration timeout) {
        return new ToolSpec(toolId, executable, args, "", policy, timeout);
    }

    /** The report is a file the tool writes (relative to the working directory, or absolute). */
    public static ToolSpec fileReport(String toolId, String executable, List<String> args, String reportFile,
            ExitCodePolicy policy, Duration timeout) {
        if (reportFile == null || reportFile.isBlank()) {
            throw new IllegalArgumentException("a file report needs a path");
        }
        return new ToolSpec(toolId, executable, args, reportFile, policy, timeout);
    }

    public boolean reportOnStdout() {
        return reportFile.isEmpty();
    }

    public Optional<String> report() {
        return reportOnStdout() ? Optional.empty() : Optional.of(reportFile);
    }

    public ToolSpec withTimeout(Duration value) {
        return new ToolSpec(toolId, executable, args, reportFile, exitPolicy, value);
    }

    public ToolSpec withArgs(List<String> value) {
        return new ToolSpec(toolId, executable, value, reportFile, exitPolicy, timeout);
    }

    public ToolSpec withReportFile(String value) {
        return new ToolSpec(toolId, executable, args, value, exitPolicy, timeout);
    }

    /** Executable followed by the arguments, as ProcessBuilder takes them. */
    public List<String> command() {
        List<String> command = new ArrayList<>(args.size() + 1);
        command.add(executable);
        command.addAll(args);
        return command;
    }

    /** The command as a person would type it (arguments with spaces or quotes single-quoted). For display only. */
    public String displayCommand() {
        StringBuilder sb = new StringBuilder();
        for (String part : command()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(quote(part));
        }
        return sb.toString();
    }

    private static String quote(String part) {
        if (!part.isEmpty() && part.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_./=:,@+%".indexOf(c) >= 0)) {
            return part;
        }
        return "'" + part.replace("'", "'\\''") + "'";
    }
}
