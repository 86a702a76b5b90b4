package io.jenkins.plugins.securedeploy.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.cli.ExitCode;
import io.jenkins.plugins.securedeploy.cli.SecureDeployCli;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import io.jenkins.plugins.securedeploy.engine.testing.SecretCanary;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestCommandTest {
    private static final String TRIVY = "{\"SchemaVersion\":2,\"ArtifactName\":\"app:1\",\"ArtifactType\":"
            + "\"container_image\",\"Results\":[{\"Target\":\"app:1 (debian 12)\",\"Vulnerabilities\":["
            + "{\"VulnerabilityID\":\"CVE-2024-1\",\"PkgName\":\"openssl\",\"InstalledVersion\":\"3.0.1\","
            + "\"Severity\":\"CRITICAL\"},{\"VulnerabilityID\":\"CVE-2024-2\",\"PkgName\":\"zlib\","
            + "\"InstalledVersion\":\"1.2\",\"Severity\":\"LOW\"}]}]}";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path trivy;
    private Path leaks;

    @BeforeEach
    void reports() throws IOException {
        trivy = Files.writeString(dir.resolve("trivy.json"), TRIVY);
        leaks = Files.writeString(dir.resolve("leaks.json"),
                "[{\"RuleID\":\"aws-access-token\",\"File\":\"a.env\",\"StartLine\":3,\"Fingerprint\":\"a.env:x:3\"}]");
    }

    private int run(String... args) {
        return SecureDeployCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void shouldPrintCountsPerToolAndSeverityAndPass() {
        int code = run("ingest", trivy.toString(), leaks.toString());
        assertThat(code).isEqualTo(ExitCode.PASS);
        assertThat(out.toString())
                .contains("trivy.json (trivy): 2 findings  CRITICAL 1, HIGH 0, MEDIUM 0, LOW 1, INFO 0, UNKNOWN 0")
                .contains("Per tool:")
                .containsPattern("gitleaks\\s+1\\s+CRITICAL 1");
    }

    @Test
    void shouldExitWithErrorWhenAnyReportCannotBeRead() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.json"), "");
        int code = run("ingest", trivy.toString(), empty.toString(), dir.resolve("missing.json").toString());
        assertThat(code).isEqualTo(ExitCode.ERROR);
        assertThat(out.toString()).contains("ERROR", "empty.json", "report.empty", "missing.json", "file.missing")
                .doesNotContain("empty.json (unknown): 0 findings");
    }

    @Test
    void shouldWriteJsonWithStatusPerReport() throws IOException {
        Path garbage = Files.writeString(dir.resolve("garbage.json"), "{\"SchemaVersion\": 2, \"Results\": [");
        int code = run("ingest", "--json", trivy.toString(), garbage.toString());
        assertThat(code).isEqualTo(ExitCode.ERROR);
        JsonNode doc = Json.strict().mapper().readTree(out.toString());
        assertThat(doc.get("format").asText()).isEqualTo("secure-deploy-findings");
        assertThat(doc.get("status").asText()).isEqualTo("ERROR");
        JsonNode first = doc.get("results").get(0);
        assertThat(first.get("tool").asText()).isEqualTo("trivy");
        assertThat(first.get("counts").get("CRITICAL").asInt()).isEqualTo(1);
        assertThat(first.get("counts").get("LOW").asInt()).isEqualTo(1);
        assertThat(first.get("findings")).as("every normalised finding, not only counts").hasSize(2);
        assertThat(first.get("findings").get(0).get("fingerprint").asText()).isNotBlank();
        JsonNode broken = doc.get("results").get(1);
        assertThat(broken.get("status").asText()).isEqualTo("ERROR");
        assertThat(broken.get("problems").get(0).get("location").get("file").asText()).endsWith("garbage.json");
        assertThat(broken.get("problems").get(0).get("location").get("line").asInt()).isPositive();
    }

    @Test
    void shouldUseAnExplicitFormatAndRejectUnknownOnes() throws IOException {
        Path empty = Files.writeString(dir.resolve("none.json"), "[]");
        assertThat(run("ingest", empty.toString())).isEqualTo(ExitCode.ERROR);
        assertThat(out.toString()).contains("report.unknown-format", "supported:");
        assertThat(run("ingest", "--format", "gitleaks", empty.toString())).isEqualTo(ExitCode.PASS);
        assertThat(run("ingest", "--format", "nessus", empty.toString())).as("an unknown format is a usage error")
                .isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("unknown --format 'nessus'", "supported:", "gitleaks");
    }

    @Test
    void shouldNeverPrintSecretsFromABrokenReport() throws IOException {
        SecretCanary canary = SecretCanary.create();
        Path broken = Files.writeString(dir.resolve("broken.json"),
                "[{\"RuleID\":\"r\",\"File\":\"a\",\"Secret\": " + canary.value() + "}]");
        assertThat(run("ingest", "--format", "gitleaks", broken.toString())).isEqualTo(ExitCode.ERROR);
        canary.assertAbsent("stdout", out.toString());
        canary.assertAbsent("stderr", err.toString());
    }

    @Test
    void shouldRequireAReport() {
        assertThat(run("ingest")).isEqualTo(ExitCode.USAGE);
    }
}
