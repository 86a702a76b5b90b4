package io.jenkins.plugins.securedeploy.engine.scan.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.json.JsonSchemas;
import io.jenkins.plugins.securedeploy.engine.json.LocatedTree;
import io.jenkins.plugins.securedeploy.engine.scan.AbstractReportParserTest;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResultsWriter;
import io.jenkins.plugins.securedeploy.engine.scan.ScannerDescriptor;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine's own findings document: the parser contract, the real documents the CLI wrote, and the schema. */
class FindingsParserTest extends AbstractReportParserTest {
    private static final String BANDIT = "scan-bandit-sample-app.json";
    private static final String SECRETS = "secrets-sample-app.json";
    private static final String CRASHED = "scan-shellcheck-missing-script.json";
    private static final String INGEST = "ingest-three-results.json";

    @Override
    protected ScannerDescriptor descriptor() {
        return new FindingsDescriptor();
    }

    @Override
    protected List<Fixture> fixtures() {
        return List.of(Fixture.of(BANDIT, 5).with(Severity.HIGH, 1).with(Severity.MEDIUM, 2).with(Severity.LOW, 2),
                Fixture.of(SECRETS, 0));
    }

    @Override
    protected String reportTemplate() {
        return "{\"format\": \"secure-deploy-findings\", \"version\": 1, \"results\": [{\"tool\": \"mytool\", "
                + "\"findings\": [{\"ruleId\": \"R1\", \"title\": " + VALUE_PLACEHOLDER + ", \"severity\": \"HIGH\","
                + " \"location\": {\"file\": \"a.py\", \"line\": 3}}]}]}";
    }

    @Override
    protected LargeReport largeReport() {
        // the document is the findings themselves (nothing to skip), so items are small and the size is modest:
        // what this proves is that the document is streamed, not held as a tree next to the findings
        return new LargeReport("{\"format\":\"secure-deploy-findings\",\"version\":1,\"results\":[{\"tool\":\"t\","
                + "\"findings\":[", i -> "{\"ruleId\":\"R" + (i % 50) + "\",\"severity\":\"LOW\",\"fingerprint\":\"f"
                + i + "\"}", ",", "]}]}", 1);
    }

    @Override
    protected long largeReportBytes() {
        return 24L * 1024 * 1024;
    }

    @Override
    protected String largeReportHeap() {
        return "192m";
    }

    @Test
    void shouldReadTheRealBanditScanExactly() {
        ScanResult r = parseFixture(BANDIT);
        assertThat(r.tool()).isEqualTo("bandit");
        assertThat(r.source()).as("read as one report, it comes from that file").isEqualTo(BANDIT);
        Finding shell = r.findings().get(2);
        assertThat(shell.ruleId()).isEqualTo("B602");
        assertThat(shell.category()).isEqualTo(Category.SAST);
        assertThat(shell.location().file()).isEqualTo("src/app.py");
        assertThat(shell.location().line()).isEqualTo(13);
        assertThat(shell.fingerprint()).startsWith("sha256:");
    }

    @Test
    void shouldReadARecordedCrashAsAnErrorResult() {
        ScanResult r = parseFixture(CRASHED);
        assertThat(r.isError()).isTrue();
        assertThat(r.tool()).isEqualTo("shellcheck");
        assertThat(r.problems().get(0).code()).isEqualTo("scan.tool-crashed");
    }

    @Test
    void shouldReadEveryResultOfAnIngestDocumentButRefuseItAsOneReport() {
        List<ScanResult> all = FindingsParser.readAll(new ByteArrayInputStream(fixtureBytes(INGEST)), INGEST);
        assertThat(all).extracting(ScanResult::tool).containsExactly("bandit", "secure-deploy-secrets", "shellcheck");
        assertThat(all).extracting(ScanResult::isError).containsExactly(false, false, true);
        assertThat(all.get(0).findings()).isEqualTo(parseFixture(BANDIT).findings());
        assertThatThrownBy(() -> parseFixture(INGEST)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("holds 3 scan results");
    }

    @Test
    void shouldRoundTripWhatTheWriterWrites() {
        List<ScanResult> all = FindingsParser.readAll(new ByteArrayInputStream(fixtureBytes(INGEST)), INGEST);
        byte[] again = new ScanResultsWriter().write(all);
        assertThat(FindingsParser.readAll(new ByteArrayInputStream(again), "again.json")).isEqualTo(all);
    }

    @Test
    void shouldMatchTheShippedSchema() {
        for (String f : List.of(BANDIT, SECRETS, CRASHED, INGEST)) {
            assertThat(JsonSchemas.validate(ScanResultsWriter.SCHEMA, LocatedTree.read(fixtureBytes(f), f, false)))
                    .as(f).isEmpty();
        }
        String typo = new String(fixtureBytes(BANDIT), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"severity\"", "\"severty\"");
        assertThat(JsonSchemas.validate(ScanResultsWriter.SCHEMA,
                LocatedTree.read(typo.getBytes(java.nio.charset.StandardCharsets.UTF_8), "typo.json", false)))
                .isNotEmpty();
        assertThatThrownBy(() -> parse(typo)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown field");
    }

    @Test
    void shouldApplyTheSafeDefaultsOfAHandWrittenDocument() {
        ScanResult r = parse("{\"format\": \"secure-deploy-findings\", \"version\": 1, \"results\": [{\"tool\": "
                + "\"zap\", \"findings\": [{\"ruleId\": \"10020\"}]}]}");
        Finding f = r.findings().get(0);
        assertThat(f.severity()).as("a missing severity fails closed").isEqualTo(Severity.UNKNOWN);
        assertThat(f.category()).isEqualTo(Category.OTHER);
        assertThat(f.tool()).isEqualTo("zap");
        assertThat(f.fingerprint()).startsWith("sha256:");
        assertThat(r.source()).isEqualTo(DISPLAY_NAME);

        List<ScanResult> error = FindingsParser.readAll(new ByteArrayInputStream(("{\"format\": "
                + "\"secure-deploy-findings\", \"version\": 1, \"results\": [{\"tool\": \"x\", \"status\": \"ERROR\", "
                + "\"findings\": []}]}").getBytes(java.nio.charset.StandardCharsets.UTF_8)), "e.json");
        assertThat(error.get(0).isError()).isTrue();
        assertThat(error.get(0).problems().get(0).message()).contains("without saying why");
    }

    @Test
    void shouldRefuseWhatCouldHideAFinding() {
        String head = "{\"format\": \"secure-deploy-findings\", \"version\": 1, \"results\": [{\"tool\": \"t\", ";
        assertThat(parseError(head + "\"findings\": [{\"ruleId\": \"r\", \"severity\": \"SEVERE\"}]}]}"))
                .anySatisfy(p -> assertThat(p.message()).contains("unknown severity"));
        assertThat(parseError(head + "\"findings\": [{\"ruleId\": \"r\", \"category\": \"SECRETS\"}]}]}"))
                .anySatisfy(p -> assertThat(p.message()).contains("unknown category"));
        assertThat(parseError(head + "\"findings\": [{\"title\": \"no rule\"}]}]}"))
                .anySatisfy(p -> assertThat(p.message()).contains("needs 'ruleId'"));
        assertThat(parseError(head + "\"counts\": {\"HIGH\": 1}, \"findings\": []}]}"))
                .anySatisfy(p -> assertThat(p.message()).contains("counts.HIGH is 1 but the result lists 0"));
        assertThat(parseError(head + "\"findings\": []}], \"status\": \"ERROR\"}"))
                .anySatisfy(p -> assertThat(p.message()).contains("'status' is ERROR but no result is ERROR"));
        assertThat(parseError(head.replace("\"version\": 1", "\"version\": 2") + "\"findings\": []}]}"))
                .anySatisfy(p -> assertThat(p.message()).contains("version 2 is not supported", "upgrade"));
        assertThat(parseError("{\"format\": \"secure-deploy-findings\", \"tool\": \"old\", \"findings\": []}"))
                .anySatisfy(p -> assertThat(p.location().pointer()).isNotEmpty());
    }

    @Test
    void streamsEachResultsFindingsAsTheyAreReadAndThrowsWhenTheDocumentBreaksOffLater() {
        List<ScanResult> written = List.of(
                ScanResult.ok("a", "1", "a.json", List.of(Finding.builder("a", "r1").severity(Severity.HIGH).build(),
                        Finding.builder("a", "r2").severity(Severity.LOW).build())),
                ScanResult.ok("b", "2", "b.json", List.of(Finding.builder("b", "r3").build())));
        byte[] doc = new ScanResultsWriter().write(written);
        List<String> events = new java.util.ArrayList<>();
        io.jenkins.plugins.securedeploy.engine.scan.ResultsSink sink =
                new io.jenkins.plugins.securedeploy.engine.scan.ResultsSink() {
            @Override
            public java.util.function.Consumer<Finding> begin() {
                events.add("begin");
                return f -> events.add(f.ruleId());
            }

            @Override
            public void end(ScanResult r, long findings) {
                assertThat(r.findings()).isEmpty();
                events.add("end " + r.tool() + " " + r.source() + " " + findings);
            }
        };
        FindingsParser.stream(new ByteArrayInputStream(doc), "doc.json", sink);
        assertThat(events).containsExactly("begin", "r1", "r2", "end a a.json 2", "begin", "r3", "end b b.json 1");

        // cut inside the second result: the first one was streamed, then the document is refused
        events.clear();
        String text = new String(doc, java.nio.charset.StandardCharsets.UTF_8);
        byte[] cut = text.substring(0, text.indexOf("r3")).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> FindingsParser.stream(new ByteArrayInputStream(cut), "doc.json", sink))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("doc.json");
        assertThat(events).startsWith("begin", "r1", "r2", "end a a.json 2", "begin");
        assertThat(FindingsParser.readAll(new ByteArrayInputStream(doc), "doc.json")).isEqualTo(written);
    }
}
