package io.jenkins.plugins.securedeploy.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.policy.GateReason;
import io.jenkins.plugins.securedeploy.engine.policy.Verdict;
import io.jenkins.plugins.securedeploy.engine.scan.ReportIngest;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateRunTest {
    @TempDir
    Path dir;

    private GateRun.Outcome run(Path baseline, List<ScanResult> results, String out) {
        return new GateRun(ReportFixtures.CLOCK).run(new GateRun.Request(null, null, baseline, results, null, null,
                null, dir.resolve(out)));
    }

    private Path findings(String name, String body) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, "{\"format\": \"secure-deploy-findings\", \"version\": 1, \"results\": [{\"tool\": "
                + "\"mytool\", \"findings\": [" + body + "]}]}", StandardCharsets.UTF_8);
        return f;
    }

    private List<ScanResult> read(String... specs) {
        return new ReportInputs(ReportIngest.standard()).read(List.of(specs), dir);
    }

    @Test
    void shouldCompareWithThePreviousRunsBaseline() throws IOException {
        findings("a.json", "{\"ruleId\": \"r1\", \"severity\": \"high\", \"fingerprint\": \"one\"},"
                + "{\"ruleId\": \"r2\", \"severity\": \"low\", \"fingerprint\": \"two\"}");
        GateRun.Outcome first = run(null, read("a.json"), "run1");
        assertThat(first.decision().verdict()).isEqualTo(Verdict.PASSED);
        assertThat(first.decision().baselinePresent()).isFalse();
        assertThat(first.nextBaseline()).exists();

        findings("b.json", "{\"ruleId\": \"r1\", \"severity\": \"high\", \"fingerprint\": \"one\"},"
                + "{\"ruleId\": \"r3\", \"severity\": \"medium\", \"fingerprint\": \"three\"}");
        GateRun.Outcome second = run(first.nextBaseline(), read("b.json"), "run2");
        assertThat(second.decision().fixed()).extracting(e -> e.ruleId()).containsExactly("r2");
        assertThat(second.report().newCount()).isEqualTo(1);
        assertThat(second.index()).exists();
    }

    @Test
    void shouldErrorOnAnUnreadableBaselineOrReportNamingThem() throws IOException {
        Path badBaseline = dir.resolve("prev.json");
        Files.writeString(badBaseline, "{\"format\": \"something-else\"}", StandardCharsets.UTF_8);
        findings("a.json", "");
        GateRun.Outcome o = run(badBaseline, read("a.json", "trivy=missing.json", "garbage.txt"), "out");
        assertThat(o.decision().verdict()).isEqualTo(Verdict.ERROR);
        assertThat(o.decision().reasons()).extracting(GateReason::rule)
                .contains("input.unreadable", "scanner.error");
        assertThat(o.decision().reasons()).extracting(GateReason::message)
                .anySatisfy(m -> assertThat(m).contains("prev.json"))
                .anySatisfy(m -> assertThat(m).contains("trivy").contains("missing.json"));
    }

    @Test
    void shouldTreatARecordedScanErrorAsError() throws IOException {
        Path f = dir.resolve("e.json");
        Files.writeString(f, "{\"format\": \"secure-deploy-findings\", \"version\": 1, \"results\": [{\"tool\": "
                + "\"zap\", \"status\": \"ERROR\", \"findings\": [], \"problems\": [{\"code\": \"zap.timeout\", "
                + "\"message\": \"timeout\"}]}]}", StandardCharsets.UTF_8);
        GateRun.Outcome o = run(null, read("e.json"), "out");
        assertThat(o.decision().verdict()).isEqualTo(Verdict.ERROR);
        assertThat(o.decision().reasons().get(0).tool()).isEqualTo("zap");
    }

    @Test
    void shouldNameAReportDirectoryThatIsInTheWay() throws IOException {
        Path file = Files.writeString(dir.resolve("out"), "x", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new GateRun(ReportFixtures.CLOCK).run(new GateRun.Request(null, null, null,
                List.of(), null, null, null, file)))
                .hasMessage("cannot create report directory " + file.toString().replace('\\', '/')
                        + ": a file with that name is in the way (give a directory)");
    }

    @Test
    void shouldRefuseAMissingPolicyFile() {
        assertThatThrownBy(() -> new GateRun(ReportFixtures.CLOCK).run(new GateRun.Request(dir.resolve("nope.yml"),
                null, null, List.of(), null, null, null, dir.resolve("out"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("nope.yml");
    }
}
