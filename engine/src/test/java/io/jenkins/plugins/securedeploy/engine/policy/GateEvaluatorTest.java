package io.jenkins.plugins.securedeploy.engine.policy;

import static io.jenkins.plugins.securedeploy.engine.policy.Fixtures.TODAY;
import static io.jenkins.plugins.securedeploy.engine.policy.Fixtures.finding;
import static io.jenkins.plugins.securedeploy.engine.policy.Fixtures.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.PackageRef;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateEvaluatorTest {
    static final GateEvaluator GATE = new GateEvaluator(
            Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

    static GateDecision gate(Policy p, ScanResult... results) {
        return GATE.evaluate(GateInput.of(p, List.of(results)));
    }

    static Policy policy(String yaml) {
        return new PolicyMerger().merge(PolicyFloor.NONE, PolicyReaderTest.yaml(yaml), TODAY);
    }

    @Test
    void shouldPassWithSecureDefaultsWhenNothingSevere() {
        GateDecision d = gate(Policy.DEFAULT, ok("trivy", finding("trivy", Severity.HIGH, "CVE-1")));
        assertThat(d.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(d.reasons()).isEmpty();
        assertThat(d.allowsDeployment()).isTrue();
    }

    @Test
    void shouldFailOnCriticalAndUnknownByDefault() {
        Finding crit = finding("trivy", Severity.CRITICAL, "CVE-1");
        Finding unknown = finding("trivy", Severity.UNKNOWN, "CVE-2");
        GateDecision d = gate(Policy.DEFAULT, ok("trivy", crit, unknown));
        assertThat(d.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(d.reasons()).singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo("thresholds.total.critical");
            assertThat(r.count()).isEqualTo(2);
            assertThat(r.threshold()).isEqualTo("max 0");
            assertThat(r.fingerprints()).containsExactly(crit.fingerprint(), unknown.fingerprint());
        });
    }

    @Test
    void shouldFailOnAnySecretByDefault() {
        GateDecision d = gate(Policy.DEFAULT, ok("gitleaks", Fixtures.secret("src/App.java")));
        assertThat(d.reasons()).extracting(GateReason::rule).containsExactly("categories.SECRET.total.any");
    }

    @Test
    void shouldErrorNamingTheToolWhenAScannerFailed() {
        ScanResult broken = ScanResult.error("grype", "grype.json",
                List.of(Problem.of("json.truncated", "unexpected end", Location.ofFile("grype.json"))));
        GateDecision d = gate(Policy.DEFAULT, ok("trivy"), broken);
        assertThat(d.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(d.allowsDeployment()).isFalse();
        assertThat(d.reasons()).singleElement().satisfies(r -> {
            assertThat(r.tool()).isEqualTo("grype");
            assertThat(r.message()).contains("grype").contains("unexpected end");
        });
    }

    @Test
    void shouldErrorOnAMissingRequiredReportAndUnreadableInput() {
        Policy p = policy("version: 1\nrequiredReports: [trivy, gitleaks]\n");
        GateDecision d = GATE.evaluate(GateInput.of(p, List.of(ok("trivy"))).withInputProblems(
                List.of(Problem.of("file.unreadable", "cannot read", Location.ofFile("semgrep.sarif")))));
        assertThat(d.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(d.reasons()).extracting(GateReason::rule).containsExactly("input.unreadable", "report.missing");
        assertThat(d.reasons().get(1).tool()).isEqualTo("gitleaks");
    }

    @Test
    void shouldApplyThresholdsPerToolCategoryCvssAndNew() {
        Policy p = policy("""
                version: 1
                thresholds: {total: {high: 5}, new: {high: 0}, cvss: 9.5}
                tools: {trivy: {total: {medium: 0}}}
                categories: {SCA: {total: {any: 10}}}
                """);
        Finding old = finding("trivy", Severity.HIGH, "CVE-OLD");
        Finding fresh = finding("trivy", Severity.HIGH, "CVE-NEW");
        Finding medium = finding("trivy", Severity.MEDIUM, "CVE-M");
        Finding scored = Finding.builder("grype", "r").severity(Severity.LOW).score(9.8).id("CVE-S").build();
        GateDecision d = GATE.evaluate(GateInput.of(p, List.of(ok("trivy", old, fresh, medium), ok("grype", scored)))
                .withBaseline(Baseline.ofFindings(List.of(old))));
        assertThat(d.reasons()).extracting(GateReason::rule)
                .containsExactlyInAnyOrder("thresholds.new.high", "thresholds.cvss", "tools.trivy.total.medium");
        assertThat(d.reasons()).filteredOn(r -> r.rule().equals("thresholds.new.high")).singleElement()
                .satisfies(r -> assertThat(r.fingerprints()).containsExactly(fresh.fingerprint()));
        assertThat(d.findings()).filteredOn(FindingOutcome::isNew).hasSize(3);
    }

    @Test
    void shouldNotCountWaivedFindingsAndReportExpiredWaivers() {
        Finding crit = finding("trivy", Severity.CRITICAL, "CVE-1");
        Waiver live = Fixtures.waiver(Waiver.Kind.ID, "CVE-1", TODAY.plusDays(5));
        GateDecision passed = gate(Fixtures.withWaivers(Policy.DEFAULT, List.of(live)), ok("trivy", crit));
        assertThat(passed.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(passed.findings().get(0).waiver()).contains(live);

        Waiver dead = Fixtures.waiver(Waiver.Kind.ID, "CVE-1", TODAY.minusDays(1));
        GateDecision failed = gate(Fixtures.withWaivers(Policy.DEFAULT, List.of(dead)), ok("trivy", crit));
        assertThat(failed.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(failed.expiredWaivers()).containsExactly(dead);
        assertThat(failed.findings().get(0).expired()).contains(dead);
    }

    @Test
    void shouldCountOnlyFixableFindingsWhenAsked() {
        Finding unfixable = Finding.builder("trivy", "r").severity(Severity.CRITICAL).id("CVE-9")
                .pkg(new PackageRef("openssl", "1.0", "", "")).build();
        Policy p = policy("version: 1\nfixableOnly: true\n");
        assertThat(gate(p, ok("trivy", unfixable)).verdict()).isEqualTo(Verdict.PASSED);
        assertThat(gate(p, ok("trivy", unfixable)).relaxations()).extracting(Relaxation::setting)
                .containsExactly("fixableOnly");
    }

    @Test
    void shouldListRelaxationsOfTheDefaults() {
        Policy p = policy("version: 1\nthresholds: {total: {critical: 2}}\ncategories: {SECRET: {total: {any: 1}}}\n");
        GateDecision d = gate(p, ok("trivy", finding("trivy", Severity.CRITICAL, "CVE-1")));
        assertThat(d.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(d.relaxations()).extracting(Relaxation::setting)
                .containsExactly("thresholds.total.critical", "categories.SECRET.total.any");
        assertThat(d.relaxations().get(0).writtenAt().line()).isEqualTo(2);
    }

    @Test
    void shouldCheckRequiredEvidence() {
        Policy p = policy("version: 1\nevidence: {sbom: true, signature: true, provenance: true, approvals: true}\n");
        GateDecision d = GATE.evaluate(GateInput.of(p, List.of(ok("trivy")))
                .withFacts(new EvidenceFacts(true, false, false, true)));
        assertThat(d.reasons()).extracting(GateReason::rule)
                .containsExactly("evidence.signature", "evidence.provenance");
    }

    @Test
    void shouldPassRequiredSignatureAndProvenanceOnlyWithVerifiedResults() {
        Policy p = policy("version: 1\nevidence: {signature: true, provenance: true}\n");
        io.jenkins.plugins.securedeploy.engine.sign.VerificationResult ok =
                io.jenkins.plugins.securedeploy.engine.sign.VerificationResult.verified("dsse", "app.intoto.json",
                        List.of("sha256:ab"), null, null, List.of());
        GateDecision pass = GATE.evaluate(GateInput.of(p, List.of(ok("trivy")))
                .withFacts(EvidenceFacts.NONE.withSignature(ok).withProvenance(ok)));
        assertThat(pass.verdict()).isEqualTo(Verdict.PASSED);

        io.jenkins.plugins.securedeploy.engine.sign.VerificationResult bad =
                io.jenkins.plugins.securedeploy.engine.sign.VerificationResult.failed("cosign", "app.sig",
                        List.of(io.jenkins.plugins.securedeploy.engine.core.Problem.of("cosign.signature",
                                "the signature does not verify", io.jenkins.plugins.securedeploy.engine.core.Location
                                        .ofFile("app.sig"))));
        GateDecision failed = GATE.evaluate(GateInput.of(p, List.of(ok("trivy")))
                .withFacts(EvidenceFacts.NONE.withSignature(bad).withProvenance(ok)));
        assertThat(failed.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(failed.reasons()).singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo("evidence.signature");
            assertThat(r.message()).contains("FAILED cosign app.sig").contains("does not verify");
        });

        io.jenkins.plugins.securedeploy.engine.sign.VerificationResult error =
                io.jenkins.plugins.securedeploy.engine.sign.VerificationResult.error("dsse", "p.json",
                        List.of(io.jenkins.plugins.securedeploy.engine.core.Problem.of("json.truncated", "truncated",
                                io.jenkins.plugins.securedeploy.engine.core.Location.ofFile("p.json"))));
        GateDecision errored = GATE.evaluate(GateInput.of(Policy.DEFAULT, List.of(ok("trivy")))
                .withFacts(EvidenceFacts.NONE.withProvenance(error)));
        assertThat(errored.verdict()).as("a broken verification blocks even when not required").isEqualTo(Verdict.ERROR);
    }

    @Test
    void shouldListVerificationRelaxationsInTheDecision() {
        io.jenkins.plugins.securedeploy.engine.sign.VerificationPolicy weak =
                io.jenkins.plugins.securedeploy.engine.sign.VerificationPolicy.STRICT.withoutArtifact();
        io.jenkins.plugins.securedeploy.engine.sign.VerificationResult ok =
                io.jenkins.plugins.securedeploy.engine.sign.VerificationResult.verified("dsse", "app.intoto.json",
                        List.of("sha256:ab"), null, null, weak.relaxations());
        GateDecision d = GATE.evaluate(GateInput.of(Policy.DEFAULT, List.of(ok("trivy")))
                .withFacts(EvidenceFacts.NONE.withSignature(ok)));
        assertThat(d.relaxations()).singleElement().satisfies(r -> {
            assertThat(r.setting()).isEqualTo("verification dsse app.intoto.json");
            assertThat(r.value()).contains("artifact is not checked");
        });
    }

    @Test
    void shouldRefuseABooleanClaimOfAVerifiedSignature() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new EvidenceFacts(true, true, false, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("VerificationResult");
        assertThat(new EvidenceFacts(true, false, false, true).withSbomPresent(false).withApprovalsMet(false))
                .isEqualTo(EvidenceFacts.NONE);
        assertThat(EvidenceFacts.NONE.provenancePresent()).isFalse();
        assertThat(EvidenceFacts.NONE.signatureVerified()).isFalse();
    }

    @Test
    void shouldRecordAValidOverrideWithoutTurningFailedIntoPassed() {
        GateOverride o = new GateOverride("carol", "hotfix for outage", "INC-7", TODAY.plusDays(1));
        GateDecision d = GATE.evaluate(GateInput.of(Policy.DEFAULT,
                List.of(ok("trivy", finding("trivy", Severity.CRITICAL, "CVE-1")))).withOverride(o));
        assertThat(d.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(d.isOverridden()).isTrue();
        assertThat(d.allowsDeployment()).isTrue();
        assertThat(d.headline()).isEqualTo("FAILED (OVERRIDDEN by carol until 2026-11-26)");
    }

    @Test
    void shouldRejectOverridesThatAreTooLongAnonymousOrForErrors() {
        ScanResult crit = ok("trivy", finding("trivy", Severity.CRITICAL, "CVE-1"));
        for (GateOverride bad : List.of(new GateOverride("carol", "x", "", TODAY.plusDays(30)),
                new GateOverride("", "x", "", TODAY.plusDays(1)), new GateOverride("carol", "", "", TODAY),
                new GateOverride("carol", "x", "", null), new GateOverride("carol", "x", "", TODAY.minusDays(1)))) {
            GateDecision d = GATE.evaluate(GateInput.of(Policy.DEFAULT, List.of(crit)).withOverride(bad));
            assertThat(d.isOverridden()).isFalse();
            assertThat(d.allowsDeployment()).isFalse();
            assertThat(d.reasons()).extracting(GateReason::rule).contains("override.rejected");
        }
        ScanResult broken = ScanResult.error("grype", "g.json", List.of(Problem.of("x", "y", Location.ofFile("g"))));
        GateDecision d = GATE.evaluate(GateInput.of(Policy.DEFAULT, List.of(broken))
                .withOverride(new GateOverride("carol", "x", "", TODAY)));
        assertThat(d.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(d.allowsDeployment()).isFalse();
    }
}
