package io.jenkins.plugins.securedeploy.engine.scan;

import io.jenkins.plugins.securedeploy.engine.scan.registry.ScannerRegistry;
import io.jenkins.plugins.securedeploy.engine.scan.registry.ReportIngest;
import io.jenkins.plugins.securedeploy.engine.scan.registry.FormatDetector;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.testing.InMemoryWorkspace;
import io.jenkins.plugins.securedeploy.engine.testing.SecretCanary;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportIngestTest {
    private static final String BASE = "/io/jenkins/plugins/securedeploy/engine/scan/";
    private final ReportIngest ingest = ReportIngest.standard();

    private static InputStream resource(String path) {
        return ReportIngestTest.class.getResourceAsStream(BASE + path);
    }

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource({"sarif/two-runs-rules-after-results.sarif.json, sarif, 7",
        "sarif/gitleaks-sarif-simple.sarif.json, gitleaks, 1",
        "trivy/trivy-image-alpine-310.json, trivy, 5",
        "trivy/trivy-fs-repo.json, trivy, 4",
        "grype/grype-image-golden.json, grype, 2",
        "gitleaks/gitleaks-v8-report.json, gitleaks, 3",
        "osv/osv-scanner-lockfiles.json, osv-scanner, 4",
        "npmaudit/npm-audit-lodash-minimist.json, npm-audit, 6"})
    void shouldDetectEveryFormatFromItsContent(String path, String tool, int findings) {
        ScanResult r = ingest.ingest(resource(path), path, null);
        assertThat(r.isError()).as("%s: %s", path, r.problems()).isFalse();
        assertThat(r.tool()).isEqualTo(tool);
        assertThat(r.findings()).hasSize(findings);
    }

    @Test
    void shouldRecogniseTheErrorNpmWritesAndReportIt() {
        ScanResult r = ingest.ingest(resource("npmaudit/npm-audit-error-405.json"), "npm-audit.json", null);
        assertThat(r.isError()).isTrue();
        assertThat(r.tool()).isEqualTo("npm-audit");
        assertThat(r.problems().get(0).code()).isEqualTo("report.tool-error");
    }

    @Test
    void shouldReportAMissingFileAsAnErrorNamingIt(@TempDir Path dir) {
        ScanResult r = ingest.ingest(dir.resolve("nope.json"), null);
        assertThat(r.isError()).isTrue();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("file.missing");
            assertThat(p.location().file()).endsWith("nope.json");
        });
        assertThat(ingest.ingest(dir, null).problems().get(0).code()).isEqualTo("file.directory");
    }

    @Test
    void shouldReportEmptyAndUnknownReportsAsErrorsListingTheFormats(@TempDir Path dir) throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.json"), "");
        assertThat(ingest.ingest(empty, null).problems().get(0).code()).isEqualTo("report.empty");
        Path unknown = Files.writeString(dir.resolve("other.json"), "{\"foo\": 1}");
        ScanResult r = ingest.ingest(unknown, null);
        assertThat(r.isError()).isTrue();
        assertThat(r.tool()).isEqualTo(ReportIngest.UNKNOWN_TOOL);
        Problem p = r.problems().get(0);
        assertThat(p.code()).isEqualTo("report.unknown-format");
        assertThat(p.message()).contains("gitleaks", "grype", "npm-audit", "osv", "sarif", "trivy");
        assertThat(p.location().file()).endsWith("other.json");
    }

    @Test
    void shouldHonourAnExplicitFormatAndRejectUnknownIds() {
        assertThat(ingest.ingest(text("[]"), "leaks.json", null).isError()).as("[] alone is not recognised").isTrue();
        ScanResult explicit = ingest.ingest(text("[]"), "leaks.json", "gitleaks");
        assertThat(explicit.isError()).isFalse();
        assertThat(explicit.findings()).isEmpty();
        ScanResult wrong = ingest.ingest(text("[]"), "leaks.json", "nessus");
        assertThat(wrong.problems().get(0).code()).isEqualTo("report.unsupported-format");
        assertThat(wrong.problems().get(0).message()).contains("supported: ").contains("gitleaks, grype");
        ScanResult mismatch = ingest.ingest(resource("gitleaks/gitleaks-v8-report.json"), "r.json", "trivy");
        assertThat(mismatch.isError()).as("a gitleaks report forced through trivy").isTrue();
        assertThat(mismatch.tool()).isEqualTo("trivy");
    }

    @Test
    void shouldTurnATruncatedReportIntoALocatedError() {
        ScanResult r = ingest.ingest(text("{\"SchemaVersion\": 2, \"Results\": [{\"Target\": \"x\""), "t.json", null);
        assertThat(r.isError()).isTrue();
        assertThat(r.tool()).isEqualTo("trivy");
        assertThat(r.findings()).isEmpty();
        assertThat(r.problems().get(0).location().line()).isPositive();
    }

    @Test
    void shouldContainAParserCrashWithoutEchoingItsMessage() {
        SecretCanary canary = SecretCanary.create();
        ScannerDescriptor crashing = new ScannerDescriptor() {
            @Override
            public String id() {
                return "crashy";
            }

            @Override
            public String displayName() {
                return "Crashy";
            }

            @Override
            public Category category() {
                return Category.OTHER;
            }

            @Override
            public int detect(String head) {
                return 100;
            }

            @Override
            public ReportParser createParser() {
                return (in, name, sink) -> {
                    throw new IllegalStateException("boom near " + canary.value());
                };
            }
        };
        ScanResult r = new ReportIngest(new ScannerRegistry(List.of(crashing))).ingest(text("{}"), "c.json", null);
        assertThat(r.isError()).isTrue();
        assertThat(r.problems().get(0).code()).isEqualTo("report.parser-failed");
        canary.assertAbsent("problems", r.problems().toString());
    }

    @Test
    void shouldReadFromAWorkspace() {
        InMemoryWorkspace ws = new InMemoryWorkspace().with("reports/leaks.json",
                "[{\"RuleID\":\"r\",\"File\":\"a\",\"StartLine\":1,\"Secret\":\"x\",\"Fingerprint\":\"f\"}]");
        assertThat(ingest.ingest(ws, "reports/leaks.json", null).findings()).hasSize(1);
        assertThat(ingest.ingest(ws, "reports/none.json", null).problems().get(0).code()).isEqualTo("file.missing");
    }

    @Test
    void shouldRefuseToGuessBetweenEquallyConfidentFormats() {
        ScannerDescriptor a = new FixedConfidence("a", 80);
        ScannerDescriptor b = new FixedConfidence("b", 80);
        ScanResult r = new ReportIngest(new ScannerRegistry(List.of(a, b))).ingest(text("{}"), "x.json", null);
        assertThat(r.problems().get(0).code()).isEqualTo("report.ambiguous-format");
    }

    @Test
    void shouldSayWhatItGuessedForCleanReportsWithFewSignals() {
        ScanResult semgrep = ingest.ingest(text("{\"results\": [], \"errors\": []}"), "out/scan.json", null);
        assertThat(semgrep.isError()).as("%s", semgrep.problems()).isFalse();
        assertThat(semgrep.tool()).isEqualTo("semgrep");
        assertThat(semgrep.problems()).extracting(Problem::code).containsExactly("report.format-guessed");
        ScanResult gitleaks = ingest.ingest(text("[]"), "out/gitleaks-report.json", null);
        assertThat(gitleaks.tool()).isEqualTo("gitleaks");
        assertThat(gitleaks.problems().get(0).message()).contains("file name");
        assertThat(ingest.ingest(text("[]"), "out/report.json", null).problems().get(0).code())
                .isEqualTo("report.unknown-format");
        ScanResult sure = ingest.ingest(text("{\"version\":\"2.1.0\",\"$schema\":\"sarif-2.1.0\",\"runs\":[{\"tool\":"
                + "{\"driver\":{\"name\":\"x\"}},\"results\":[]}]}"), "out/x.sarif", null);
        assertThat(sure.problems()).as("a sure detection says nothing").isEmpty();
    }

    @Test
    void shouldStreamIntoASinkAndEndItEvenWhenTheReportFails() {
        CountingSink ok = new CountingSink();
        ingest.ingest(text("[{\"RuleID\":\"r\",\"File\":\"a\",\"StartLine\":1,\"Fingerprint\":\"f\"}]"),
                "gitleaks.json", "gitleaks", ok);
        assertThat(ok.findings()).isEqualTo(1);
        assertThat(ok.problems()).isZero();
        assertThat(ok.end()).isEqualTo(new ReportEnd("gitleaks", ""));
        CountingSink broken = new CountingSink();
        ingest.ingest(text("[{\"RuleID\":\"r\",\"File\":\"a\"}, {\"RuleID\""), "gitleaks.json", "gitleaks", broken);
        assertThat(broken.findings()).as("accepted before the failure").isEqualTo(1);
        assertThat(broken.problems()).as("the failure reaches the sink as a problem").isPositive();
        assertThat(broken.end().tool()).isEqualTo("gitleaks");
        CountingSink unknown = new CountingSink();
        ingest.ingest(text("hello"), "x.txt", null, unknown);
        assertThat(unknown.problems()).isEqualTo(1);
        assertThat(unknown.end().tool()).isEqualTo(ReportIngest.UNKNOWN_TOOL);
    }

    @Test
    void shouldDecodeAHeadCutInsideAMultiByteCharacter() {
        byte[] bytes = "{\"runs\": \"é\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(FormatDetector.head(bytes, 11)).startsWith("{\"runs\": \"");
        assertThat(FormatDetector.head("\uFEFF[]".getBytes(StandardCharsets.UTF_8), 5)).isEqualTo("[]");
    }

    private record FixedConfidence(String id, int confidence) implements ScannerDescriptor {
        @Override
        public String displayName() {
            return id;
        }

        @Override
        public Category category() {
            return Category.OTHER;
        }

        @Override
        public int detect(String head) {
            return confidence;
        }

        @Override
        public ReportParser createParser() {
            return (in, name, sink) -> sink.end(new ReportEnd(id, ""));
        }
    }
}
