package io.jenkins.plugins.securedeploy.engine.scan;

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
        ScannerDescriptor descriptor = null;
        try {
            BufferedInputStream in = new BufferedInputStream(report, FormatDetector.HEAD_BYTES + 1);
            if (format != null && !format.isBlank()) {
                descriptor = detector.byId(format.trim(), displayName);
            } else {
                in.mark(FormatDetector.HEAD_BYTES + 1);
                byte[] head = in.readNBytes(FormatDetector.HEAD_BYTES);
                in.reset();
                descriptor = detector.detect(FormatDetector.head(head, head.length), displayName);
            }
            ScanResult result = descriptor.createParser().parse(in, displayName);
            if (result == null) {
                return failed(descriptor.id(), displayName, Problem.of("report.parser-failed",
                        "the " + descriptor.id() + " parser returned no result", Location.ofFile(displayName)));
            }
            return result;
        } catch (InvalidInputException e) {
            return ScanResult.error(toolOf(descriptor, format), displayName, named(e.problems(), displayName));
        } catch (IOException e) {
            return failed(toolOf(descriptor, format), displayName, Problem.of("file.unreadable",
                    "cannot read report: " + e.getClass().getSimpleName(), Location.ofFile(displayName)));
        } catch (RuntimeException | StackOverflowError e) {
            // a parser bug must not pass as "0 findings"; its message may quote the report, so keep only the type
            return failed(toolOf(descriptor, format), displayName, Problem.of("report.parser-failed",
                    "the report could not be parsed (" + e.getClass().getSimpleName() + ")",
                    Location.ofFile(displayName)));
        }
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
