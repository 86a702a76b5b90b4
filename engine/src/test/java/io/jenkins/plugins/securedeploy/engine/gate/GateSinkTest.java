package io.jenkins.plugins.securedeploy.engine.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.securedeploy.engine.json.Json;
import io.jenkins.plugins.securedeploy.engine.policy.Baseline;
import io.jenkins.plugins.securedeploy.engine.policy.FindingTally;
import io.jenkins.plugins.securedeploy.engine.policy.GateDecision;
import io.jenkins.plugins.securedeploy.engine.policy.GateEvaluator;
import io.jenkins.plugins.securedeploy.engine.policy.GateInput;
import io.jenkins.plugins.securedeploy.engine.policy.Policy;
import io.jenkins.plugins.securedeploy.engine.policy.Verdict;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.scan.registry.ReportIngest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A report streamed through the gate's sink: counted as it arrives, spooled to disk, failing closed. */
class GateSinkTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    private static final String SARIF = "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"CodeQL\","
            + "\"semanticVersion\":\"2.18.4\"}},\"results\":["
            + "{\"ruleId\":\"js/a\",\"level\":\"error\",\"message\":{\"text\":\"a\"},\"locations\":[{\"physicalLocation\":"
            + "{\"artifactLocation\":{\"uri\":\"src/a.js\"},\"region\":{\"startLine\":3}}}]},"
            + "{\"ruleId\":\"js/b\",\"level\":\"warning\",\"message\":{\"text\":\"b\"},\"locations\":[{\"physicalLocation\":"
            + "{\"artifactLocation\":{\"uri\":\"src/b.js\"},\"region\":{\"startLine\":4}}}]}]}]}";

    @Test
    void countsEachFindingAsItArrivesAndSpoolsEveryOne() throws Exception {
        FindingTally tally = new FindingTally(Policy.DEFAULT, Baseline.NONE, TODAY, 1);
        ByteArrayOutputStream spooled = new ByteArrayOutputStream();
        ScanResult result;
        try (FindingSpoolWriter spool = new FindingSpoolWriter(spooled)) {
            GateSink sink = new GateSink(tally, spool);
            ReportIngest.standard().ingest(new ByteArrayInputStream(SARIF.getBytes(StandardCharsets.UTF_8)),
                    "codeql.sarif", null, sink);
            result = sink.result("codeql.sarif");
            assertThat(sink.findings()).isEqualTo(2);
            assertThat(spool.written()).isEqualTo(2);
        }
        assertThat(result.status()).isEqualTo(ScanResult.Status.OK);
        assertThat(result.findings()).isEmpty();
        assertThat(result.toolVersion()).isEqualTo("2.18.4");
        List<String> lines = spooled.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        for (String line : lines) {
            var node = Json.strict().readTree(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)), "l");
            assertThat(node.path("fingerprint").asText()).isNotBlank();
            assertThat(node.path("status").asText()).isEqualTo("new");
        }
        GateDecision d = new GateEvaluator(CLOCK).evaluate(GateInput.of(Policy.DEFAULT, List.of(result)), tally);
        assertThat(d.totals().findings()).isEqualTo(2);
        assertThat(d.findings()).hasSize(1);
    }

    @Test
    void aReportThatBreaksOffIsAnErrorDecision() {
        FindingTally tally = new FindingTally(Policy.DEFAULT, Baseline.NONE, TODAY, 10);
        GateSink sink = new GateSink(tally, null);
        String truncated = SARIF.substring(0, SARIF.indexOf("{\"ruleId\":\"js/b\""));
        ReportIngest.standard().ingest(new ByteArrayInputStream(truncated.getBytes(StandardCharsets.UTF_8)),
                "codeql.sarif", "sarif", sink);
        ScanResult result = sink.result("codeql.sarif");
        assertThat(result.status()).isEqualTo(ScanResult.Status.ERROR);
        GateDecision d = new GateEvaluator(CLOCK).evaluate(GateInput.of(Policy.DEFAULT, List.of(result)), tally);
        assertThat(d.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(d.reasons()).extracting(r -> r.rule()).contains("scanner.error");
        assertThat(new GateSink(tally, null).result("x.sarif").status()).as("never ended")
                .isEqualTo(ScanResult.Status.ERROR);
    }
}
