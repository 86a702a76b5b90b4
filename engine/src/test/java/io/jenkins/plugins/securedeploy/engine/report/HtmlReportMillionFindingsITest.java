package io.jenkins.plugins.securedeploy.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.policy.GateDecision;
import io.jenkins.plugins.securedeploy.engine.policy.GateEvaluator;
import io.jenkins.plugins.securedeploy.engine.policy.GateInput;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.PackageRef;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gate over 1,000,000 findings: its HTML page lists the top {@value HtmlReportWriter#DEFAULT_MAX_ROWS} by severity
 * (every CRITICAL first), states the totals of all and that the full list is in the JSON, stays under 5 MB, and
 * loads in headless Chromium under the strict CSP with its script run and no CSP violation.
 */
class HtmlReportMillionFindingsITest {
    private static final int FINDINGS = 1_000_000;
    private static final long MAX_HTML_BYTES = 5L * 1024 * 1024;
    private static final Severity[] SEVERITIES = {Severity.LOW, Severity.MEDIUM, Severity.HIGH, Severity.INFO};

    @TempDir
    Path dir;

    static GateReport millionFindingReport() {
        List<Finding> sca = new ArrayList<>(FINDINGS / 2);
        List<Finding> code = new ArrayList<>(FINDINGS / 2);
        for (int i = 0; i < FINDINGS; i++) {
            // 700 CRITICAL among a million, spread through the report: all of them must be on the page
            Severity s = i % 1429 == 7 ? Severity.CRITICAL : SEVERITIES[i % SEVERITIES.length];
            if (i % 2 == 0) {
                sca.add(Finding.builder("trivy", "CVE-2024-" + (10000 + i)).title("vulnerable package " + i)
                        .severity(s).score(s == Severity.CRITICAL ? 9.8 : 5.0).category(Category.SCA)
                        .id("CVE-2024-" + (10000 + i)).pkg(new PackageRef("pkg" + (i % 5000), "1.0." + i, "1.1." + i,
                                "pkg:npm/pkg" + (i % 5000) + "@1.0." + i)).toolFingerprint("t" + i).build());
            } else {
                code.add(Finding.builder("semgrep", "rule-" + (i % 300)).title("issue " + i).severity(s)
                        .category(Category.SAST).location(Location.of("src/m" + (i % 2000) + "/f.js", i % 900 + 1, 1))
                        .toolFingerprint("s" + i).build());
            }
        }
        List<ScanResult> results = List.of(ScanResult.ok("trivy", "0.50.0", "trivy.json", sca),
                ScanResult.ok("semgrep", "1.60", "semgrep.sarif", code));
        GateDecision d = new GateEvaluator(ReportFixtures.CLOCK).evaluate(GateInput.of(ReportFixtures.policy(),
                results));
        return GateReport.of(d, results, List.of(), ReportFixtures.policy(), ".secure-deploy.yml", ReportFixtures.NOW);
    }

    @Test
    void aMillionFindingReportLoadsUnderCspWithTheTopRowsAndTotals() throws Exception {
        assumeTrue(HtmlReportChromiumITest.chromium().isPresent(), "chromium is not installed (.ci/run installs it)");
        GateReport report = millionFindingReport();
        assertThat(report.findings()).hasSize(FINDINGS);
        Path page = dir.resolve("report");
        Path index = new HtmlReportWriter().writePage(report, page);
        long size = Files.size(index);
        assertThat(size).as("index.html bytes").isLessThan(MAX_HTML_BYTES);

        HttpServer server = serve(page);
        try {
            Path exe = HtmlReportChromiumITest.chromium().orElseThrow();
            Path out = dir.resolve("dom.html");
            Path err = dir.resolve("chromium.log");
            long start = System.nanoTime();
            Process p = new ProcessBuilder(exe.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                    "--enable-logging=stderr", "--v=0", "--user-data-dir=" + dir.resolve("profile"), "--dump-dom",
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/index.html")
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("chromium finished").isTrue();
            long wallMillis = (System.nanoTime() - start) / 1_000_000;
            String dom = Files.readString(out, StandardCharsets.UTF_8);
            String log = Files.readString(err, StandardCharsets.UTF_8);
            assertThat(dom).contains("data-script=\"ready\"")
                    .contains("Showing 1000 of 1000 findings (the top 1000 of 1000000)")
                    .contains("1000000 findings (1000000 new) · CRITICAL 700 · HIGH")
                    .contains("Showing the top 1000 of 1000000 findings by severity. The full list is in "
                            + "gate-report.json");
            Matcher rows = Pattern.compile("<tr class=\"finding\"[^>]*data-severity=\"([A-Z]+)\"").matcher(dom);
            List<String> order = new ArrayList<>();
            while (rows.find()) {
                order.add(rows.group(1));
            }
            assertThat(order).hasSize(HtmlReportWriter.DEFAULT_MAX_ROWS);
            assertThat(order.subList(0, 700)).containsOnly("CRITICAL");
            assertThat(order.subList(700, 1000)).containsOnly("HIGH");
            assertThat(log).doesNotContain("Content Security Policy").doesNotContain("Refused to");
            Matcher ready = Pattern.compile("data-ready-ms=\"(\\d+)\"").matcher(dom);
            assertThat(ready.find()).isTrue();
            long readyMillis = Long.parseLong(ready.group(1));
            System.out.printf(java.util.Locale.ROOT, "million-finding report: index.html %d bytes, script ready "
                    + "%d ms after navigation start, chromium run %d ms%n", size, readyMillis, wallMillis);
            // under a second on an idle machine; generous here, where other builds share two cores
            assertThat(readyMillis).as("ms until the page's script finished").isLessThan(5000);
        } finally {
            server.stop(0);
        }
    }

    private static HttpServer serve(Path root) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring(1);
            Path file = root.resolve(name.isEmpty() ? "index.html" : name).normalize();
            exchange.getResponseHeaders().add("Content-Security-Policy", HtmlReportChromiumITest.CSP);
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] body = Files.readAllBytes(file);
            exchange.getResponseHeaders().add("Content-Type", HtmlReportChromiumITest.contentType(name));
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(body);
            }
        });
        server.start();
        return server;
    }
}
