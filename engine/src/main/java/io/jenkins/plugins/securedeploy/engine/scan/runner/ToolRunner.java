package io.jenkins.plugins.securedeploy.engine.scan.runner;

import io.jenkins.plugins.securedeploy.engine.core.EnvironmentException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a scanner as a process: argument list (no shell), given working directory, stdin closed, stdout/stderr
 * drained on their own threads into bounded captures (first and last {@code captureLimit} bytes each), a timeout
 * after which the whole process tree is killed, and the spec's exit-code policy to classify the result.
 * The runner never throws for tool failures: a missing binary, crash or timeout is an {@link ToolRun.Outcome}.
 */
public final class ToolRunner {
    /** Default bytes kept at each end of each stream. */
    public static final int DEFAULT_CAPTURE_LIMIT = 16 * 1024;

    private static final Duration DRAIN_GRACE = Duration.ofSeconds(2);
    private static final Duration KILL_GRACE = Duration.ofSeconds(5);

    private final int captureLimit;

    public ToolRunner() {
        this(DEFAULT_CAPTURE_LIMIT);
    }

    public ToolRunner(int captureLimit) {
        if (captureLimit <= 0) {
            throw new IllegalArgumentException("capture limit must be positive, got " + captureLimit);
        }
        this.captureLimit = captureLimit;
    }

    /** Runs with stdout captured (bounded). */
    public ToolRun run(ToolSpec spec, Path workDir) {
        return run(spec, workDir, null);
    }

    /**
     * Runs the tool. When {@code stdoutFile} is given, stdout goes there in full (a report on stdout) and is not
     * captured; stderr is always captured.
     */
    public ToolRun run(ToolSpec spec, Path workDir, Path stdoutFile) {
        String display = spec.displayCommand();
        if (!Files.isDirectory(workDir)) {
            return notStarted(spec, display, "working directory " + workDir + " does not exist");
        }
        ProcessBuilder pb = new ProcessBuilder(spec.command()).directory(workDir.toFile());
        if (stdoutFile != null) {
            pb.redirectOutput(stdoutFile.toFile());
        }
        long started = System.nanoTime();
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            return notStarted(spec, display, describeStartFailure(spec.executable(), e));
        }
        BoundedCapture out = new BoundedCapture(captureLimit);
        BoundedCapture err = new BoundedCapture(captureLimit);
        Thread outDrain = stdoutFile == null ? drain(spec, "stdout", process.getInputStream(), out) : null;
        Thread errDrain = drain(spec, "stderr", process.getErrorStream(), err);
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // the tool closed stdin itself or already exited: nothing to feed either way
        }
        boolean finished;
        try {
            finished = process.waitFor(spec.timeout().toNanos(), TimeUnit.NANOSECONDS);
            if (!finished) {
                killTree(process);
                process.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
            join(outDrain);
            join(errDrain);
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            throw new EnvironmentException("interrupted while running " + spec.toolId() + "; its processes were killed",
                    e);
        }
        Duration duration = Duration.ofNanos(System.nanoTime() - started);
        CapturedOutput stdout = outDrain == null ? CapturedOutput.EMPTY : out.snapshot();
        if (!finished) {
            return new ToolRun(spec.toolId(), display, ToolRun.NO_EXIT_CODE, duration, stdout, err.snapshot(),
                    ToolRun.Outcome.TIMED_OUT, "");
        }
        int exit = process.exitValue();
        ToolRun.Outcome outcome = switch (spec.exitPolicy().classify(exit)) {
            case CLEAN -> ToolRun.Outcome.CLEAN;
            case FINDINGS -> ToolRun.Outcome.FINDINGS;
            case CRASHED -> ToolRun.Outcome.CRASHED;
        };
        return new ToolRun(spec.toolId(), display, exit, duration, stdout, err.snapshot(), outcome, "");
    }

    /** Kills the process and every descendant (snapshotted first: once the parent dies, children are orphaned). */
    static void killTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        for (ProcessHandle child : descendants) {
            child.destroyForcibly();
        }
    }

    private static Thread drain(ToolSpec spec, String stream, InputStream in, BoundedCapture capture) {
        Thread t = new Thread(() -> capture.drain(in), "secure-deploy-" + spec.toolId() + "-" + stream);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * Waits briefly for a drainer: the pipe closes when the tool and its children exit; a daemonised grandchild
     * may keep it open, and then we keep what was captured rather than hang.
     */
    private static void join(Thread drainer) throws InterruptedException {
        if (drainer != null) {
            drainer.join(DRAIN_GRACE.toMillis());
        }
    }

    private static ToolRun notStarted(ToolSpec spec, String display, String why) {
        return new ToolRun(spec.toolId(), display, ToolRun.NO_EXIT_CODE, Duration.ZERO, CapturedOutput.EMPTY,
                CapturedOutput.EMPTY, ToolRun.Outcome.NOT_STARTED, why);
    }

    private static String describeStartFailure(String executable, IOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("error=2") || message.contains("No such file")) {
            return "executable '" + executable + "' was not found (not on PATH, or the path does not exist)";
        }
        if (message.contains("error=13") || message.contains("Permission denied")) {
            return "executable '" + executable + "' is not executable (permission denied)";
        }
        return "executable '" + executable + "' could not be started: " + e.getClass().getSimpleName();
    }
}
