package io.jenkins.plugins.securedeploy.engine.scan;

import io.jenkins.plugins.securedeploy.engine.scan.findings.ScanResultsReader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanResultsCodecTest {
    private static List<ScanResult> sample() {
        Finding pkg = Finding.builder("trivy", "CVE-2024-0001").title("openssl \"overflow\" <b>")
                .severity(Severity.CRITICAL).score(9.8).category(Category.CONTAINER).id("CVE-2024-0001")
                .id("GHSA-x").pkg(new PackageRef("openssl", "3.0.1", "3.0.13", "pkg:deb/openssl@3.0.1")).build();
        Finding code = Finding.builder("semgrep", "xss").severity(Severity.HIGH).category(Category.SAST)
                .location(Location.of("src/app.js", 12, 3)).toolFingerprint("abc").build();
        ScanResult broken = ScanResult.error("grype", "grype.json", List.of(
                Problem.of("json.truncated", "unexpected end of input", Location.of("grype.json", 40, 2))));
        return List.of(ScanResult.ok("trivy", "0.50.0", "trivy.json", List.of(pkg, code)), broken,
                ScanResult.ok("bandit", "", "", List.of()));
    }

    @Test
    void shouldReadBackEqualResultsIncludingFingerprintsScoresAndProblems() {
        byte[] json = new ScanResultsWriter().write(sample());

        assertThat(new ScanResultsReader().read(json, "results.json")).isEqualTo(sample());
    }

    @Test
    void shouldRefuseADocumentOfAnotherFormatOrVersion() {
        for (String doc : List.of("{\"format\":\"secure-deploy-scan-result\",\"version\":1,\"results\":[]}",
                "{\"format\":\"secure-deploy-findings\",\"version\":2,\"results\":[]}",
                "{\"format\":\"secure-deploy-findings\",\"results\":[]}")) {
            assertThatThrownBy(() -> new ScanResultsReader().read(doc.getBytes(StandardCharsets.UTF_8), "x.json"))
                    .as(doc).isInstanceOf(InvalidInputException.class).hasMessageContaining("x.json")
                    .hasMessageContaining("[findings.");
        }
    }

    @Test
    void shouldStillReadTheInterchangeWrittenUnderItsFormerName() {
        String legacy = new String(new ScanResultsWriter().write(sample()), StandardCharsets.UTF_8)
                .replace("\"format\":\"secure-deploy-findings\"", "\"format\":\"secure-deploy-scan-results\"");

        assertThat(new ScanResultsReader().read(legacy.getBytes(StandardCharsets.UTF_8), "build.xml"))
                .isEqualTo(sample());
    }

    @Test
    void shouldReadAnEmptyDocument() {
        byte[] json = "{\"format\":\"secure-deploy-findings\",\"version\":1,\"results\":[]}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(new ScanResultsReader().read(json, "x.json")).isEmpty();
    }

    @Test
    void shouldRefuseCountsThatDisagreeWithTheFindings() {
        String text = new String(new ScanResultsWriter().write(sample()), StandardCharsets.UTF_8)
                .replace("\"CRITICAL\":1", "\"CRITICAL\":0");

        assertThatThrownBy(() -> new ScanResultsReader().read(text.getBytes(StandardCharsets.UTF_8), "x.json"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("/results/0/counts")
                .hasMessageContaining("counts.CRITICAL is 0 but the result lists 1");
    }

    @Test
    void shouldRefuseAMisspelledFieldInsteadOfIgnoringIt() {
        String text = new String(new ScanResultsWriter().write(sample()), StandardCharsets.UTF_8)
                .replace("\"severity\":\"HIGH\"", "\"severty\":\"HIGH\"");

        assertThatThrownBy(() -> new ScanResultsReader().read(text.getBytes(StandardCharsets.UTF_8), "x.json"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("/results/0/findings/1/severty")
                .hasMessageContaining("unknown field");
    }

    @Test
    void shouldRefuseAFindingWithAnUnknownSeverityInsteadOfDroppingIt() {
        String text = new String(new ScanResultsWriter().write(sample()), StandardCharsets.UTF_8)
                .replace("\"severity\":\"CRITICAL\"", "\"severity\":\"SEVERE\"");

        assertThatThrownBy(() -> new ScanResultsReader().read(text.getBytes(StandardCharsets.UTF_8), "x.json"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("/results/0/findings/0/severity")
                .hasMessageContaining("unknown severity");
    }

    @Test
    void shouldRefuseTruncatedInput() {
        byte[] json = new ScanResultsWriter().write(sample());
        byte[] cut = java.util.Arrays.copyOf(json, json.length / 2);

        assertThatThrownBy(() -> new ScanResultsReader().read(cut, "x.json")).isInstanceOf(InvalidInputException.class);
    }
}
