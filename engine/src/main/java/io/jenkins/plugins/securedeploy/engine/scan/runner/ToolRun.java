package io.jenkins.plugins.securedeploy.engine.scan.runner;

import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What happened when a tool ran: the command (for display), its exit code ({@link #NO_EXIT_CODE} when it never
 * started or was killed), how long it took, the bounded stdout/stderr captures and the outcome. {@code failure}
 * says why a NOT_STARTED run did not start (empty otherwise).
 */
public record ToolRun(String toolId, String commandLine, int exitCode, Duration duration, CapturedOutput stdout,
        CapturedOutput stderr, Outcome outcome, String failure) {

    public static final int NO_EXIT_CODE = -1;

    /** How a run ended. Only CLEAN and FINDINGS leave a report that may be trusted. */
    public enum Outcome {
        CLEAN,
        FINDINGS,
        CRASHED,
        TIMED_OUT,
        NOT_STARTED;

        public boolean completed() {
            return this == CLEAN || this == FINDINGS;
        }
    }

    public ToolRun {
        Objects.requireNonNull(toolId, "toolId");
        Objects.requireNonNull(commandLine, "commandLine");
        Objects.requireNonNull(duration, "duration");
        stdout = stdout == null ? CapturedOutput.EMPTY : stdout;
        stderr = stderr == null ? CapturedOutput.EMPTY : stderr;
        Objects.requireNonNull(outcome, "outcome");
        failure = failure == null ? "" : failure;
    }

    public boolean hasExitCode() {
        return exitCode != NO_EXIT_CODE;
    }

    /** The same run with command line, captures and failure text passed through {@code sanitizer} (the masker). */
    public ToolRun sanitized(UnaryOperator<String> sanitizer) {
        return new ToolRun(toolId, sanitizer.apply(commandLine), exitCode, duration, sanitize(stdout, sanitizer),
                sanitize(stderr, sanitizer), outcome, sanitizer.apply(failure));
    }

    private static CapturedOutput sanitize(CapturedOutput c, UnaryOperator<String> sanitizer) {
        if (!c.truncated()) {
            // head and tail are contiguous: mask them as one text so a secret across the seam is still found
            return new CapturedOutput(sanitizer.apply(c.text()), "", c.totalBytes(), 0);
        }
        return new CapturedOutput(sanitizer.apply(c.head()), sanitizer.apply(c.tail()), c.totalBytes(),
                c.omittedBytes());
    }
}
