package io.jenkins.plugins.securedeploy.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code policy test} on the shipped samples (docs/policy-rules.md shows these runs). */
class PolicyTestCommandTest {
    static Path samples() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("samples/policy-rules"))) {
                return d.resolve("samples/policy-rules");
            }
        }
        throw new IllegalStateException("samples/policy-rules not found");
    }

    @Test
    void shouldPrintEachViolationAndExitOne() {
        Path s = samples();
        CliRun run = CliRun.of("policy", "test", "--policy", s.resolve(".secure-deploy.yml").toString(), "--input",
                s.resolve("violating.json").toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("[prod-needs-our-jenkins] CRITICAL no verified provenance from "
                        + "https://jenkins.example.com/ for app.jar (builders: [https://github.com/actions/runner])")
                .contains("[licence-allow-list] HIGH left-pad@1.3.0 has licence [WTFPL], not on the allow-list")
                .contains("package-lock.json: [no-old-fixable-high] CRITICAL body-parser 1.20.2 has a fixable HIGH")
                .contains("3 rule(s), 3 violation(s): FAILED");
    }

    @Test
    void shouldPassTheCleanSampleAndWriteJson() {
        Path s = samples();
        CliRun run = CliRun.of("policy", "test", "--json", "--policy", s.resolve(".secure-deploy.yml").toString(),
                "--input", s.resolve("clean.json").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"verdict\" : \"PASSED\"").contains("\"violations\" : [ ]");
    }

    @Test
    void shouldExitThreeWithTheLocationOfARuleThatDoesNotCompile(@TempDir Path dir) throws Exception {
        Path policy = dir.resolve("p.yml");
        Files.writeString(policy, "version: 1\nrules:\n  - id: typo\n    scope: finding\n"
                + "    require: finding.severty == 'HIGH'\n", StandardCharsets.UTF_8);
        CliRun run = CliRun.of("policy", "test", "--policy", policy.toString(), "--input",
                samples().resolve("clean.json").toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("p.yml:5:21").contains("undefined field 'severty'")
                .contains("rules.compile-error");
    }
}
