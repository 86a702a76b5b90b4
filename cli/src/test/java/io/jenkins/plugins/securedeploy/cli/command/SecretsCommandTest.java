package io.jenkins.plugins.securedeploy.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.cli.SecureDeployCli;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import io.jenkins.plugins.securedeploy.engine.testing.SecretCanary;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsCommandTest {
    private static final String KEY = "AKIA" + "IOSFODNN7EXAMPLE";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return SecureDeployCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private void write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    @Test
    void shouldPassOnAFolderWithoutSecrets() throws IOException {
        write("src/App.java", "class App { String password = System.getenv(\"DB_PASSWORD\"); }\n");

        assertThat(run("secrets", dir.toString())).isZero();
        assertThat(out.toString()).contains("0 secret(s) found").contains("PASSED");
    }

    @Test
    void shouldFailWithRedactedFindingsAndNeverPrintTheSecret() throws IOException {
        SecretCanary canary = SecretCanary.create();
        write("config/prod.env", "AWS_ACCESS_KEY_ID=" + KEY + "\nDB_PASSWORD='" + canary.value() + "'\n");

        int code = run("secrets", dir.toString());

        assertThat(code).isEqualTo(1);
        assertThat(out.toString())
                .contains("CRITICAL  aws-access-key-id", "config/prod.env:1:19", "AKIA…(20 chars)",
                        "generic-secret", "fingerprint secure-deploy-secrets:", "2 secret(s) found (1 critical, 1 high)")
                .doesNotContain(KEY);
        canary.assertAbsent("stdout", out.toString());
        canary.assertAbsent("stderr", err.toString());

        assertThat(run("secrets", "--json", dir.toString())).isEqualTo(1);
        canary.assertAbsent("json stdout", out.toString());
        canary.assertAbsent("json stderr", err.toString());
    }

    @Test
    void shouldWriteJsonAndHonourAllowedFingerprintsAndExcludes() throws IOException {
        write("a/.env", "KEY=" + KEY + "\n");
        write("vendor/lib.js", "var k = '" + KEY + "';\n");
        assertThat(run("secrets", "--json", "--exclude", "vendor/**", dir.toString())).isEqualTo(1);
        JsonNode doc = Json.strict().mapper().readTree(out.toString()).get("results").get(0);
        assertThat(doc.get("tool").asText()).isEqualTo("secure-deploy-secrets");
        assertThat(doc.get("counts").get("CRITICAL").asInt()).isEqualTo(1);
        assertThat(doc.get("findings").get(0).get("location").get("file").asText()).isEqualTo("a/.env");
        String fingerprint = doc.get("findings").get(0).get("fingerprint").asText();
        out.getBuffer().setLength(0);

        int code = run("secrets", "--json", "--exclude", "vendor/**", "--allow-fingerprint", fingerprint,
                dir.toString());

        assertThat(code).isZero();
        assertThat(Json.strict().mapper().readTree(out.toString()).at("/results/0/findings")).isEmpty();
    }

    @Test
    void shouldExitWithErrorForAMissingFolderWithoutCreatingIt() {
        Path missing = dir.resolve("nope");

        assertThat(run("secrets", missing.toString())).isEqualTo(3);
        assertThat(err.toString()).contains("nope", "does not exist");
        assertThat(missing).doesNotExist();
    }

    @Test
    void shouldLayOutAFindingLineAsTheFormatDid() {
        String[] rules = {"", "aws", "generic-secret", "r".repeat(23), "r".repeat(24), "r".repeat(25), "ümlaut-rule"};
        String[] titles = {"", "GitHub token ghp_…(40 chars)", "t  with  spaces %s %n"};
        for (io.jenkins.plugins.securedeploy.engine.core.Severity severity
                : io.jenkins.plugins.securedeploy.engine.core.Severity.values()) {
            for (String rule : rules) {
                for (String title : titles) {
                    io.jenkins.plugins.securedeploy.engine.scan.Finding f =
                            io.jenkins.plugins.securedeploy.engine.scan.Finding.builder("t", rule.isEmpty() ? "x" : rule)
                                    .title(title).severity(severity)
                                    .location(io.jenkins.plugins.securedeploy.engine.core.Location.of("a/b.env", 3, 7))
                                    .build();
                    assertThat(SecretsCommand.findingLine(f)).isEqualTo(String.format(java.util.Locale.ROOT,
                            "%-8s  %-24s  %s  %s", f.severity(), f.ruleId(), f.location().describe(), f.title()));
                }
            }
        }
    }
}
