package io.jenkins.plugins.securedeploy.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.policy.FindingOutcome;
import io.jenkins.plugins.securedeploy.engine.policy.GateDecision;
import io.jenkins.plugins.securedeploy.engine.policy.GateEvaluator;
import io.jenkins.plugins.securedeploy.engine.policy.GateInput;
import io.jenkins.plugins.securedeploy.engine.policy.Policy;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyFloor;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyMerger;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyReader;
import io.jenkins.plugins.securedeploy.engine.policy.Verdict;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What a security engineer reads in the HTML report, and that the waive snippet really waives. */
class ReportContentTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private static String html() {
        return new HtmlReportWriter().render(ReportFixtures.report());
    }

    /** The row of the finding with this fingerprint, from {@code <tr} to {@code </tr>}. */
    private static String row(String html, String fingerprint) {
        int at = html.indexOf("data-fingerprint=\"" + Html.escape(fingerprint) + "\"");
        assertThat(at).as("row of %s", fingerprint).isPositive();
        return html.substring(html.lastIndexOf("<tr", at), html.indexOf("</tr>", at));
    }

    private static String reason(String html, String rule) {
        int at = html.indexOf("data-rule=\"" + rule + "\"");
        assertThat(at).as("reason %s", rule).isPositive();
        return html.substring(at, html.indexOf("</div>\n</li>", at));
    }

    @Test
    void eachReasonLinksToTheRowsOfItsFindings() {
        GateReport r = ReportFixtures.report();
        String html = html();
        Finding crit = r.findings().get(0).finding();
        assertThat(crit.severity()).isEqualTo(Severity.CRITICAL);
        String reason = reason(html, "thresholds.total.critical");
        Matcher link = Pattern.compile("<a href=\"#(f-\\d+)\" class=\"finding-link\">([^<]*)</a>").matcher(reason);
        assertThat(link.find()).as("a link in %s", reason).isTrue();
        assertThat(link.group(2)).contains("CRITICAL").contains("CVE-2024-0001").contains("openssl@3.0.1");
        String row = row(html, crit.fingerprint());
        assertThat(row).contains("id=\"" + link.group(1) + "\"");
        assertThat(reason(html, "thresholds.total.high")).contains("class=\"finding-link\"").contains("semgrep");
    }

    @Test
    void everyRowShowsItsFingerprintAndAWaiveSnippet() {
        GateReport r = ReportFixtures.report();
        String html = html();
        for (FindingOutcome o : r.findings()) {
            String row = row(html, o.finding().fingerprint());
            assertThat(row).contains("<code class=\"fingerprint\">" + Html.escape(o.finding().fingerprint())
                    + "</code>").contains("<summary>waive</summary>")
                    .contains(Html.escape(WaiveSnippet.of(o.finding(), r.waiveUntil())))
                    .contains("class=\"copy\"");
        }
        assertThat(r.waiveUntil()).isEqualTo(TODAY.plusDays(30));
    }

    /** Same rule, other file (b) and same place, other tool (c): neither is waived by a's snippet. */
    @Test
    void theSnippetPastedIntoAPolicyWaivesExactlyThatFinding() {
        Finding a = Finding.builder("semgrep", "python.sqli").title("SQL injection").severity(Severity.HIGH)
                .category(Category.SAST).location(Location.of("src/db.py", 10, 1)).build();
        Finding b = Finding.builder("semgrep", "python.sqli").title("SQL injection").severity(Severity.HIGH)
                .category(Category.SAST).location(Location.of("src/api.py", 10, 1)).build();
        Finding c = Finding.builder("bandit", "python.sqli").title("SQL injection").severity(Severity.HIGH)
                .category(Category.SAST).location(Location.of("src/db.py", 10, 1)).build();
        List<ScanResult> results = List.of(ScanResult.ok("semgrep", "1.60", "semgrep.sarif", List.of(a, b)),
                ScanResult.ok("bandit", "1.7", "bandit.json", List.of(c)));
        String head = "version: 1\nthresholds: {total: {high: 1}}\nwaiverRules: {maxDays: 14}\nwaivers:\n";
        GateDecision before = decide(head + "  []\n", results);
        assertThat(before.verdict()).isEqualTo(Verdict.FAILED);
        GateReport report = GateReport.of(before, results, List.of(), policy(head + "  []\n"), ".secure-deploy.yml",
                ReportFixtures.NOW);
        assertThat(report.waiveUntil()).as("within waiverRules.maxDays").isEqualTo(TODAY.plusDays(14));

        String snippet = WaiveSnippet.of(a, report.waiveUntil());
        GateDecision after = decide(head + snippet, results);
        assertThat(after.findings()).filteredOn(o -> o.waiver().isPresent()).extracting(o -> o.finding())
                .containsExactly(a);
        assertThat(after.findings()).filteredOn(FindingOutcome::counted).extracting(o -> o.finding())
                .containsExactlyInAnyOrder(b, c);
        assertThat(snippet).contains("fingerprint: \"" + a.fingerprint() + "\"").contains("tool: \"semgrep\"")
                .contains("expires: \"" + TODAY.plusDays(14) + "\"").contains("owner: ");
        // all three waived one by one: the gate passes
        String all = head + snippet + WaiveSnippet.of(b, report.waiveUntil()) + WaiveSnippet.of(c,
                report.waiveUntil());
        assertThat(decide(all, results).verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void hostileTextInASnippetCannotAddKeys() {
        Finding f = Finding.builder("semgrep", "r\"\n  package: \"*").title("x").severity(Severity.LOW)
                .category(Category.SAST).build();
        String snippet = WaiveSnippet.of(f, TODAY);
        assertThat(snippet.lines()).hasSize(5).allSatisfy(l -> assertThat(l).matches("(- |  )[a-z]+: \".*\""));
        Policy p = policy("version: 1\nwaivers:\n" + snippet);
        assertThat(p.waivers()).singleElement().satisfies(w -> assertThat(w.value()).isEqualTo(f.fingerprint()));
    }

    @Test
    void unusedWaiversAreListedAndFlagged() {
        GateReport r = ReportFixtures.report();
        assertThat(r.waiversUnused()).singleElement().satisfies(w -> {
            assertThat(w.value()).isEqualTo("left-pad");
            assertThat(w.owner()).isEqualTo("carol");
        });
        String html = html();
        assertThat(html).contains("<h3 class=\"flagged\">Unused (1)</h3>")
                .contains("package left-pad (owner carol, until 2026-12-01) - matched nothing (declared at "
                        + ".secure-deploy.yml:7")
                .contains("Applied (1)").contains("Expired (1)");
        assertThat(GateReport.of(ReportFixtures.decision(), ReportFixtures.results(), List.of(),
                ".secure-deploy.yml", ReportFixtures.NOW).waiversUnused()).as("unknown without the policy").isEmpty();
    }

    @Test
    void scaRowsShowPackageInstalledAndFixedVersionAndTheAdvisoryLink() {
        GateReport r = ReportFixtures.report();
        String row = row(html(), r.findings().get(0).finding().fingerprint());
        assertThat(row).contains("openssl@3.0.1")
                .contains("<span class=\"installed\">3.0.1</span> → <span class=\"fixed\">3.0.13</span>")
                .contains("<a href=\"https://nvd.nist.gov/vuln/detail/CVE-2024-0001\" class=\"advisory\" "
                        + "rel=\"noopener noreferrer\">CVE-2024-0001</a>")
                .contains("9.8");
        Finding zlib = r.findings().stream().map(FindingOutcome::finding).filter(f -> f.ruleId().equals(
                "CVE-2023-9999")).findFirst().orElseThrow();
        assertThat(row(html(), zlib.fingerprint())).contains("<span class=\"no-fix\">no fix</span>");
        assertThat(row(html(), r.findings().get(1).finding().fingerprint())).as("code row: file:line")
                .contains("src/app.js:12");
    }

    @Test
    void eachFailedReasonSaysWhatToDoNext() {
        String html = html();
        assertThat(reason(html, "thresholds.total.critical")).contains("What to do next")
                .contains("Upgrade openssl 3.0.1 to 3.0.13 (CVE-2024-0001).")
                .contains("it expires 2026-12-25");
        assertThat(reason(html, "thresholds.total.high")).contains("Fix xss at src/app.js:12");
        assertThat(reason(html, "scanner.error")).contains("Make grype complete its scan");
    }

    @Test
    void toolsShowVersionAndRelativeSourceAndTheTimestampIsToTheSecond() {
        GateReport r = GateReport.of(ReportFixtures.decision(), List.of(ScanResult.ok("secure-deploy-secrets", "",
                System.getProperty("user.dir") + "/samples/app", List.of())), List.of(), null, "/x/y/.secure-deploy.yml",
                Instant.parse("2026-11-25T10:00:00.123456789Z"));
        assertThat(r.generatedAt()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
        String html = new HtmlReportWriter().render(r);
        assertThat(html).contains("generated 2026-11-25T10:00:00Z<").contains("<td>samples/app</td>")
                .contains("<td class=\"version none\">not reported</td>").contains("Policy y/.secure-deploy.yml");
        assertThat(new HtmlReportWriter().render(ReportFixtures.report())).contains("<td class=\"version\">0.50.0</td>");
    }

    @Test
    void thePageListsTheTopRowsWithTheTotalsOfAll() {
        GateReport r = ReportFixtures.report();
        String html = new HtmlReportWriter(2).render(r);
        assertThat(Pattern.compile("<tr class=\"finding\"").matcher(html).results().count()).isEqualTo(2);
        assertThat(html).contains("4 findings (3 new) · CRITICAL 1 · HIGH 1 · MEDIUM 1 · LOW 1")
                .contains("Showing the top 2 of 4 findings by severity. The full list is in gate-report.json")
                .contains("data-total=\"4\"").contains("data-rows=\"2\"");
        assertThat(html).contains(row(html, r.findings().get(0).finding().fingerprint()));
        assertThat(html).doesNotContain("data-fingerprint=\"" + Html.escape(r.findings().get(3).finding()
                .fingerprint()) + "\"");
        assertThat(new HtmlReportWriter().render(r)).doesNotContain("Showing the top");
    }

    private static Policy policy(String yaml) {
        Policy p = new PolicyReader().read(yaml.getBytes(StandardCharsets.UTF_8), ".secure-deploy.yml");
        return new PolicyMerger().merge(PolicyFloor.NONE, p, TODAY);
    }

    private static GateDecision decide(String yaml, List<ScanResult> results) {
        return new GateEvaluator(ReportFixtures.CLOCK).evaluate(GateInput.of(policy(yaml), results));
    }
}
