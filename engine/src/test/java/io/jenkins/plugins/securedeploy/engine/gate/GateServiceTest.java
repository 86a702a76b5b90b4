package io.jenkins.plugins.securedeploy.engine.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.EnvironmentException;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.host.EvidenceRef;
import io.jenkins.plugins.securedeploy.engine.host.EvidenceStore;
import io.jenkins.plugins.securedeploy.engine.policy.FloorSettings;
import io.jenkins.plugins.securedeploy.engine.policy.GateReason;
import io.jenkins.plugins.securedeploy.engine.policy.Verdict;
import io.jenkins.plugins.securedeploy.engine.report.EvidenceEntry;
import io.jenkins.plugins.securedeploy.engine.report.ReportFixtures;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.PackageRef;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.scan.registry.ReportSource;
import io.jenkins.plugins.securedeploy.engine.testing.InMemoryEvidenceStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateServiceTest {
    private final InMemoryEvidenceStore store = new InMemoryEvidenceStore();

    private static ReportSource findings(String name, String body) {
        return ReportSource.ofBytes(name, null, ("{\"format\": \"secure-deploy-findings\", \"version\": 1, "
                + "\"results\": [{\"tool\": \"mytool\", \"findings\": [" + body + "]}]}")
                .getBytes(StandardCharsets.UTF_8));
    }

    private GateOutcome decide(GateRequest request) {
        return new GateService(ReportFixtures.CLOCK).decide(request, store);
    }

    private static NamedBytes text(String name, String content) {
        return new NamedBytes(name, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldCompareWithThePreviousRunsBaselineFromBytes() {
        GateOutcome first = decide(GateRequest.of(List.of()).withReports(List.of(findings("a.json",
                "{\"ruleId\": \"r1\", \"severity\": \"high\", \"fingerprint\": \"one\"},"
                        + "{\"ruleId\": \"r2\", \"severity\": \"low\", \"fingerprint\": \"two\"}")))
                .withFolder("run1"));
        assertThat(first.decision().verdict()).isEqualTo(Verdict.PASSED);
        assertThat(first.exitCode()).isEqualTo(ExitCode.PASSED);
        assertThat(first.decision().baselinePresent()).isFalse();
        assertThat(first.files()).extracting(EvidenceRef::name).containsExactly("run1/index.html",
                "run1/gate-report.json", "run1/gate-report.js", "run1/gate-report.css", "run1/baseline.json");

        GateOutcome second = decide(GateRequest.of(List.of()).withReports(List.of(findings("b.json",
                "{\"ruleId\": \"r1\", \"severity\": \"high\", \"fingerprint\": \"one\"},"
                        + "{\"ruleId\": \"r3\", \"severity\": \"medium\", \"fingerprint\": \"three\"}")))
                .withBaseline(new NamedBytes("previous/baseline.json", store.content(first.baseline().name())))
                .withFolder("run2"));
        assertThat(second.decision().fixed()).extracting(e -> e.ruleId()).containsExactly("r2");
        assertThat(second.report().newCount()).isEqualTo(1);
        assertThat(new String(store.content(second.index().name()), StandardCharsets.UTF_8)).contains("Gate PASSED");
    }

    @Test
    void shouldErrorOnAnUnreadableBaselineOrReportNamingThem() {
        GateOutcome o = decide(GateRequest.of(List.of())
                .withBaseline(text("prev.json", "{\"format\": \"something-else\"}"))
                .withReports(List.of(findings("a.json", ""),
                        new ReportSource("missing.json", "trivy", () -> {
                            throw new java.nio.file.NoSuchFileException("missing.json");
                        }),
                        ReportSource.ofBytes("garbage.txt", null, "not a report".getBytes(StandardCharsets.UTF_8)))));
        assertThat(o.decision().verdict()).isEqualTo(Verdict.ERROR);
        assertThat(o.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(o.decision().reasons()).extracting(GateReason::rule).contains("input.unreadable", "scanner.error");
        assertThat(o.decision().reasons()).extracting(GateReason::message)
                .anySatisfy(m -> assertThat(m).contains("prev.json"))
                .anySatisfy(m -> assertThat(m).contains("trivy").contains("missing.json"))
                .anySatisfy(m -> assertThat(m).contains("garbage.txt"));
    }

    @Test
    void shouldTreatARecordedScanErrorAsError() {
        GateOutcome o = decide(GateRequest.of(List.of()).withReports(List.of(ReportSource.ofBytes("e.json", null,
                ("{\"format\": \"secure-deploy-findings\", \"version\": 1, \"results\": [{\"tool\": \"zap\", "
                        + "\"status\": \"ERROR\", \"findings\": [], \"problems\": [{\"code\": \"zap.timeout\", "
                        + "\"message\": \"timeout\"}]}]}").getBytes(StandardCharsets.UTF_8)))));
        assertThat(o.decision().verdict()).isEqualTo(Verdict.ERROR);
        assertThat(o.decision().reasons().get(0).tool()).isEqualTo("zap");
    }

    @Test
    void shouldRefuseAPolicyWeakerThanTheFloorGivenAsValues() {
        GateRequest request = GateRequest.of(List.of())
                .withPolicy(text(".secure-deploy.yml", "version: 1\nthresholds: {total: {high: 3}}\n"))
                .withFloor(FloorSettings.DEFAULTS.withSource("Jenkins security settings").toFloor());
        assertThatThrownBy(() -> decide(request)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(".secure-deploy.yml:2")
                .hasMessageContaining("Jenkins security settings at maxHigh");
    }

    /** The admin waiver's {@code package} was parsed but never applied by the plugin's hand-built floor JSON. */
    @Test
    void shouldApplyAnAdminWaiverOnlyToThePackagesItNames() {
        Finding netty = Finding.builder("trivy", "CVE-2023-44487").severity(Severity.HIGH).category(Category.SCA)
                .id("CVE-2023-44487").pkg(new PackageRef("netty-codec-http2", "4.1.0", "4.1.100",
                        "pkg:maven/io.netty/netty-codec-http2@4.1.0")).build();
        Finding node = Finding.builder("trivy", "CVE-2023-44487").severity(Severity.HIGH).category(Category.SCA)
                .id("CVE-2023-44487").pkg(new PackageRef("node", "20.0.0", "20.8.1", "pkg:generic/node@20.0.0"))
                .build();
        FloorSettings floor = new FloorSettings(0, 0, false, 9.0, false, false, 90, false,
                "- id: CVE-2023-44487\n  package: pkg:maven/io.netty/\n  reason: HTTP/2 off\n  owner: sec\n"
                        + "  expires: 2026-12-31\n", "floor");
        GateOutcome o = decide(GateRequest.of(List.of(ScanResult.ok("trivy", "0.50", "t.json", List.of(netty, node))))
                .withFloor(floor.toFloor()));
        assertThat(o.decision().findings()).filteredOn(f -> f.waiver().isPresent())
                .extracting(f -> f.finding().packageRef().orElseThrow().name()).containsExactly("netty-codec-http2");
        assertThat(o.decision().verdict()).isEqualTo(Verdict.FAILED);
        assertThat(o.decision().reasons()).singleElement().extracting(GateReason::count).isEqualTo(1L);
    }

    @Test
    void shouldListTheEvidenceItDecidedOn() {
        GateOutcome o = decide(GateRequest.of(List.of()).withEvidence(List.of(new EvidenceEntry("artifact",
                "dist/app.txt", "sha256:ab", "built"))));
        assertThat(o.report().evidence()).extracting(EvidenceEntry::kind)
                .containsExactly("artifact", "sbom", "signature", "provenance", "approvals");
        assertThat(o.report().evidence()).extracting(EvidenceEntry::status)
                .containsExactly("built", "not provided", "not provided", "not provided", "not provided");
    }

    @Test
    void shouldNameAReportFileTheStoreRefuses() {
        EvidenceStore refusing = new EvidenceStore() {
            @Override
            public EvidenceRef store(String name, String mediaType, byte[] content) throws IOException {
                throw new java.nio.file.AccessDeniedException(name);
            }

            @Override
            public List<EvidenceRef> list() {
                return List.of();
            }
        };
        assertThatThrownBy(() -> new GateService(ReportFixtures.CLOCK).decide(GateRequest.of(List.of()), refusing))
                .isInstanceOf(EnvironmentException.class)
                .hasMessage("cannot store gate report file gate/index.html: permission denied");
    }

    @Test
    void shouldRefuseAnInvalidPolicyNamingIt() {
        assertThatThrownBy(() -> decide(GateRequest.of(List.of()).withPolicy(text("nope.yml", "version: 7\n"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("nope.yml");
    }

    @Test
    void policyRulesPastTheirFindingLimitFailClosedNamingTheLimitInsteadOfHoldingEveryFinding() {
        NamedBytes policy = text("project.yml", """
                version: 1
                thresholds: {total: {high: 1000}}
                rules:
                  - id: no-r9
                    scope: finding
                    require: finding.ruleId != "r9"
                """);
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            body.append(i == 0 ? "" : ",").append("{\"ruleId\": \"r").append(i).append("\", \"severity\": "
                    + "\"high\", \"fingerprint\": \"f").append(i).append("\"}");
        }
        GateRequest request = GateRequest.of(List.of(ScanResult.ok("held", "", "held", List.of(Finding.builder("held",
                "h1").severity(Severity.LOW).build())))).withPolicy(policy)
                .withReports(List.of(findings("a.json", body.toString())));
        // 13 findings, rules see up to 13: evaluated, r9 violates
        GateOutcome within = new GateService(ReportFixtures.CLOCK, io.jenkins.plugins.securedeploy.engine.scan.registry
                .ReportInputs.standard(), GateSpool.CHUNK, 100, 13).decide(request, store);
        assertThat(within.decision().verdict()).isEqualTo(Verdict.FAILED);
        assertThat(within.results()).extracting(ScanResult::tool).contains("secure-deploy-policy");
        assertThat(within.decision().reasons()).extracting(GateReason::rule).containsExactly("thresholds.total.critical");
        // rules see at most 12 (one held, eleven of the report): not evaluated, the gate is ERROR and says why
        GateOutcome past = new GateService(ReportFixtures.CLOCK, io.jenkins.plugins.securedeploy.engine.scan.registry
                .ReportInputs.standard(), GateSpool.CHUNK, 100, 12).decide(request.withFolder("two"), store);
        assertThat(past.decision().verdict()).isEqualTo(Verdict.ERROR);
        ScanResult rules = past.results().get(past.results().size() - 1);
        assertThat(rules.tool()).isEqualTo("secure-deploy-policy");
        assertThat(rules.isError()).isTrue();
        assertThat(rules.problems().get(0).describe()).contains("project.yml", "rules.too-many-findings",
                "policy rules see at most 12 findings; this gate has 13");
    }
}
