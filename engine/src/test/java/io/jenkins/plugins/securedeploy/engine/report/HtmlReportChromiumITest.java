package io.jenkins.plugins.securedeploy.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the HTML gate report in headless Chromium, served with the strict CSP a Jenkins controller sends, and checks
 * from the dumped DOM that the external script ran (it marks the body, sorts and counts the rows), that findings and
 * the decision are shown, that hostile tool text stayed inert and that no CSP violation was logged.
 */
class HtmlReportChromiumITest {
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:";

    @TempDir
    Path profile;

    private HttpServer server;
    private Path reportDir;

    static Optional<Path> chromium() {
        return Stream.of("chromium", "chromium-browser", "google-chrome")
                .flatMap(name -> Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                        .map(dir -> Path.of(dir, name)))
                .filter(Files::isExecutable).findFirst();
    }

    @BeforeEach
    void serveReport() throws IOException {
        reportDir = Path.of("target", "gate-report");
        new HtmlReportWriter().write(ReportFixtures.report(), reportDir);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring(1);
            Path file = name.isEmpty() ? reportDir.resolve("index.html") : reportDir.resolve(name).normalize();
            exchange.getResponseHeaders().add("Content-Security-Policy", CSP);
            if (!file.startsWith(reportDir) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] body = Files.readAllBytes(file);
            exchange.getResponseHeaders().add("Content-Type", contentType(name));
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    static String contentType(String name) {
        if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (name.endsWith(".json")) {
            return "application/json";
        }
        return "text/html; charset=utf-8";
    }

    record Run(String stdout, String stderr) {}

    private Run chromium(String... extra) throws IOException, InterruptedException {
        Path exe = chromium().orElseThrow();
        List<String> cmd = new ArrayList<>(List.of(exe.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--enable-logging=stderr", "--v=0",
                "--user-data-dir=" + profile.toAbsolutePath()));
        cmd.addAll(List.of(extra));
        cmd.add("http://127.0.0.1:" + server.getAddress().getPort() + "/index.html");
        Path out = profile.resolve("out-" + System.nanoTime() + ".txt");
        Path err = profile.resolve("err-" + System.nanoTime() + ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s");
        }
        return new Run(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void shouldRunTheScriptUnderAStrictCspAndShowTheDecision() throws Exception {
        assumeTrue(chromium().isPresent(), "chromium is not installed (.ci/run installs it)");
        Run run = chromium("--dump-dom");
        String dom = run.stdout();
        assertThat(dom).contains("data-script=\"ready\"");
        assertThat(dom).contains("Showing 4 of 4 findings");
        assertThat(dom).contains("data-sorted-by=\"rank:desc\"");
        assertThat(dom).contains("Gate ERROR").contains("Deployment blocked").contains("scanner.error")
                .contains("openssl: buffer overflow");
        Matcher rows = Pattern.compile("<tr class=\"finding\"[^>]*data-severity=\"([A-Z]+)\"").matcher(dom);
        List<String> order = new ArrayList<>();
        while (rows.find()) {
            order.add(rows.group(1));
        }
        assertThat(order).containsExactly("CRITICAL", "HIGH", "MEDIUM", "LOW");
        assertThat(dom).contains("&lt;script&gt;document.title").doesNotContain("<title>pwned")
                .doesNotContain("<script>document");
        assertThat(run.stderr()).doesNotContain("Content Security Policy").doesNotContain("Refused to");
    }

    @Test
    void shouldTakeAScreenshot() throws Exception {
        assumeTrue(chromium().isPresent(), "chromium is not installed (.ci/run installs it)");
        Path png = Path.of("target", "gate-report.png").toAbsolutePath();
        Files.deleteIfExists(png);
        Run run = chromium("--screenshot=" + png, "--window-size=1280,1600", "--hide-scrollbars");
        assertThat(png).exists();
        assertThat(Files.size(png)).isGreaterThan(10_000);
        assertThat(run.stderr()).doesNotContain("Content Security Policy");
    }
}
