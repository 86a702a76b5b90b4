package io.jenkins.plugins.securedeploy.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import io.jenkins.plugins.securedeploy.engine.json.JsonSchemas;
import io.jenkins.plugins.securedeploy.engine.json.LocatedTree;
import io.jenkins.plugins.securedeploy.engine.policy.BaselineEntry;
import io.jenkins.plugins.securedeploy.engine.policy.BaselineWriter;
import io.jenkins.plugins.securedeploy.engine.policy.FindingOutcome;
import io.jenkins.plugins.securedeploy.engine.policy.Waiver;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.PackageRef;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * gate-report.json lists its findings and fixed entries one per line, each compact (grep prints a whole finding,
 * diff shows one line per changed one); the rest of the document is pretty-printed as before; the streamed writer
 * (findings laid out from the spool) writes the same bytes; the file is still valid against the schema.
 */
class GateReportLinesTest {
    static final String EOL = System.lineSeparator();
    static final String NASTY = "say \"hi\" C:\\temp\\x \t\n\r\u0000\u0001\u001f\u007f é ü € \uD83D\uDE00 \uD800 "
            + "\u2028 </script>";

    static List<FindingOutcome> outcomes(List<Waiver> waivers) {
        List<FindingOutcome> all = new ArrayList<>();
        all.add(new FindingOutcome(Finding.builder("trivy", "CVE-2024-1").title(NASTY).severity(Severity.CRITICAL)
                .category(Category.SCA).score(9.8).id("CVE-2024-1").id("GHSA-\"x\"")
                .pkg(new PackageRef("lib\u00e9", "1.0", "1.1", "pkg:maven/a/lib@1.0"))
                .location(new Location("pom.xml", "/dependencies/0", 12, 3)).build(), true, null, null, true));
        all.add(new FindingOutcome(Finding.builder("semgrep", "java.lang.security.x").title("plain title")
                .severity(Severity.HIGH).category(Category.SAST).location(new Location("src/A.java", null, 7, 0))
                .build(), false, waivers.get(0), null, false));
        all.add(new FindingOutcome(Finding.builder("grype", "CVE-2023-2").title("expired \\ waiver")
                .severity(Severity.MEDIUM).score(1e-9).build(), true, null, waivers.get(waivers.size() - 1), true));
        all.add(new FindingOutcome(Finding.builder("gitleaks", "aws-key").title("").severity(Severity.LOW)
                .category(Category.SECRET).score(0).build(), false, waivers.get(0), waivers.get(0), false));
        return all;
    }

    static GateReport withFixed(GateReport r, List<BaselineEntry> fixed) {
        return new GateReport(r.generatedAt(), r.policySource(), r.verdict(), r.headline(), r.allowsDeployment(),
                r.override(), r.reasons(), r.bySeverity(), r.tools(), r.findings(), fixed, r.baselinePresent(),
                r.waiversApplied(), r.waiversExpired(), r.relaxations(), r.evidence(), r.waiversUnused(),
                r.evaluatedOn(), r.waiverMaxDays(), r.totalFindings(), r.newFindings());
    }

    static GateReport report() {
        return withFixed(ReportFixtures.report(), List.of(
                new BaselineEntry("fp-1", "trivy", "CVE-2020-1", Severity.HIGH, "fixed one"),
                new BaselineEntry("fp-2\"", "semgrep", "rule\\x", Severity.LOW, NASTY)));
    }

    /** The pretty-printed document with the array at {@code name} laid out one compact element per line. */
    static String expectedLayout(JsonNode tree, String... names) throws IOException {
        ObjectMapper mapper = Json.strict().mapper();
        ObjectNode emptied = tree.deepCopy();
        for (String name : names) {
            emptied.putArray(name);
        }
        // as UTF-8 bytes, as the report is written (a lone surrogate is escaped there, not in a String)
        String expected = utf8(mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(emptied));
        for (String name : names) {
            List<String> lines = new ArrayList<>();
            for (JsonNode e : tree.get(name)) {
                lines.add("    " + utf8(mapper.writeValueAsBytes(e)));
            }
            String array = lines.isEmpty() ? "[ ]" : "[" + EOL + String.join("," + EOL, lines) + EOL + "  ]";
            String at = "\"" + name + "\" : [ ]";
            assertThat(expected).contains(at);
            expected = expected.replace(at, "\"" + name + "\" : " + array);
        }
        return expected;
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static byte[] inMemory(GateReport r, List<FindingOutcome> all) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new GateReportWriter().write(r, FindingOutcomes.of(all), out);
        return out.toByteArray();
    }

    private static byte[] laidOut(GateReport r, List<FindingOutcome> all) throws IOException {
        SpooledFindingWriter w = new SpooledFindingWriter();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new GateReportWriter().writeLaidOut(r, v -> {
            for (FindingOutcome o : all) {
                int n = w.compact(o);
                byte[] compact = java.util.Arrays.copyOf(w.compacted(), n);
                v.visit(w.laidOut(), 0, w.layout(compact, 0));
            }
        }, out);
        return out.toByteArray();
    }

    @Test
    void listsOneCompactFindingPerLineAndTheRestAsBefore() throws IOException {
        GateReport r = report();
        List<FindingOutcome> all = outcomes(ReportFixtures.policy().waivers());
        byte[] bytes = inMemory(r, all);
        String json = new String(bytes, StandardCharsets.UTF_8);
        JsonNode tree = Json.strict().mapper().readTree(bytes);

        assertThat(json).isEqualTo(expectedLayout(tree, "findings", "fixed"));
        List<String> lines = json.lines().toList();
        int start = lines.indexOf("  \"findings\" : [");
        assertThat(start).isPositive();
        assertThat(lines.get(start + all.size() + 1)).isEqualTo("  ],");
        assertThat(lines.get(start + all.size() + 2)).isEqualTo("  \"fixed\" : [");
        for (int i = 0; i < all.size(); i++) {
            String line = lines.get(start + 1 + i);
            assertThat(line).startsWith("    {\"fingerprint\":\"" + all.get(i).finding().fingerprint() + "\",")
                    .endsWith(i < all.size() - 1 ? "}," : "}").doesNotContain("\" : ");
            String alone = line.substring(4, line.length() - (i < all.size() - 1 ? 1 : 0));
            JsonNode finding = Json.strict().mapper().readTree(alone);
            assertThat(finding).isEqualTo(tree.get("findings").get(i));
            assertThat(finding.get("title").asText()).isEqualTo(all.get(i).finding().title());
        }
        assertThat(tree.get("findings").get(0).get("title").asText()).isEqualTo(NASTY);
        assertThat(tree.get("findings").get(0).get("score").asDouble()).isEqualTo(9.8);
        assertThat(tree.get("findings").get(0).get("package").get("name").asText()).isEqualTo("lib\u00e9");
        assertThat(tree.get("findings").get(1).get("waivedBy").isTextual()).isTrue();
        assertThat(tree.get("findings").get(2).get("expiredWaiver").isTextual()).isTrue();
        assertThat(json).contains("\"ids\":[\"CVE-2024-1\",\"GHSA-\\\"x\\\"\"]", "\"ids\":[]", "\"score\":1.0E-9",
                "\"package\":{\"name\":\"lib\u00e9\",", "\"location\":{\"file\":\"pom.xml\",", "\\u0000", "\\\\temp",
                "\"fingerprint\":\"fp-2\\\"\",\"tool\":\"semgrep\",\"ruleId\":\"rule\\\\x\",\"severity\":\"LOW\"",
                "  \"summary\" : {" + EOL + "    \"findings\" : ", "\"fingerprints\" : [ \"");

        LocatedTree located = LocatedTree.read(bytes, "gate-report.json", false);
        assertThat(JsonSchemas.validate(GateReportWriter.SCHEMA, located)).isEmpty();
    }

    @Test
    void theStreamedWritersWriteTheSameBytes() throws IOException {
        GateReport r = report();
        List<FindingOutcome> all = outcomes(ReportFixtures.policy().waivers());
        byte[] expected = inMemory(r, all);
        assertThat(new String(laidOut(r, all), StandardCharsets.UTF_8))
                .isEqualTo(new String(expected, StandardCharsets.UTF_8));
        SpooledFindingWriter w = new SpooledFindingWriter();
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        new GateReportWriter().writeEncoded(r, v -> {
            for (FindingOutcome o : all) {
                v.visit(w.encode(o));
            }
        }, encoded);
        assertThat(encoded.toByteArray()).isEqualTo(expected);
    }

    @Test
    void theBaselineLaidOutFromTheSpoolIsWhatTheBaselineWriterWrites() throws IOException {
        List<FindingOutcome> sorted = outcomes(ReportFixtures.policy().waivers()).stream()
                .sorted(java.util.Comparator.comparing(o -> o.finding().fingerprint())).toList();
        ByteArrayOutputStream inMemory = new ByteArrayOutputStream();
        new BaselineWriter().write(sorted.stream().map(FindingOutcome::finding).toList(), inMemory);
        SpooledFindingWriter w = new SpooledFindingWriter();
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        new BaselineWriter().writeLaidOut(v -> {
            for (FindingOutcome o : sorted) {
                byte[] compact = java.util.Arrays.copyOf(w.compacted(), w.compact(o));
                v.visit(w.laidOut(), 0, w.layoutBaseline(compact, 0));
            }
        }, streamed);
        assertThat(utf8(streamed.toByteArray())).isEqualTo(utf8(inMemory.toByteArray()))
                .contains("\"findings\" : [" + EOL + "    {\"fingerprint\":\"sha256:");
        assertThat(utf8(inMemory.toByteArray()).lines()).hasSize(sorted.size() + 6);
    }

    @Test
    void emptyListsStayAsJacksonWritesThem() throws IOException {
        GateReport r = withFixed(ReportFixtures.report(), List.of());
        byte[] bytes = inMemory(r, List.of());
        String json = new String(bytes, StandardCharsets.UTF_8);
        assertThat(json).contains("  \"findings\" : [ ]," + EOL + "  \"fixed\" : [ ]," + EOL);
        assertThat(json).isEqualTo(expectedLayout(Json.strict().mapper().readTree(bytes), "findings", "fixed"));
        assertThat(laidOut(r, List.of())).isEqualTo(bytes);
    }
}
