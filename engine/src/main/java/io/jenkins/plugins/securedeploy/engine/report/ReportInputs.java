package io.jenkins.plugins.securedeploy.engine.report;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.IoReason;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.scan.FormatDetector;
import io.jenkins.plugins.securedeploy.engine.scan.ReportIngest;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResultsReader;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResultsWriter;
import io.jenkins.plugins.securedeploy.engine.scan.findings.FindingsDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns report arguments ({@code secure-deploy ingest}, {@code gate}) into scan results, failing closed:
 * {@code tool=path} parses with that tool's parser, a bare path is detected from its first bytes. The engine's own
 * findings document ({@value ScanResultsWriter#FORMAT}) yields every result it holds (what {@code scan}, {@code
 * secrets} and {@code ingest --json} wrote); any other format one result. Anything that cannot be read becomes an
 * ERROR {@link ScanResult} naming the tool (or the file), so the gate reports ERROR.
 */
public final class ReportInputs {
    private final ReportIngest ingest;

    public ReportInputs(ReportIngest ingest) {
        this.ingest = ingest;
    }

    /** Every result of every report, in argument order; formats are detected unless named as {@code tool=path}. */
    public List<ScanResult> read(List<String> specs, Path baseDir) {
        return read(specs, baseDir, null);
    }

    /** Like {@link #read(List, Path)}; {@code format} (a registered id, or null) applies to bare paths. */
    public List<ScanResult> read(List<String> specs, Path baseDir, String format) {
        List<ScanResult> out = new ArrayList<>();
        for (String spec : specs) {
            out.addAll(readOne(spec, baseDir, format));
        }
        return out;
    }

    List<ScanResult> readOne(String spec, Path baseDir, String format) {
        int eq = spec.indexOf('=');
        boolean named = eq > 0 && spec.substring(0, eq).matches("[a-z0-9][a-z0-9._-]{0,63}");
        String tool = named ? spec.substring(0, eq) : format;
        String pathText = named ? spec.substring(eq + 1) : spec;
        Path file = baseDir.resolve(pathText);
        if (ScanResultsWriter.FORMAT.equals(tool) || tool == null && isOwnFormat(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                return new ScanResultsReader().read(in, pathText);
            } catch (InvalidInputException e) {
                return List.of(ScanResult.error(label(file, pathText), pathText, e.problems()));
            } catch (IOException e) {
                return List.of(ScanResult.error(label(file, pathText), pathText, List.of(Problem.of(
                        "file.unreadable", "cannot read report: " + IoReason.of(e), Location.ofFile(pathText)))));
            }
        }
        return List.of(ingest.ingest(file, tool));
    }

    private static String label(Path file, String pathText) {
        return file.getFileName() == null ? pathText : file.getFileName().toString();
    }

    private static boolean isOwnFormat(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(FormatDetector.HEAD_BYTES);
            return new FindingsDescriptor().detect(FormatDetector.head(head, head.length))
                    >= FormatDetector.MIN_CONFIDENCE;
        } catch (IOException e) {
            return false;
        }
    }
}
