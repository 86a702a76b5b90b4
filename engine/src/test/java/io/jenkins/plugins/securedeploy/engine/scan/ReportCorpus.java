package io.jenkins.plugins.securedeploy.engine.scan;

import io.jenkins.plugins.securedeploy.engine.scan.registry.ScannerRegistry;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The real-shaped reports of every format: each tool's fixture folder ({@code scan/<package of its descriptor>/})
 * holds reports, and every report {@code x} that has an {@code x.expected} file beside it is a corpus case. The
 * expected file says what reading it must give:
 * <pre>
 * status=OK            # OK or ERROR (the report is read but says the scan failed or recorded nothing)
 *                      # or REFUSED (the parser must refuse it: not readable as this format)
 * CRITICAL=1           # findings per severity; severities not listed are 0
 * detect=gitleaks      # what auto-detection must pick (default: the folder's format; "none": must refuse)
 * code=sarif.no-runs   # optional: a problem code the result must carry
 * </pre>
 * A new case is a new file pair, not new code.
 */
public final class ReportCorpus {
    /** One corpus case. */
    public record Case(ScannerDescriptor descriptor, Path report, String status, Map<Severity, Integer> counts,
            String detect, String code) {
        public String name() {
            return descriptor.id() + "/" + report.getFileName();
        }

        public byte[] bytes() {
            try {
                return Files.readAllBytes(report);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public boolean readable() {
            return !"REFUSED".equals(status);
        }
    }

    private ReportCorpus() {}

    /** The fixture folder of a descriptor: its package's last segment, under this test package's resources. */
    public static Path folder(ScannerDescriptor d) {
        String pkg = d.getClass().getPackageName();
        String segment = pkg.substring(pkg.lastIndexOf('.') + 1);
        URL url = ReportCorpus.class.getResource(segment);
        if (url == null) {
            throw new IllegalStateException("no fixture folder " + segment + " for format " + d.id());
        }
        try {
            return Paths.get(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every case of one format, sorted by file name. */
    public static List<Case> cases(ScannerDescriptor d) {
        Path dir = folder(d);
        List<Case> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path expected : files.filter(f -> f.getFileName().toString().endsWith(".expected")).sorted()
                    .toList()) {
                String name = expected.getFileName().toString();
                Path report = dir.resolve(name.substring(0, name.length() - ".expected".length()));
                if (!Files.isRegularFile(report)) {
                    throw new IllegalStateException(expected + " has no report beside it");
                }
                out.add(read(d, report, expected));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Every case of every registered format. */
    public static List<Case> all() {
        List<Case> out = new ArrayList<>();
        ScannerRegistry.standard().all().forEach(d -> out.addAll(cases(d)));
        return out;
    }

    private static Case read(ScannerDescriptor d, Path report, Path expected) throws IOException {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(expected)) {
            props.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, Integer.parseInt(props.getProperty(s.name(), "0").trim()));
        }
        String status = props.getProperty("status", "OK").trim();
        if (!List.of("OK", "ERROR", "REFUSED").contains(status)) {
            throw new IllegalStateException(expected + ": status must be OK, ERROR or REFUSED");
        }
        return new Case(d, report, status, counts, props.getProperty("detect", d.id()).trim(),
                props.getProperty("code", "").trim());
    }
}
