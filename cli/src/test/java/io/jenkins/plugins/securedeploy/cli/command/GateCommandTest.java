package io.jenkins.plugins.securedeploy.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.cli.ExitCode;
import io.jenkins.plugins.securedeploy.cli.SecureDeployCli;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateCommandTest {
    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int gate(String... args) {
        return SecureDeployCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    Path findings(String name, String severity) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, """
                {"format": "secure-deploy-findings", "version": 1, "results": [{"tool": "trivy", "toolVersion": "0.50.0",
                 "findings": [{"ruleId": "CVE-2024-1", "title": "openssl overflow", "severity": "%s",
                   "category": "SCA", "ids": ["CVE-2024-1"],
                   "package": {"name": "openssl", "version": "3.0.1", "fixedVersion": "3.0.13"}}]}]}
                """.replace("%s", severity), StandardCharsets.UTF_8);
        return f;
    }

    String report() {
        return dir.resolve("out").toString();
    }

    @Test
    void shouldPassAndWriteTheReport() throws IOException {
        int code = gate("gate", "--report-dir", report(), findings("t.json", "HIGH").toString());
        assertThat(code).isEqualTo(ExitCode.PASS);
        assertThat(out.toString()).contains("Gate PASSED").contains("index.html");
        assertThat(dir.resolve("out/index.html")).exists();
        assertThat(dir.resolve("out/gate-report.json")).exists();
        assertThat(dir.resolve("out/baseline.json")).exists();
    }

    @Test
    void shouldFailOnACriticalWithTheReasonAndThenPassWithItsBaselineOnlyForNewLimits() throws IOException {
        Path t = findings("t.json", "CRITICAL");
        assertThat(gate("gate", "--report-dir", report(), t.toString())).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(out.toString()).contains("Gate FAILED").contains("thresholds.total.critical");

        Path policy = dir.resolve("p.yml");
        Files.writeString(policy, "version: 1\nthresholds: {total: {critical: 5}, new: {critical: 0}}\n",
                StandardCharsets.UTF_8);
        assertThat(gate("gate", "--policy", policy.toString(), "--baseline", dir.resolve("out/baseline.json")
                .toString(), "--report-dir", dir.resolve("out2").toString(), t.toString())).isEqualTo(ExitCode.PASS);
        assertThat(out.toString()).contains("relaxed: thresholds.total.critical = 5");
    }

    @Test
    void shouldReportErrorForAnUnreadableReportNamingIt() throws IOException {
        Path garbage = dir.resolve("grype.json");
        Files.writeString(garbage, "{ not json", StandardCharsets.UTF_8);
        int code = gate("gate", "--report-dir", report(), "grype=" + garbage, dir.resolve("missing.json").toString());
        assertThat(code).isEqualTo(ExitCode.ERROR);
        assertThat(out.toString()).contains("Gate ERROR").contains("scanner grype failed")
                .contains("missing.json");
    }

    @Test
    void shouldRejectAnInvalidOrWeakerPolicyWithFileAndLine() throws IOException {
        Path policy = dir.resolve(".secure-deploy.yml");
        Files.writeString(policy, "version: 1\nthresholds:\n  total: {critcal: 1}\n", StandardCharsets.UTF_8);
        int code = gate("gate", "--policy", policy.toString(), "--report-dir", report(),
                findings("t.json", "LOW").toString());
        assertThat(code).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).contains(".secure-deploy.yml:3").contains("critcal");

        Path floor = dir.resolve("floor.yml");
        Files.writeString(floor, "version: 1\nevidence: {signature: true}\n", StandardCharsets.UTF_8);
        Files.writeString(policy, "version: 1\nevidence: {signature: false}\n", StandardCharsets.UTF_8);
        assertThat(gate("gate", "--policy", policy.toString(), "--floor", floor.toString(), "--report-dir", report(),
                findings("t.json", "LOW").toString())).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).contains("/evidence/signature").contains("floor.yml:2");
    }

    @Test
    void shouldLetANamedOverrideProceedButShowIt() throws IOException {
        int code = gate("gate", "--report-dir", report(), "--override-by", "carol", "--override-reason", "outage",
                "--override-expires", LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString(), "--json",
                findings("t.json", "CRITICAL").toString());
        assertThat(code).isEqualTo(ExitCode.PASS);
        assertThat(out.toString()).contains("\"verdict\" : \"FAILED\"").contains("OVERRIDDEN by carol")
                .contains("\"allowsDeployment\" : true");
    }

    @Test
    void shouldCheckSbomComponentsAgainstTheDenyListsAndCountTheSbomAsEvidence() throws Exception {
        Path sbom = dir.resolve("bom.json");
        try (var in = GateCommandTest.class.getResourceAsStream(
                "/io/jenkins/plugins/securedeploy/engine/sbom/valid/cyclonedx-1.6.json")) {
            Files.copy(in, sbom);
        }
        Path policy = Files.writeString(dir.resolve("p.yml"), """
                version: 1
                evidence: {sbom: true}
                sbom: {denyLicenses: [mit]}
                """, StandardCharsets.UTF_8);

        int code = gate("gate", "--policy", policy.toString(), "--sbom", sbom.toString(), "--report-dir", report(),
                findings("t.json", "LOW").toString());

        assertThat(code).as(err.toString()).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(out.toString()).contains("CRITICAL").doesNotContain("evidence.sbom");
        assertThat(Files.readString(dir.resolve("out/gate-report.json"), StandardCharsets.UTF_8))
                .contains("\"license-denied\"").contains("licence mit of lodash@4.17.21 is denied by policy");
    }

    @Test
    void shouldShipAValidSamplePolicy() {
        Path sample = Path.of("..", "samples", "app", ".secure-deploy.yml");
        assertThat(new PolicyReader().read(sample, ".secure-deploy.yml").waivers()).hasSize(2);
    }
}
