package io.jenkins.plugins.securedeploy.engine.report;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.scan.ReportIngest;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns gate report arguments into scan results, failing closed: {@code tool=path} parses with that tool's parser,
 * a bare path is the engine's own findings JSON or any format {@link ReportIngest} recognises. Anything that cannot
 * be read becomes an ERROR {@link ScanResult} naming the tool (or the file), so the gate reports ERROR.
 */
public final class ReportInputs {
    private static final int HEAD = 4096;
    private final ReportIngest ingest;

    public ReportInputs(ReportIngest ingest) {
        this.ingest = ingest;
    }

    public List<ScanResult> read(List<String> specs, Path baseDir) {
        List<ScanResult> out = new ArrayList<>();
        for (String spec : specs) {
            out.add(readOne(spec, baseDir));
        }
        return out;
    }

    ScanResult readOne(String spec, Path baseDir) {
        int eq = spec.indexOf('=');
        boolean named = eq > 0 && spec.substring(0, eq).matches("[a-z0-9][a-z0-9._-]{0,63}");
        String tool = named ? spec.substring(0, eq) : null;
        String pathText = named ? spec.substring(eq + 1) : spec;
        Path file = baseDir.resolve(pathText);
        if (tool == null && isOwnFormat(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                return new ScanResultReader().read(in, pathText);
            } catch (InvalidInputException e) {
                return ScanResult.error(label(file, pathText), pathText, e.problems());
            } catch (IOException e) {
                return ScanResult.error(label(file, pathText), pathText, List.of(Problem.of("file.unreadable",
                        "cannot read report: " + e.getClass().getSimpleName(), Location.ofFile(pathText))));
            }
        }
        return ingest.ingest(file, tool);
    }

    private static String label(Path file, String pathText) {
        return file.getFileName() == null ? pathText : file.getFileName().toString();
    }

    private static boolean isOwnFormat(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(HEAD), StandardCharsets.UTF_8)
                    .contains("\"" + ScanResultReader.FORMAT + "\"");
        } catch (IOException e) {
            return false;
        }
    }
}
