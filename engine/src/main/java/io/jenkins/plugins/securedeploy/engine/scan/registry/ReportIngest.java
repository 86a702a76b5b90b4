package io.jenkins.plugins.securedeploy.engine.scan.registry;

import io.jenkins.plugins.securedeploy.engine.scan.ScannerDescriptor;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.scan.ReportEnd;
import io.jenkins.plugins.securedeploy.engine.scan.FindingSink;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.CollectingSink;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.SecureDeployException;
import io.jenkins.plugins.securedeploy.engine.host.Workspace;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Turns a report file or stream into a {@link ScanResult}: detects the format from the first
 * {@link FormatDetector#HEAD_BYTES} (or takes an explicit format id) and streams the report through that format's
 * parser. It never throws for bad input and never reports "0 findings" for a report it could not read: a missing,
 * empty, unrecognised, truncated or garbled report — or a parser bug — is a {@link ScanResult.Status#ERROR} result
 * whose problems name the file.
 */
public final class ReportIngest {
    /** The tool name of an error result whose format could not be decided. */
    public static final String UNKNOWN_TOOL = "unknown";

    private final FormatDetector detector;

    public ReportIngest(ScannerRegistry registry) {
        this.detector = new FormatDetector(registry);
    }

    public static ReportIngest standard() {
        return new ReportIngest(ScannerRegistry.standard());
    }

    public FormatDetector detector() {
        return detector;
    }

    /** Ingests a local file; {@code format} is a descriptor id, or null to detect. */
    public ScanResult ingest(Path file, String format) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            return failed(format, name, Problem.of("file.directory", "is a directory, not a report",
                    Location.ofFile(name)));
        }
        try (InputStream in = Files.newInputStream(file)) {
            return ingest(in, name, format);
        } catch (NoSuchFileException e) {
            return failed(format, name, Problem.of("file.missing", "report file does not exist", Location.ofFile(name)));
        } catch (IOException e) {
            return failed(format, name, Problem.of("file.unreadable",
                    "cannot read report: " + e.getClass().getSimpleName(), Location.ofFile(name)));
        }
    }

    /** Ingests a workspace file (on the agent, in Jenkins); {@code format} is a descriptor id, or null to detect. */
    public ScanResult ingest(Workspace workspace, String relativePath, String format) {
        if (!workspace.exists(relativePath)) {
            return failed(format, relativePath, Problem.of("file.missing", "report file does not exist",
                    Location.ofFile(relativePath)));
        }
        try (InputStream in = workspace.open(relativePath)) {
            return ingest(in, relativePath, format);
        } catch (IOException e) {
            return failed(format, relativePath, Problem.of("file.unreadable",
                    "cannot read report: " + e.getClass().getSimpleName(), Location.ofFile(relativePath)));
        } catch (SecureDeployException e) {
            return failed(format, relativePath, Problem.of("file.rejected", e.getMessage(),
                    Location.ofFile(relativePath)));
        }
    }

    /** Ingests a stream (not closed here); {@code displayName} names it in results and problems. */
    public ScanResult ingest(InputStream report, String displayName, String format) {
        CollectingSink sink = new CollectingSink();
        Failure failure;
        try {
            failure = stream(report, displayName, format, sink);
        } catch (OutOfMemoryError e) {
            sink = null; // drop every finding read so far before building the error
            failure = outOfMemory(format, displayName);
        }
        if (failure != null) {
            return ScanResult.error(failure.tool(), displayName, failure.problems());
        }
        return sink.result(displayName);
    }

    /**
     * Streams a report into {@code sink} (the stream is not closed here) and never throws for bad input: the sink
     * always gets {@link FindingSink#end} last. A report that cannot be read — missing format, unrecognised,
     * truncated, garbled, another tool's, too large for the heap, a parser bug — reaches the sink as
     * {@link FindingSink#problem problems} followed by the end, so a sink that saw any problem has an ERROR scan
     * (findings it accepted before the failure are not to be trusted on their own).
     */
    public void ingest(InputStream report, String displayName, String format, FindingSink sink) {
        Tracking tracking = new Tracking(sink);
        Failure failure;
        try {
            failure = stream(report, displayName, format, tracking);
        } catch (OutOfMemoryError e) {
            failure = outOfMemory(format, displayName);
        }
        if (failure != null) {
            failure.problems().forEach(sink::problem);
            if (!tracking.ended) {
                sink.end(new ReportEnd(failure.tool(), ""));
            }
        }
    }

    /**
     * Streams a report into {@code sink} like {@link #ingest(InputStream, String, String, FindingSink)}, except that
     * a failure to read it to its end (unrecognised, truncated, garbled, too large for the heap, a parser bug) is not
     * passed to the sink but returned: the ERROR result {@link #ingest(InputStream, String, String)} gives for the
     * same report, whose findings the sink has then seen in vain. Empty when the parser read the report to its end
     * (the sink has its findings, problems, warnings and end).
     */
    public Optional<ScanResult> ingestOrError(InputStream report, String displayName, String format,
            FindingSink sink) {
        Failure failure;
        try {
            failure = stream(report, displayName, format, sink);
        } catch (OutOfMemoryError e) {
            failure = outOfMemory(format, displayName);
        }
        return failure == null ? Optional.empty()
                : Optional.of(ScanResult.error(failure.tool(), displayName, failure.problems()));
    }

    private record Failure(String tool, List<Problem> problems) {}

    /** Passes everything on and remembers whether the parser ended the report. */
    private static final class Tracking implements FindingSink {
        private final FindingSink target;
        private boolean ended;

        Tracking(FindingSink target) {
            this.target = target;
        }

        @Override
        public void accept(Finding finding) {
            target.accept(finding);
        }

        @Override
        public void problem(Problem problem) {
            target.problem(problem);
        }

        @Override
        public void warning(Problem warning) {
            target.warning(warning);
        }

        @Override
        public void end(ReportEnd end) {
            ended = true;
            target.end(end);
        }
    }

    /** Detects and parses; null when the parser read the report to its end, else why not. */
    private Failure stream(InputStream report, String displayName, String format, FindingSink sink) {
        ScannerDescriptor descriptor = null;
        try {
            BufferedInputStream in = new BufferedInputStream(report, FormatDetector.HEAD_BYTES + 1);
            if (format != null && !format.isBlank()) {
                descriptor = detector.byId(format.trim(), displayName);
            } else {
                in.mark(FormatDetector.HEAD_BYTES + 1);
                byte[] head = in.readNBytes(FormatDetector.HEAD_BYTES);
                in.reset();
                FormatDetector.Candidate detected = detector.detectCandidate(FormatDetector.head(head, head.length),
                        displayName);
                descriptor = detected.descriptor();
                if (detected.confidence() < FormatDetector.SURE_CONFIDENCE) {
                    sink.warning(Problem.of("report.format-guessed", "the format was guessed as "
                            + descriptor.id() + " (confidence " + detected.confidence() + " of 100: few distinctive "
                            + "keys, as in a clean scan" + (detected.byFileName() ? ", and the file name" : "")
                            + "); pass the format explicitly to be sure", Location.ofFile(displayName)));
                }
            }
            descriptor.createParser().parse(in, displayName, sink);
            return null;
        } catch (InvalidInputException e) {
            return new Failure(toolOf(descriptor, format), named(e.problems(), displayName));
        } catch (IOException e) {
            return failure(toolOf(descriptor, format), Problem.of("file.unreadable",
                    "cannot read report: " + e.getClass().getSimpleName(), Location.ofFile(displayName)));
        } catch (RuntimeException | StackOverflowError e) {
            // a parser bug must not pass as "0 findings"; its message may quote the report, so keep only the type
            return failure(toolOf(descriptor, format), Problem.of("report.parser-failed",
                    "the report could not be parsed (" + e.getClass().getSimpleName() + ")",
                    Location.ofFile(displayName)));
        }
    }

    /** What the parser held is unreachable once we are here: say so plainly instead of dying with a trace. */
    private static Failure outOfMemory(String format, String displayName) {
        return failure(toolOf(null, format), Problem.of("report.out-of-memory", "ran out of memory while reading "
                + "the report (heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB); the report is not trusted:"
                + " give the JVM more heap (-Xmx), or let the gate stream it (findings kept on disk)",
                Location.ofFile(displayName)));
    }

    private static Failure failure(String tool, Problem problem) {
        return new Failure(tool == null || !tool.matches("[a-z0-9-]{1,40}") ? UNKNOWN_TOOL : tool, List.of(problem));
    }

    private static String toolOf(ScannerDescriptor descriptor, String format) {
        if (descriptor != null) {
            return descriptor.id();
        }
        return format != null && format.matches("[a-z0-9-]{1,40}") ? format : UNKNOWN_TOOL;
    }

    private static ScanResult failed(String tool, String displayName, Problem problem) {
        return ScanResult.error(tool == null || !tool.matches("[a-z0-9-]{1,40}") ? UNKNOWN_TOOL : tool, displayName,
                List.of(problem));
    }

    /** Problems that do not name a file get the report's name. */
    private static List<Problem> named(List<Problem> problems, String displayName) {
        if (problems.isEmpty()) {
            return List.of(Problem.of("report.invalid", "invalid report", Location.ofFile(displayName)));
        }
        return problems.stream().map(p -> p.location().file().isEmpty()
                ? new Problem(p.code(), p.message(), new Location(displayName, p.location().pointer(),
                        p.location().line(), p.location().column()))
                : p).toList();
    }
}
