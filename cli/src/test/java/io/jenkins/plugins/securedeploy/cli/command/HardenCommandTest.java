package io.jenkins.plugins.securedeploy.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.cli.CliRun;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HardenCommandTest {

    @Test
    void shouldReportFindingsAndWriteADocumentTheGateReads(@TempDir Path dir) throws Exception {
        Path app = Files.createDirectories(dir.resolve("app"));
        Files.writeString(app.resolve("Dockerfile"), "FROM node:latest\nARG NPM_TOKEN\nRUN npm ci\nCMD node .\n",
                StandardCharsets.UTF_8);
        Path out = dir.resolve("hardening.json");
        CliRun run = CliRun.of("harden", app.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("base-image-latest").contains("Dockerfile:1")
                .contains("secret-in-env-or-arg").contains("Dockerfile:2").contains("root-user")
                .contains("hardening finding(s): FAILED");
        JsonNode written = Json.strict().mapper().readTree(Files.readAllBytes(out));
        assertThat(written.path("format").asText()).isEqualTo("secure-deploy-findings");
        assertThat(written.at("/results/0/tool").asText()).isEqualTo("secure-deploy-hardening");
        Path policy = dir.resolve("policy.yml");
        Files.writeString(policy, "version: 1\ncategories:\n  CONTAINER: {total: {high: 0}}\n",
                StandardCharsets.UTF_8);
        CliRun gate = CliRun.of("gate", "--policy", policy.toString(), "--report-dir",
                dir.resolve("report").toString(), out.toString());
        assertThat(gate.exitCode()).as(gate.out() + gate.err()).isEqualTo(1);
        assertThat(gate.out()).contains("categories.CONTAINER.total.high");
    }

    @Test
    void shouldPassAHardenedFolderAndPrintJson(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pod.yaml"), String.format(java.util.Locale.ROOT, """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  securityContext: {runAsNonRoot: true, runAsUser: 10001}
                  containers:
                  - name: c
                    image: app:1.0@sha256:%s
                    securityContext:
                      readOnlyRootFilesystem: true
                      allowPrivilegeEscalation: false
                      capabilities: {drop: [ALL]}
                    resources: {limits: {cpu: 100m, memory: 64Mi}}
                """, "c".repeat(64)), StandardCharsets.UTF_8);
        CliRun run = CliRun.of("harden", "--json", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = Json.strict().mapper().readTree(run.out());
        assertThat(doc.path("format").asText()).isEqualTo("secure-deploy-findings");
        assertThat(doc.at("/results/0/status").asText()).isEqualTo("OK");
    }

    @Test
    void shouldFailClosedOnABrokenManifest(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.yaml"), "apiVersion: v1\nkind: Pod\nspec: {containers: [\n",
                StandardCharsets.UTF_8);
        CliRun run = CliRun.of("harden", dir.toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("bad.yaml").contains("container.bad-manifest").contains("ERROR");
    }
}
