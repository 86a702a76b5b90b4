package io.jenkins.plugins.securedeploy.engine.scan.registry;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.IoReason;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResultsWriter;
import io.jenkins.plugins.securedeploy.engine.scan.findings.FindingsDescriptor;
import io.jenkins.plugins.securedeploy.engine.scan.findings.FindingsParser;
import io.jenkins.plugins.securedeploy.engine.scan.ResultsSink;
import io.jenkins.plugins.securedeploy.engine.scan.findings.ScanResultsReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import io.jenkins.plugins.securedeploy.engine.scan.FindingSink;

/**
 * Turns reports into scan results, failing closed: a source named with a format parses with that tool's parser, an
 * unnamed one is detected from its first bytes. The engine's own findings document ({@value ScanResultsWriter#FORMAT})
 * yields every result it holds (what {@code scan}, {@code secrets} and {@code ingest --json} wrote); any other format
 * one result. Anything that cannot be read becomes an ERROR {@link ScanResult} naming the tool (or the file), so the
 * gate reports ERROR.
 */
public final class ReportInputs {
    private final ReportIngest ingest;

    public ReportInputs(ReportIngest ingest) {
        this.ingest = Objects.requireNonNull(ingest, "ingest");
    }

    /** Over the standard registry. */
    public static ReportInputs standard() {
        return new ReportInputs(ReportIngest.standard());
    }

    /** Every result of every report, in order. */
    public List<ScanResult> read(List<ReportSource> sources) {
        List<ScanResult> out = new ArrayList<>();
        for (ReportSource source : sources) {
            out.addAll(read(source));
        }
        return out;
    }

    /** Command-line arguments ({@code tool=path} or a path), resolved against {@code baseDir}. */
    public List<ScanResult> read(List<String> specs, Path baseDir, String format) {
        return read(specs.stream().map(s -> ReportSource.ofSpec(s, baseDir, format)).toList());
    }

    /** The results of one report. */
    public List<ScanResult> read(ReportSource source) {
        String name = source.name();
        try (InputStream raw = source.opener().open()) {
            BufferedInputStream in = new BufferedInputStream(raw, FormatDetector.HEAD_BYTES + 1);
            if (ScanResultsWriter.FORMAT.equals(source.format()) || source.format() == null && isOwnFormat(in)) {
                try {
                    return new ScanResultsReader().read(in, name);
                } catch (InvalidInputException e) {
                    return List.of(ScanResult.error(label(name), name, e.problems()));
                }
            }
            return List.of(ingest.ingest(in, name, source.format()));
        } catch (java.nio.file.NoSuchFileException e) {
            return List.of(ScanResult.error(tool(source), name, List.of(Problem.of("file.missing",
                    "report file does not exist", Location.ofFile(name)))));
        } catch (IOException e) {
            return List.of(ScanResult.error(tool(source), name, List.of(Problem.of("file.unreadable",
                    "cannot read report: " + IoReason.of(e), Location.ofFile(name)))));
        }
    }

    /**
     * Streams one report into {@code sink} (its findings never all in memory); empty when it did, the sink then
     * holding the report's findings, problems and end. The engine's own findings document, a report that cannot be
     * opened and one that could not be read to its end come back as the results {@link #read(ReportSource)} gives
     * instead — findings the sink saw before are then not to be used.
     */
    public Optional<List<ScanResult>> stream(ReportSource source, FindingSink sink) {
        return stream(source, sink, null);
    }

    /**
     * As {@link #stream(ReportSource, FindingSink)}, but the engine's own findings document too is streamed, into
     * {@code own} (each of its results as it is read): it then comes back as an empty list when it was read to its
     * end, or as the one ERROR result it is when not (what {@code own} received is then not to be used).
     */
    public Optional<List<ScanResult>> stream(ReportSource source, FindingSink sink, ResultsSink own) {
        String name = source.name();
        try (InputStream raw = source.opener().open()) {
            BufferedInputStream in = new BufferedInputStream(raw, FormatDetector.HEAD_BYTES + 1);
            if (ScanResultsWriter.FORMAT.equals(source.format()) || source.format() == null && isOwnFormat(in)) {
                try {
                    if (own != null) {
                        FindingsParser.stream(in, name, own);
                        return Optional.of(List.of());
                    }
                    return Optional.of(new ScanResultsReader().read(in, name));
                } catch (InvalidInputException e) {
                    return Optional.of(List.of(ScanResult.error(label(name), name, e.problems())));
                }
            }
            return ingest.ingestOrError(in, name, source.format(), sink).map(List::of);
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.of(List.of(ScanResult.error(tool(source), name, List.of(Problem.of("file.missing",
                    "report file does not exist", Location.ofFile(name))))));
        } catch (IOException e) {
            return Optional.of(List.of(ScanResult.error(tool(source), name, List.of(Problem.of("file.unreadable",
                    "cannot read report: " + IoReason.of(e), Location.ofFile(name))))));
        }
    }

    private static String tool(ReportSource source) {
        String f = source.format();
        return f != null && f.matches("[a-z0-9-]{1,40}") ? f : ReportIngest.UNKNOWN_TOOL;
    }

    private static String label(String name) {
        String unified = name.replace('\\', '/');
        String last = unified.substring(unified.lastIndexOf('/') + 1);
        return last.isEmpty() ? name : last;
    }

    private static boolean isOwnFormat(BufferedInputStream in) throws IOException {
        in.mark(FormatDetector.HEAD_BYTES + 1);
        byte[] head = in.readNBytes(FormatDetector.HEAD_BYTES);
        in.reset();
        return new FindingsDescriptor().detect(FormatDetector.head(head, head.length))
                >= FormatDetector.MIN_CONFIDENCE;
    }
}
