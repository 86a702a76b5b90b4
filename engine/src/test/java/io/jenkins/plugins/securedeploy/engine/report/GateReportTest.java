package io.jenkins.plugins.securedeploy.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.json.JsonSchemas;
import io.jenkins.plugins.securedeploy.engine.json.LocatedTree;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateReportTest {
    @TempDir
    Path dir;

    static String json(GateReport r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new GateReportWriter().write(r, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldJoinDecisionFindingsWaiversAndBaseline() {
        GateReport r = ReportFixtures.report();
        assertThat(r.verdict()).isEqualTo("ERROR");
        assertThat(r.findings()).hasSize(4);
        assertThat(r.findings().get(0).finding().severity()).isEqualTo(Severity.CRITICAL);
        assertThat(r.bySeverity().get(Severity.MEDIUM).waived()).isEqualTo(1);
        assertThat(r.fixed()).extracting(e -> e.ruleId()).containsExactly("CVE-2020-1");
        assertThat(r.newCount()).isEqualTo(3);
        assertThat(r.waiversApplied()).singleElement().satisfies(a -> assertThat(a.findings()).isEqualTo(1));
        assertThat(r.waiversExpired()).singleElement().satisfies(w -> assertThat(w.owner()).isEqualTo("bob"));
        assertThat(r.relaxations()).extracting(x -> x.setting()).containsExactly("fixableOnly");
        assertThat(r.tools()).extracting(t -> t.status()).containsExactly("OK", "OK", "ERROR");
        assertThat(r.reasons()).extracting(x -> x.rule())
                .contains("scanner.error", "thresholds.total.critical", "thresholds.total.high");
    }

    @Test
    void shouldWriteJsonThatValidatesAgainstTheShippedSchema() throws IOException {
        String json = json(ReportFixtures.report());
        LocatedTree tree = LocatedTree.read(json.getBytes(StandardCharsets.UTF_8), "gate-report.json", false);
        assertThat(JsonSchemas.validate(GateReportWriter.SCHEMA, tree)).isEmpty();
        assertThat(json).isEqualTo(json(ReportFixtures.report()));
        assertThat(json.indexOf("\"format\"")).isLessThan(json.indexOf("\"decision\""));
        assertThat(json.indexOf("\"decision\"")).isLessThan(json.indexOf("\"summary\""));
        assertThat(json.indexOf("\"summary\"")).isLessThan(json.indexOf("\"findings\" : ["));
    }

    @Test
    void shouldFlagAReportThatBreaksTheSchema() {
        String broken = "{\"format\":\"secure-deploy-gate-report\",\"version\":1,\"extra\":true}";
        LocatedTree tree = LocatedTree.read(broken.getBytes(StandardCharsets.UTF_8), "x.json", false);
        assertThat(JsonSchemas.validate(GateReportWriter.SCHEMA, tree)).isNotEmpty();
    }

    @Test
    void shouldWriteASelfContainedCspSafeFolder() throws IOException {
        Path index = new HtmlReportWriter().write(ReportFixtures.report(), dir);
        assertThat(dir.resolve("gate-report.js")).exists();
        assertThat(dir.resolve("gate-report.css")).exists();
        assertThat(dir.resolve("gate-report.json")).exists();
        String html = Files.readString(index, StandardCharsets.UTF_8);
        assertThat(html).doesNotContainPattern(Pattern.compile("<script(?![^>]*\\ssrc=\"gate-report\\.js\")",
                Pattern.CASE_INSENSITIVE));
        java.util.regex.Matcher tags = Pattern.compile("<[a-zA-Z][^>]*>").matcher(html);
        int count = 0;
        while (tags.find()) {
            count++;
            assertThat(tags.group().replaceAll("\"[^\"]*\"", "\"\"")).as("tag without attribute values").doesNotContainPattern(Pattern.compile("\\s(on[a-z]+|style)\\s*=",
                    Pattern.CASE_INSENSITIVE));
        }
        assertThat(count).isGreaterThan(50);
        assertThat(html).doesNotContainPattern(Pattern.compile("<style", Pattern.CASE_INSENSITIVE))
                .doesNotContain("javascript:");
        // the only absolute URLs are advisory links (navigation, not loads), built by Advisories
        assertThat(html.replaceAll("<a href=\"https://(nvd\\.nist\\.gov|github\\.com/advisories|osv\\.dev"
                + "|cwe\\.mitre\\.org)/[^\"<>]*\" class=\"advisory\" rel=\"noopener noreferrer\">", ""))
                .doesNotContain("https://");
    }

    @Test
    void shouldRenderHostileToolTextInert() {
        String html = new HtmlReportWriter().render(ReportFixtures.report());
        assertThat(html).doesNotContain(ReportFixtures.HOSTILE).doesNotContain("<script>document")
                .doesNotContain("<img src=x")
                .contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;");
        assertThat(Html.escape("\"'<>&\u0001")).isEqualTo("&quot;&#39;&lt;&gt;&amp; ");
    }

    @Test
    void shouldShowDecisionReasonsOverrideAndRelaxations() {
        String html = new HtmlReportWriter().render(ReportFixtures.report());
        assertThat(html).contains("data-verdict=\"ERROR\"").contains("Gate ERROR").contains("Deployment blocked")
                .contains("scanner.error").contains("grype").contains("Policy relaxations").contains("fixableOnly")
                .contains("waiver-expired").contains("Fixed since the baseline (1)").contains("app-1.0.0.cdx.json");
    }
}
