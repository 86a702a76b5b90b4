package io.jenkins.plugins.securedeploy.engine.scan.sarif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.FindingSink;
import io.jenkins.plugins.securedeploy.engine.scan.ReportEnd;
import io.jenkins.plugins.securedeploy.engine.scan.ReportCorpus;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A run's results read the same whether its tool (with the rules) comes before them — resolved as they are read — or
 * after them — read as they come, kept as binary records and resolved at the run's end: every SARIF 2.1.0 fixture and a
 * log with every field a result can carry (our own property bag, fingerprints that are not strings, unusable
 * security-severity, non-Latin-1 text, results that are no findings), each turned both ways.
 */
class SarifRulesOrderTest {
    /** Every field {@link SarifResultReader} reads, in the variants the finding depends on. */
    static final String EVERY_FIELD = """
            {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"CodeQL","semanticVersion":"2.16.1","rules":[
              {"id":"r1","shortDescription":{"text":"Rule one"},"defaultConfiguration":{"level":"error"},
               "properties":{"security-severity":"7.5","tags":["external/cwe/cwe-079","security"]}},
              {"id":"r2","defaultConfiguration":{"level":"note"},"properties":{"security-severity":"high"}}]},
              "extensions":[{"name":"pack","rules":[{"id":"x1","properties":{"tags":["external/cwe/cwe-089"]}}]}]},
             "results":[
              {"ruleId":"r1","message":{"text":"ü € message"},"locations":[{"physicalLocation":{"artifactLocation":
               {"uri":"src/ä.js"},"region":{"startLine":3,"startColumn":4,"snippet":{"text":"s3cr3t"}}}}],
               "partialFingerprints":{"primaryLocationLineHash":"abc:1"},"codeFlows":[{"threadFlows":[]}]},
              {"ruleIndex":1,"message":{"text":""},"level":"warning"},
              {"rule":{"id":"x1","index":0},"kind":"pass"},
              {"ruleId":"r2","baselineState":"absent"},
              {"ruleId":"r2","fingerprints":{"a":"1","b":{"x":1},"c":null},
               "properties":{"security-severity":"9.1","tags":["external/cwe/cwe-022"]}},
              {"ruleId":"x1","locations":[{"physicalLocation":{"artifactLocation":{"uri":"b.py"},
               "region":{"startLine":7}}}]},
              {"ruleId":"r1","level":"none","partialFingerprints":{"secure-deploy/v1":"sha256:0123"},
               "properties":{"secure-deploy/severity":"CRITICAL","secure-deploy/category":"SCA",
                "secure-deploy/score":"9.8","secure-deploy/ids":["CVE-2024-1","GHSA-xxxx-yyyy-zzzz"],
                "secure-deploy/package":{"name":"openssl","version":"3.0.1","fixedVersion":"3.0.13","purl":"pkg:x"},
                "secure-deploy/file":"Docker file","secure-deploy/untitled":true},
               "locations":[{"physicalLocation":{"artifactLocation":{"uri":"Docker%20file"},"region":{"startLine":2}}}]},
              {"ruleId":"unknown","message":{"text":"no rule"},"rank":3.5},
              {"ruleIndex":7,"level":"error","locations":[]}
             ]}]}
            """;

    private static ScanResult parse(byte[] log) {
        return new SarifParser().parse(new ByteArrayInputStream(log), "log.sarif");
    }

    /** The log with every run's {@code tool} moved before ({@code first}) or after its other members. */
    private static byte[] toolMoved(byte[] log, boolean first) throws IOException {
        JsonNode root = Json.strict().mapper().readTree(log);
        ArrayNode runs = (ArrayNode) root.get("runs");
        for (int i = 0; i < runs.size(); i++) {
            ObjectNode run = (ObjectNode) runs.get(i);
            ObjectNode moved = Json.strict().mapper().createObjectNode();
            if (first && run.has("tool")) {
                moved.set("tool", run.get("tool"));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = run.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!"tool".equals(e.getKey())) {
                    moved.set(e.getKey(), e.getValue());
                }
            }
            if (!first && run.has("tool")) {
                moved.set("tool", run.get("tool"));
            }
            runs.set(i, moved);
        }
        return Json.strict().mapper().writeValueAsBytes(root);
    }

    private static List<String> notes(ScanResult r) {
        return r.problems().stream().map(p -> p.code() + " " + p.message() + " at " + p.location().pointer()).toList();
    }

    private static List<byte[]> logs() throws IOException {
        List<byte[]> logs = new ArrayList<>();
        logs.add(EVERY_FIELD.getBytes(StandardCharsets.UTF_8));
        Path folder = ReportCorpus.folder(new SarifDescriptor());
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sarif.json")).sorted().toList()) {
                byte[] bytes = Files.readAllBytes(f);
                if (Json.strict().mapper().readTree(bytes).path("version").asText().equals("2.1.0")) {
                    logs.add(bytes);
                }
            }
        }
        return logs;
    }

    @Test
    void aRunReadsTheSameWhetherItsRulesComeBeforeOrAfterItsResults() throws IOException {
        List<byte[]> logs = logs();
        assertThat(logs).hasSizeGreaterThan(5);
        for (byte[] log : logs) {
            ScanResult first = parse(toolMoved(log, true));
            ScanResult after = parse(toolMoved(log, false));
            assertThat(after.findings()).isEqualTo(first.findings());
            assertThat(after.status()).isEqualTo(first.status());
            assertThat(after.tool()).isEqualTo(first.tool());
            assertThat(after.toolVersion()).isEqualTo(first.toolVersion());
            assertThat(notes(after)).isEqualTo(notes(first));
        }
        ScanResult every = parse(toolMoved(logs.get(0), false));
        assertThat(every.findings()).hasSize(7);
        assertThat(every.findings().get(0).title()).isEqualTo("ü € message");
        assertThat(every.findings().get(4).pkg().fixedVersion()).isEqualTo("3.0.13");
        assertThat(every.findings().get(4).fingerprint()).isEqualTo("sha256:0123");
        assertThat(every.problems()).extracting(Problem::code)
                .contains("sarif.security-severity-ignored", "sarif.fingerprint-ignored");
        // a deferred result's warning names its pointer; one read in place also its line
        assertThat(every.problems()).allSatisfy(p -> assertThat(p.location().line()).isZero());
        assertThat(parse(toolMoved(logs.get(0), true)).problems())
                .allSatisfy(p -> assertThat(p.location().line()).isPositive());
    }

    /**
     * A deferred result's repeated values are written as the number of a recent one
     * ({@code SarifResultRecord.Recent}, two to eight per field): results that cycle through fewer, exactly as many
     * and more distinct rule ids, levels, kinds, files, fingerprint names and tags than that (nulls between them,
     * non-Latin-1 values, runs of the same value and values that come back after they were forgotten) read the same
     * both ways.
     */
    @Test
    void deferredResultsThatRepeatValuesReadTheSameWhateverHowManyDistinctOnesThereAre() throws IOException {
        StringBuilder rules = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            rules.append(i == 0 ? "" : ",").append("{\"id\":\"rule").append(i).append("\",\"properties\":{\"tags\":[")
                    .append("\"external/cwe/cwe-0").append(10 + i).append("\"]}}");
        }
        StringBuilder results = new StringBuilder();
        String[] levels = {"error", "warning", "note", "none", null};
        for (int i = 0; i < 600; i++) {
            int rule = i < 100 ? i % 3 : i < 200 ? i % 8 : i < 300 ? i % 9 : i < 400 ? (i / 7) % 20 : (i * 7) % 20;
            String level = levels[i % levels.length];
            results.append(i == 0 ? "" : ",").append("{\"ruleId\":\"rule").append(rule).append('"');
            if (level != null) {
                results.append(",\"level\":\"").append(level).append('"');
            }
            if (i % 11 == 0) {
                results.append(",\"kind\":\"").append(i % 2 == 0 ? "fail" : "review").append('"');
            }
            results.append(",\"message\":{\"text\":\"m").append(i % 13).append(i % 5 == 0 ? " €" : "").append("\"}");
            if (i % 6 != 0) {
                results.append(",\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"src/")
                        .append(i % 4 == 0 ? "ü" : "f").append((i * 5) % (i < 300 ? 9 : 31))
                        .append(".js\"},\"region\":{\"startLine\":").append(i + 1).append("}}}]");
            }
            if (i % 3 != 0) {
                results.append(",\"partialFingerprints\":{\"k").append(i % 10).append("\":\"v").append(i)
                        .append(i % 4 == 0 ? "\",\"primaryLocationLineHash\":\"h" + i : "").append("\"}");
            }
            if (i % 4 == 1) {
                results.append(",\"properties\":{\"tags\":[\"t").append(i % 12).append("\",\"external/cwe/cwe-")
                        .append(i % 17).append("\"]}");
            }
            results.append('}');
        }
        byte[] log = ("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"T\",\"rules\":[" + rules
                + "]}},\"results\":[" + results + "]}]}").getBytes(StandardCharsets.UTF_8);
        ScanResult first = parse(toolMoved(log, true));
        ScanResult after = parse(toolMoved(log, false));
        assertThat(first.findings()).hasSize(600);
        assertThat(after.findings()).isEqualTo(first.findings());
        assertThat(notes(after)).isEqualTo(notes(first));
        assertThat(first.findings()).extracting(f -> f.location().file()).contains("src/ü0.js", "src/f30.js", "");
        assertThat(first.findings().get(599).ruleId()).isEqualTo("rule13");
    }

    @Test
    void aBrokenResultBeforeTheRulesFailsWithItsPointerAndLine() {
        String log = "{\"version\":\"2.1.0\",\"runs\":[{\"results\":[{\"ruleId\":\"a\"},\n{\"ruleId\":\"b\","
                + "\"ruleIndex\":\"one\"}],\"tool\":{\"driver\":{\"name\":\"x\"}}}]}";
        assertThatThrownBy(() -> parse(log.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.code()).isEqualTo("report.unexpected-type");
                            assertThat(p.location().pointer()).isEqualTo("/runs/0/results/1/ruleIndex");
                            assertThat(p.location().line()).isEqualTo(2);
                        }));
    }

    @Test
    void aLogCutInsideItsDeferredResultsGivesNothing() throws IOException {
        String after = new String(toolMoved(EVERY_FIELD.getBytes(StandardCharsets.UTF_8), false),
                StandardCharsets.UTF_8);
        // six results were read (and kept) before the cut; the run's rules never came: the sink sees no finding
        List<Finding> seen = new ArrayList<>();
        FindingSink sink = new FindingSink() {
            @Override
            public void accept(Finding finding) {
                seen.add(finding);
            }

            @Override
            public void problem(Problem problem) {}

            @Override
            public void warning(Problem warning) {}

            @Override
            public void end(ReportEnd end) {
                throw new AssertionError("a cut log has no end");
            }
        };
        byte[] cut = after.substring(0, after.indexOf("\"rank\"")).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new SarifParser().parse(new ByteArrayInputStream(cut), "log.sarif", sink))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.code()).isEqualTo("json.truncated")));
        assertThat(seen).isEmpty();
    }
}
