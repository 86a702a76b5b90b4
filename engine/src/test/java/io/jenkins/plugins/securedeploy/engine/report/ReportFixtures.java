package io.jenkins.plugins.securedeploy.engine.report;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.policy.Baseline;
import io.jenkins.plugins.securedeploy.engine.policy.EvidenceFacts;
import io.jenkins.plugins.securedeploy.engine.policy.GateDecision;
import io.jenkins.plugins.securedeploy.engine.policy.GateEvaluator;
import io.jenkins.plugins.securedeploy.engine.policy.GateInput;
import io.jenkins.plugins.securedeploy.engine.policy.Policy;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyFloor;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyMerger;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyReader;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.PackageRef;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** A small but complete gate run for report tests: every section has content, one title is hostile. */
public final class ReportFixtures {
    public static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final String HOSTILE = "<script>document.title='pwned'</script><img src=x onerror=alert(1)>";

    private ReportFixtures() {}

    public static List<ScanResult> results() {
        Finding crit = Finding.builder("trivy", "CVE-2024-0001").title("openssl: buffer overflow")
                .severity(Severity.CRITICAL).score(9.8).category(Category.CONTAINER).id("CVE-2024-0001")
                .pkg(new PackageRef("openssl", "3.0.1", "3.0.13", "")).build();
        Finding hostile = Finding.builder("semgrep", "xss").title(HOSTILE).severity(Severity.HIGH)
                .category(Category.SAST).location(Location.of("src/app.js", 12, 3)).build();
        Finding waived = Finding.builder("trivy", "CVE-2023-9999").title("zlib issue").severity(Severity.MEDIUM)
                .category(Category.CONTAINER).id("CVE-2023-9999").pkg(new PackageRef("zlib", "1.2", "", "")).build();
        Finding low = Finding.builder("trivy", "CVE-2022-1").title("old low").severity(Severity.LOW)
                .category(Category.CONTAINER).id("CVE-2022-1").pkg(new PackageRef("bash", "5", "5.1", "")).build();
        ScanResult broken = ScanResult.error("grype", "grype.json",
                List.of(Problem.of("json.truncated", "unexpected end of input", Location.of("grype.json", 40, 2))));
        return List.of(ScanResult.ok("trivy", "0.50.0", "trivy.json", List.of(crit, waived, low)),
                ScanResult.ok("semgrep", "1.60", "semgrep.sarif", List.of(hostile)), broken);
    }

    public static Policy policy() {
        Policy p = new PolicyReader().read("""
                version: 1
                thresholds: {total: {high: 0}}
                fixableOnly: true
                waivers:
                  - {id: CVE-2023-9999, owner: alice, reason: not exploitable, ticket: SEC-9, expires: 2026-12-31}
                  - {rule: old-rule, owner: bob, reason: legacy, expires: 2026-01-01}
                  - {package: left-pad, owner: carol, reason: removed long ago, ticket: SEC-3, expires: 2026-12-01}
                """.getBytes(StandardCharsets.UTF_8), ".secure-deploy.yml");
        return new PolicyMerger().merge(PolicyFloor.NONE, p, LocalDate.of(2026, 11, 25));
    }

    public static GateDecision decision() {
        Finding gone = Finding.builder("trivy", "CVE-2020-1").title("fixed one").severity(Severity.HIGH).build();
        Finding low = results().get(0).findings().get(2);
        return new GateEvaluator(CLOCK).evaluate(GateInput.of(policy(), results())
                .withBaseline(Baseline.ofFindings(List.of(gone, low))).withFacts(EvidenceFacts.NONE));
    }

    public static GateReport report() {
        return GateReport.of(decision(), results(), List.of(new EvidenceEntry("sbom", "app-1.0.0.cdx.json",
                "sha256:" + "ab".repeat(32), "present")), policy(), ".secure-deploy.yml", NOW);
    }
}
