package io.jenkins.plugins.securedeploy.engine.scan;

import io.jenkins.plugins.securedeploy.engine.scan.registry.ScannerRegistry;
import io.jenkins.plugins.securedeploy.engine.scan.registry.ReportIngest;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/**
 * Run in a forked JVM with a small heap by {@link BoundedMemoryTest}. Modes:
 * <ul>
 *   <li>{@code sarif BYTES} / {@code trivy BYTES}: streams a generated report of that size through the parser into a
 *       {@link CountingSink} and prints counts, bytes, time and the peak heap used;</li>
 *   <li>{@code grype-ingest BYTES}: ingests a generated Grype report through {@link ReportIngest} into a
 *       {@link CollectingSink} (which keeps every finding) and prints the status and problem codes — it must run out
 *       of memory and say so as an ERROR, not die.</li>
 * </ul>
 */
public final class BoundedMemoryProbe {
    static final String RESULT_PREFIX = "BOUNDED-MEMORY-RESULT ";

    private BoundedMemoryProbe() {}

    /** A CodeQL-shaped SARIF: tool (with rules) first, as CodeQL writes it; ~3 KiB results with snippets. */
    public static GeneratedReportStream sarif(long bytes) {
        String snippet = "s".repeat(2500);
        return new GeneratedReportStream("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\","
                + "\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"CodeQL\",\"semanticVersion\":"
                + "\"2.18.4\",\"rules\":[{\"id\":\"js/xss\",\"defaultConfiguration\":{\"level\":\"error\"},"
                + "\"properties\":{\"security-severity\":\"6.1\",\"tags\":[\"external/cwe/cwe-079\"]}},"
                + "{\"id\":\"js/sqli\",\"defaultConfiguration\":{\"level\":\"error\"}}]}},\"results\":[",
                i -> "{\"ruleId\":\"" + (i % 2 == 0 ? "js/xss" : "js/sqli") + "\",\"message\":{\"text\":\"Issue " + i
                        + "\"},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"src/f"
                        + (i % 1000) + ".js\"},\"region\":{\"startLine\":" + (i % 5000 + 1) + ",\"snippet\":{\"text\":\""
                        + snippet + "\"}}}}],\"partialFingerprints\":{\"primaryLocationLineHash\":\""
                        + Integer.toHexString(i) + ":1\"}}",
                ",", "]}]}", bytes);
    }

    /** A Trivy image report with many results, each with a few vulnerabilities with long descriptions. */
    public static GeneratedReportStream trivy(long bytes) {
        String description = "d".repeat(700);
        return new GeneratedReportStream("{\"SchemaVersion\":2,\"ArtifactName\":\"big:1\",\"ArtifactType\":"
                + "\"container_image\",\"Results\":[",
                i -> "{\"Target\":\"layer-" + i + "\",\"Class\":\"lang-pkgs\",\"Type\":\"jar\",\"Vulnerabilities\":["
                        + vuln(i, 0, "CRITICAL", description) + "," + vuln(i, 1, "HIGH", description) + ","
                        + vuln(i, 2, "LOW", description) + "]}",
                ",", "]}", bytes);
    }

    private static String vuln(int i, int k, String severity, String description) {
        return "{\"VulnerabilityID\":\"CVE-2024-" + (i * 3 + k) + "\",\"PkgName\":\"pkg" + (i % 100) + "\","
                + "\"InstalledVersion\":\"1.0." + i + "\",\"FixedVersion\":\"1.1\",\"Severity\":\"" + severity + "\","
                + "\"Description\":\"" + description + "\",\"CVSS\":{\"nvd\":{\"V3Score\":7.5}}}";
    }

    /** A Grype report of small matches (source after matches, as Grype writes it). */
    public static GeneratedReportStream grype(long bytes) {
        return new GeneratedReportStream("{\"matches\":[", i -> "{\"vulnerability\":{\"id\":\"CVE-2024-" + i
                + "\",\"severity\":\"High\",\"fix\":{\"versions\":[\"2." + i + "\"],\"state\":\"fixed\"}},"
                + "\"artifact\":{\"name\":\"p" + i + "\",\"version\":\"1." + i + "\",\"purl\":\"pkg:npm/p" + i + "@1."
                + i + "\",\"locations\":[{\"path\":\"/app/node_modules/p" + i + "/package.json\"}]}}",
                ",", "],\"source\":{\"type\":\"image\"},\"descriptor\":{\"name\":\"grype\",\"version\":\"0.82.0\"}}",
                bytes);
    }

    public static void main(String[] args) {
        String mode = args[0];
        long bytes = Long.parseLong(args[1]);
        long start = System.nanoTime();
        if ("grype-ingest".equals(mode)) {
            ScanResult r = ReportIngest.standard().ingest(grype(bytes), "grype-big.json", null);
            print("status=" + r.status() + " codes=" + String.join(",",
                    r.problems().stream().map(p -> p.code()).toList()) + " findings=" + r.findings().size());
            return;
        }
        GeneratedReportStream in = "sarif".equals(mode) ? sarif(bytes) : trivy(bytes);
        ScannerDescriptor d = ScannerRegistry.standard().find(mode).orElseThrow();
        CountingSink sink = new CountingSink();
        d.createParser().parse(in, mode + "-big.json", sink);
        long millis = (System.nanoTime() - start) / 1_000_000;
        print(String.format(Locale.ROOT, "ended=%s findings=%d items=%d bytes=%d millis=%d peakHeap=%d maxHeap=%d "
                        + "bySeverity=%s", sink.ended(), sink.findings(), in.itemsProduced(), in.bytesProduced(),
                millis, peakHeap(), Runtime.getRuntime().maxMemory(), sink.bySeverity().toString().replace(" ", "")));
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static void print(String line) {
        System.out.println(RESULT_PREFIX + line);
        System.out.flush();
    }
}
