package io.jenkins.plugins.securedeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import io.jenkins.plugins.securedeploy.engine.policy.GateDecision;
import io.jenkins.plugins.securedeploy.engine.policy.GateReason;
import io.jenkins.plugins.securedeploy.engine.scan.registry.ReportInputs;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.registry.ReportIngest;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI commands compose into the product's own gate: {@code secrets --json}, {@code scan --json} (the real bandit
 * and shellcheck), {@code sbom generate DIR} on the sample project, then {@code gate} on those outputs, reach exactly
 * the decision and reasons of the demo job on the same project — and the same findings, fingerprints included, so
 * baselines and waivers carry over between the two. {@code ingest --json} of those outputs feeds the gate too, and
 * the gate's {@code --sarif} log read back by {@code ingest} gives exactly the findings the gate decided on.
 */
class PipelineITest {
    @TempDir
    Path out;

    private static Path app() {
        return Path.of(System.getProperty("secureDeploy.samples", "../samples")).resolve("app");
    }

    private static CliRun ok(int expected, String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as("exit code of %s%nstdout: %s%nstderr: %s", List.of(args), run.out(), run.err())
                .isEqualTo(expected);
        return run;
    }

    private Path save(String name, CliRun run) throws Exception {
        return Files.writeString(out.resolve(name), run.out(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldReachTheDemosDecisionThroughTheCommandsOutputs() throws Exception {
        Path app = app();
        Path secrets = save("secrets.json", ok(0, "secrets", "--json", "--exclude", "dist/**", app.toString()));
        Path bandit = save("bandit.json", ok(0, "scan", "--tool", "bandit", "--dir", app.toString(), "--json",
                "--report-out", out.resolve("bandit-raw.json").toString(), "--", "-r", "src"));
        Path shellcheck = save("shellcheck.json", ok(0, "scan", "--tool", "shellcheck", "--dir", app.toString(),
                "--json", "--", "scripts/deploy.sh"));
        Path sbom = out.resolve("sbom.cdx.json");
        ok(0, "sbom", "generate", "--name", "sample-app", "--project-version", "1.0.0", "--out", sbom.toString(),
                app.toString());
        Path sarif = out.resolve("gate.sarif");
        CliRun gate = ok(ExitCode.GATE_FAILED, "gate", "--json", "--policy", app.resolve(".secure-deploy.yml")
                .toString(), "--sbom", sbom.toString(), "--report-dir", out.resolve("report").toString(), "--sarif",
                sarif.toString(), secrets.toString(), bandit.toString(), shellcheck.toString());

        DemoJob.Result demo = new DemoJob(Clock.systemUTC()).run(new DemoJob.Request(app, out.resolve("demo"),
                Duration.ofMinutes(2), List.of()), line -> { });
        GateDecision expected = demo.gate().decision();

        JsonNode decision = Json.strict().mapper().readTree(gate.out());
        assertThat(decision.path("verdict").asText()).isEqualTo(expected.verdict().name()).isEqualTo("FAILED");
        List<String> reasons = new ArrayList<>();
        decision.path("reasons").forEach(r -> reasons.add(r.asText()));
        assertThat(reasons).containsExactlyElementsOf(expected.reasons().stream().map(GateReason::describe).toList())
                .containsExactly("FAILED thresholds.total.high: 1 HIGH finding(s) (max 0)",
                        "FAILED thresholds.new.high: 1 new HIGH finding(s) (max 0)");

        List<ScanResult> piped = new ReportInputs(ReportIngest.standard())
                .read(List.of(secrets.toString(), bandit.toString(), shellcheck.toString()), Path.of(""), null);
        assertThat(sorted(piped)).as("the same findings, fingerprints included").isEqualTo(sorted(demo.scans()));
        assertThat(piped).extracting(ScanResult::tool).containsExactly("secure-deploy-secrets", "bandit",
                "shellcheck");
        assertThat(out.resolve("bandit-raw.json")).content(StandardCharsets.UTF_8).contains("\"test_id\"");
        assertThat(sarif).content(StandardCharsets.UTF_8).contains("\"version\" : \"2.1.0\"").contains("B602");

        // the gate's SARIF, read back by ingest, gives the gate's findings exactly (fingerprints, locations, ...)
        Path fromSarif = save("from-sarif.json", ok(0, "ingest", "--json", sarif.toString()));
        List<ScanResult> back = new ReportInputs(ReportIngest.standard()).read(List.of(fromSarif.toString()),
                Path.of(""), null);
        assertThat(sorted(back)).as("gate --sarif read back by ingest").isEqualTo(sorted(piped));

        // ingest --json of the same outputs is one document the gate reads to the same decision
        Path all = save("all.json", ok(0, "ingest", "--json", secrets.toString(), bandit.toString(),
                shellcheck.toString()));
        CliRun again = ok(ExitCode.GATE_FAILED, "gate", "--json", "--policy", app.resolve(".secure-deploy.yml")
                .toString(), "--sbom", sbom.toString(), "--report-dir", out.resolve("report2").toString(),
                all.toString());
        assertThat(Json.strict().mapper().readTree(again.out()).path("reasons")).isEqualTo(decision.path("reasons"));
    }

    private static List<Finding> sorted(List<ScanResult> results) {
        return results.stream().flatMap(r -> r.findings().stream())
                .sorted(Comparator.comparing(Finding::fingerprint).thenComparing(f -> f.location().line())).toList();
    }
}
