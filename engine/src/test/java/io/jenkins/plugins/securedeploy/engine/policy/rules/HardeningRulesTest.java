package io.jenkins.plugins.securedeploy.engine.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.EngineLog;
import io.jenkins.plugins.securedeploy.engine.host.FileSystemWorkspace;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResultsWriter;
import io.jenkins.plugins.securedeploy.engine.scan.container.ContainerScanner;
import io.jenkins.plugins.securedeploy.engine.testing.SecretCanary;
import io.jenkins.plugins.securedeploy.engine.scan.container.ContainerModel;
import io.jenkins.plugins.securedeploy.engine.scan.container.ContainerRules;
import io.jenkins.plugins.securedeploy.engine.scan.container.DockerfileParser;
import io.jenkins.plugins.securedeploy.engine.scan.container.ManifestParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each shipped hardening rule on a violating and a clean input (the real-world test covers the rest). */
class HardeningRulesTest {
    static List<String> docker(String content) {
        ContainerRules.Result r = HardeningRules.builtIn().check(new ContainerModel(
                List.of(new DockerfileParser().parse(content, "Dockerfile")), List.of()), "t");
        assertThat(r.problems()).isEmpty();
        return r.findings().stream().map(Finding::ruleId).toList();
    }

    static List<Finding> k8s(String yaml) {
        ManifestParser.Parsed p = new ManifestParser().parse(yaml, "m.yaml");
        assertThat(p.problems()).isEmpty();
        ContainerRules.Result r = HardeningRules.builtIn().check(new ContainerModel(List.of(), p.workloads()), "t");
        assertThat(r.problems()).isEmpty();
        return r.findings();
    }

    static final String PIN = "@sha256:" + "a".repeat(64);
    static final String TAIL = "USER 10001\nHEALTHCHECK CMD true\n";

    @Test
    void shouldPassAHardenedMultiStageDockerfile() {
        assertThat(docker("FROM maven:3.9-eclipse-temurin-21" + PIN + " AS build\nRUN mvn -B package\n"
                + "FROM gcr.io/distroless/java21-debian12:nonroot" + PIN + "\nCOPY --from=build /app.jar /\n"
                + "HEALTHCHECK CMD [\"/busybox/wget\", \"-q\", \"localhost\"]\n")).isEmpty();
    }

    @Test
    void shouldFlagANonMinimalFinalBase() {
        assertThat(docker("FROM ubuntu:22.04" + PIN + "\n" + TAIL)).containsExactly("non-minimal-base");
        assertThat(docker("FROM python:3.12-slim" + PIN + "\n" + TAIL)).isEmpty();
    }

    @Test
    void shouldFlagBuildToolsInTheFinalStage() {
        assertThat(docker("FROM eclipse-temurin:21-jdk" + PIN + "\n" + TAIL)).containsExactly(
                "non-minimal-base", "build-tools-in-final-stage");
        assertThat(docker("FROM alpine:3.19" + PIN + "\nRUN apk add --no-cache build-base curl\n" + TAIL))
                .containsExactly("build-tools-in-final-stage");
        assertThat(docker("FROM eclipse-temurin:21-jre" + PIN + "\n" + TAIL)).isEmpty();
    }

    @Test
    void shouldFlagDevDependenciesInTheFinalStage() {
        assertThat(docker("FROM node:20-alpine" + PIN + "\nRUN npm ci\n" + TAIL))
                .containsExactly("dev-dependencies-in-final-stage");
        assertThat(docker("FROM node:20-alpine" + PIN + "\nRUN npm ci --omit=dev\n" + TAIL)).isEmpty();
        assertThat(docker("FROM node:20-alpine" + PIN + "\nENV NODE_ENV=production\nRUN npm ci\n" + TAIL))
                .isEmpty();
        assertThat(docker("FROM python:3.12-slim" + PIN + "\nRUN pip install -r requirements-dev.txt\n" + TAIL))
                .containsExactly("dev-dependencies-in-final-stage");
    }

    @Test
    void shouldFlagASingleStageBuild() {
        assertThat(docker("FROM golang:1.22-alpine" + PIN + "\nRUN go build -o /app .\n" + TAIL))
                .containsExactly("build-tools-in-final-stage", "single-stage-build");
        assertThat(docker("FROM alpine:3.19" + PIN + "\nCOPY app /app\n" + TAIL)).isEmpty();
    }

    @Test
    void shouldFlagRootUsersAndSecretsButNotEmptyEnvValues() {
        assertThat(docker("FROM alpine:3.19" + PIN + "\nUSER root:root\nHEALTHCHECK CMD true\n"))
                .containsExactly("root-user");
        assertThat(docker("FROM alpine:3.19" + PIN + "\nARG GITHUB_TOKEN\nENV DB_PASSWORD=hunter2\n"
                + "ENV API_KEY=\nENV GPG_KEY 7169605F62C751356D054A26A821E680E5FA6305\n" + TAIL))
                .containsExactly("secret-in-env-or-arg", "secret-in-env-or-arg");
    }

    static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - name: c
                image: app:1.0%s
                securityContext:
                  runAsNonRoot: true
                  readOnlyRootFilesystem: true
                  allowPrivilegeEscalation: false
                  privileged: %s
                  capabilities: {drop: [ALL]}
                resources: {limits: {cpu: 100m, memory: 64Mi}}
                env:
                - {name: DB_PASSWORD, %s}
            """;

    @Test
    void shouldFlagPrivilegedContainersAndLiteralSecretsInManifests() {
        assertThat(k8s(String.format(java.util.Locale.ROOT, POD, PIN, "false", "valueFrom: {secretKeyRef: {name: db, key: pw}}"))).isEmpty();
        List<Finding> f = k8s(String.format(java.util.Locale.ROOT, POD, PIN, "true", "value: hunter2"));
        assertThat(f).extracting(Finding::ruleId).containsExactly("k8s-secret-in-env", "k8s-no-privilege-escalation");
        assertThat(f.get(1).title()).contains("is privileged");
        assertThat(f).extracting(Finding::title).noneMatch(t -> t.contains("hunter2"));
    }

    @Test
    void shouldNeverEchoTheSecretItFlags(@TempDir Path dir) throws Exception {
        SecretCanary canary = SecretCanary.create();
        Files.writeString(dir.resolve("Dockerfile"), "FROM alpine:3.19" + PIN + "\nENV DB_PASSWORD=" + canary.value()
                + "\n" + TAIL, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("pod.yaml"), String.format(java.util.Locale.ROOT, POD, PIN, "false", "value: " + canary.value()),
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("broken.yaml"), "apiVersion: v1\nkind: Pod\nspec: {env: [" + canary.value()
                + "\n", StandardCharsets.UTF_8);
        EngineLog log = new EngineLog("[harden] ");
        ScanResult result = new ContainerScanner(HardeningRules.builtIn()).scan(new FileSystemWorkspace(dir), log);
        assertThat(result.findings()).extracting(Finding::ruleId).contains("secret-in-env-or-arg",
                "k8s-secret-in-env");
        canary.assertAbsent("findings", new String(new ScanResultsWriter().write(List.of(result)),
                StandardCharsets.UTF_8));
        canary.assertAbsentFromLines("log", log.lines().stream().map(EngineLog.Line::text).toList());
    }

    @Test
    void shouldReadACopiedAndChangedRuleFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rules.yml");
        Files.writeString(file, """
                version: 1
                rules:
                  - id: only-our-registry
                    scope: container
                    require: container.image.startsWith("registry.example.com/")
                    message: "{{container.image}} is not from our registry"
                """, StandardCharsets.UTF_8);
        ContainerRules.Result r = HardeningRules.read(file, "rules.yml").check(new ContainerModel(List.of(),
                new ManifestParser().parse(String.format(java.util.Locale.ROOT, POD, "", "false", "value: x"), "m.yaml").workloads()), "t");
        assertThat(r.findings()).extracting(Finding::title).containsExactly("app:1.0 is not from our registry");
        Files.writeString(file, "version: 1\nrules:\n  - id: bad\n    scope: stage\n    require: stage.usr == ''\n",
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> HardeningRules.read(file, "rules.yml")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("rules.yml:5").hasMessageContaining("undefined field 'usr'");
    }
}
