package io.jenkins.plugins.securedeploy.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.policy.GateEvaluator;
import io.jenkins.plugins.securedeploy.engine.policy.GateInput;
import io.jenkins.plugins.securedeploy.engine.policy.Policy;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyFloor;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyMerger;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyReader;
import io.jenkins.plugins.securedeploy.engine.policy.Verdict;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.PackageRef;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/report.md's waive snippet is what the report writes for its finding, and waives it through the gate. */
class ReportDocsExampleTest {
    private static Path doc() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("docs/report.md"))) {
                return d.resolve("docs/report.md");
            }
        }
        throw new IllegalStateException("docs/report.md not found above the module");
    }

    /** The block between {@code <!-- waive-snippet:begin -->} and {@code <!-- waive-snippet:end -->}. */
    private static String block(String doc, String name) {
        int begin = doc.indexOf("<!-- " + name + ":begin -->");
        int end = doc.indexOf("<!-- " + name + ":end -->");
        assertThat(begin).as("%s markers in docs/report.md", name).isGreaterThanOrEqualTo(0);
        String b = doc.substring(begin, end);
        return b.substring(b.indexOf("```yaml\n") + 8, b.lastIndexOf("```"));
    }

    @Test
    void theDocumentedSnippetIsTheReportsAndWaivesTheFinding() throws IOException {
        String doc = Files.readString(doc(), StandardCharsets.UTF_8);
        Finding openssl = Finding.builder("trivy", "CVE-2024-0001").title("openssl: buffer overflow")
                .severity(Severity.CRITICAL).score(9.8).category(Category.CONTAINER).id("CVE-2024-0001")
                .pkg(new PackageRef("openssl", "3.0.1", "3.0.13", "")).build();
        String snippet = block(doc, "waive-snippet");
        assertThat(snippet).isEqualTo(WaiveSnippet.of(openssl, LocalDate.of(2026, 12, 25)));
        String policy = block(doc, "waive-policy");
        assertThat(policy).endsWith(snippet);
        Policy p = new PolicyMerger().merge(PolicyFloor.NONE, new PolicyReader().read(policy.getBytes(
                StandardCharsets.UTF_8), ".secure-deploy.yml"), LocalDate.of(2026, 11, 25));
        List<ScanResult> results = List.of(ScanResult.ok("trivy", "0.50.0", "trivy.json", List.of(openssl)));
        assertThat(new GateEvaluator(ReportFixtures.CLOCK).evaluate(GateInput.of(p, results)).verdict())
                .isEqualTo(Verdict.PASSED);
        assertThat(new GateEvaluator(ReportFixtures.CLOCK).evaluate(GateInput.of(Policy.DEFAULT, results))
                .verdict()).isEqualTo(Verdict.FAILED);
    }
}
