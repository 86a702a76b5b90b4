package io.jenkins.plugins.securedeploy.engine.report;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.scan.ScannerDescriptor;
import io.jenkins.plugins.securedeploy.engine.scan.ScannerRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns report arguments into scan results, failing closed: {@code tool=path} parses with that tool's registered
 * parser; a bare path is our own findings format or the registered format detected from its first bytes. Anything
 * that cannot be read becomes an ERROR {@link ScanResult} naming the tool (or the file), so the gate reports ERROR.
 */
public final class ReportInputs {
    private static final int HEAD = 8192;
    private final ScannerRegistry registry;

    public ReportInputs(ScannerRegistry registry) {
        this.registry = registry;
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
        String label = tool != null ? tool : file.getFileName() == null ? pathText : file.getFileName().toString();
        try {
            String head = head(file);
            if (tool == null && head.contains("\"" + ScanResultReader.FORMAT + "\"")) {
                try (InputStream in = Files.newInputStream(file)) {
                    return new ScanResultReader().read(in, pathText);
                }
            }
            Optional<ScannerDescriptor> d = tool != null ? registry.find(tool) : detect(head);
            if (d.isEmpty()) {
                return ScanResult.error(label, pathText, List.of(Problem.of("report.unknown-format", tool != null
                        ? "no scanner '" + tool + "' is registered" : "report format not recognised",
                        Location.ofFile(pathText))));
            }
            try (InputStream in = Files.newInputStream(file)) {
                return d.get().createParser().parse(in, pathText);
            }
        } catch (InvalidInputException e) {
            return ScanResult.error(label, pathText, e.problems());
        } catch (IOException e) {
            return ScanResult.error(label, pathText, List.of(Problem.of("file.unreadable",
                    "cannot read report: " + e.getClass().getSimpleName(), Location.ofFile(pathText))));
        }
    }

    private Optional<ScannerDescriptor> detect(String head) {
        return registry.all().stream().filter(d -> d.detect(head) > 0)
                .max(Comparator.comparingInt(d -> d.detect(head)));
    }

    private static String head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(HEAD), StandardCharsets.UTF_8);
        }
    }
}
