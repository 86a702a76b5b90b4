package io.jenkins.plugins.securedeploy.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.json.Json;
import io.jenkins.plugins.securedeploy.engine.json.JsonSchemas;
import io.jenkins.plugins.securedeploy.engine.json.LocatedTree;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.PackageRef;
import io.jenkins.plugins.securedeploy.engine.scan.registry.ReportIngest;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.scan.registry.ScannerRegistry;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The SARIF we write is valid against the official SARIF 2.1.0 schema (test resource, see its README) and our own
 * SarifParser reads it back to exactly the same findings (from our property bag); a log without our properties reads
 * with the normalisations SARIF forces, documented in docs/sarif.md.
 */
class SarifWriterTest {
    static final String OFFICIAL_SCHEMA = "/io/jenkins/plugins/securedeploy/engine/report/sarif/sarif-schema-2.1.0.json";
    private static final String SCAN = "/io/jenkins/plugins/securedeploy/engine/scan/";

    static List<Problem> schemaProblems(byte[] sarif) {
        return JsonSchemas.validate(OFFICIAL_SCHEMA, LocatedTree.read(sarif, "out.sarif", false));
    }

    /** Every shape a finding can take: scored or not, package or file, odd paths, each severity, tool fingerprints. */
    static List<ScanResult> everyKind() {
        List<Finding> findings = new ArrayList<>();
        for (Severity s : Severity.values()) {
            findings.add(Finding.builder("semgrep", "rule-" + s.name().toLowerCase(Locale.ROOT)).title("a " + s + " one")
                    .severity(s).category(Category.SAST).location(Location.of("src/dir with space/ü.py", 3, 7))
                    .id("CWE-79").id("cwe-79").build());
        }
        findings.add(Finding.builder("semgrep", "rule-high").title("same rule, other file").severity(Severity.HIGH)
                .category(Category.SAST).location(Location.of("src\\win\\path.js", 0, 0)).toolFingerprint("fp-1")
                .build());
        findings.add(Finding.builder("semgrep", "no-title").severity(Severity.LOW).category(Category.SAST).build());
        Finding pkg = Finding.builder("trivy", "CVE-2024-1").title("openssl overflow").severity(Severity.CRITICAL)
                .score(9.8).category(Category.SCA).id("CVE-2024-1")
                .pkg(new PackageRef("openssl", "3.0.1", "3.0.13", "pkg:deb/debian/openssl@3.0.1")).build();
        Finding disagreeing = Finding.builder("trivy", "CVE-2024-2").title("vendor says high").severity(Severity.HIGH)
                .score(9.1).category(Category.SCA).pkg(new PackageRef("zlib", "1.2", "", "")).build();
        ScanResult broken = ScanResult.error("grype", "grype.json",
                List.of(Problem.of("json.truncated", "unexpected end of input", Location.of("grype.json", 4, 2))));
        return List.of(ScanResult.ok("semgrep", "1.60.0", "semgrep.json", findings),
                ScanResult.ok("trivy", "", "trivy.json", List.of(pkg, disagreeing)),
                ScanResult.ok("bandit", "1.6.2", "bandit stdout", List.of()), broken);
    }

    @Test
    void shouldBeValidAgainstTheOfficialSchemaForEveryKindOfFindingAndForAGateRun() {
        assertThat(schemaProblems(new SarifWriter().write(everyKind()))).isEmpty();
        assertThat(schemaProblems(new SarifWriter().write(ReportFixtures.report()))).isEmpty();
    }

    @Test
    void shouldProveTheSchemaBitesOnABrokenLog() {
        String broken = new String(new SarifWriter().write(everyKind()), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"level\" : \"warning\"", "\"level\" : \"severe\"");
        assertThat(schemaProblems(broken.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .anySatisfy(p -> assertThat(p.code()).isEqualTo("schema.enum"));
    }

    @Test
    void shouldCarrySecuritySeverityRuleMetadataLocationsAndFingerprints() {
        JsonNode log = Json.strict().readTree(new ByteArrayInputStream(new SarifWriter().write(everyKind())), "x");
        JsonNode semgrep = log.path("runs").get(0);
        assertThat(semgrep.at("/tool/driver/name").asText()).isEqualTo("semgrep");
        assertThat(semgrep.at("/tool/driver/version").asText()).isEqualTo("1.60.0");
        JsonNode high = rule(semgrep, "rule-high");
        assertThat(high.at("/shortDescription/text").asText()).isEqualTo("a HIGH one");
        assertThat(high.at("/defaultConfiguration/level").asText()).isEqualTo("error");
        assertThat(high.at("/properties/security-severity").asText()).isEqualTo("8.0");
        assertThat(rule(semgrep, "rule-unknown").at("/properties/security-severity").asText()).isEqualTo("10.0");
        assertThat(rule(semgrep, "rule-info").at("/defaultConfiguration/level").asText()).isEqualTo("note");

        JsonNode first = semgrep.path("results").get(0);
        assertThat(first.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("src/dir%20with%20space/%C3%BC.py");
        assertThat(first.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(3);
        assertThat(first.at("/locations/0/physicalLocation/region/startColumn").asInt()).isEqualTo(7);
        assertThat(first.at("/properties/tags").toString()).isEqualTo("[\"security\",\"external/cwe/cwe-79\"]");
        assertThat(first.at("/partialFingerprints/primaryLocationLineHash").asText()).startsWith("sha256:");
        JsonNode tool = semgrep.path("results").get(6);
        assertThat(tool.at("/partialFingerprints/primaryLocationLineHash").asText()).isEqualTo("fp-1");
        assertThat(tool.at("/partialFingerprints/secure-deploy~1v1").asText()).isEqualTo("semgrep:fp-1");
        assertThat(tool.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("src/win/path.js");
        assertThat(tool.at("/locations/0/physicalLocation/region").isMissingNode()).isTrue();

        JsonNode trivy = log.path("runs").get(1);
        JsonNode pkg = trivy.path("results").get(0);
        assertThat(pkg.at("/properties/security-severity").asText()).isEqualTo("9.8");
        assertThat(pkg.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText())
                .isEqualTo("pkg:deb/debian/openssl@3.0.1");
        assertThat(pkg.at("/properties/secure-deploy~1package/fixedVersion").asText()).isEqualTo("3.0.13");
        JsonNode disagreeing = trivy.path("results").get(1);
        assertThat(disagreeing.at("/properties/security-severity").asText()).as("the score 9.1 would read as CRITICAL")
                .isEqualTo("8.0");
        assertThat(disagreeing.at("/properties/secure-deploy~1score").asDouble()).isEqualTo(9.1);
        assertThat(disagreeing.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText()).isEqualTo("zlib@1.2");

        JsonNode empty = log.path("runs").get(2);
        assertThat(empty.at("/tool/driver/name").asText()).isEqualTo("bandit");
        assertThat(empty.path("results")).isEmpty();
        assertThat(empty.at("/invocations/0/executionSuccessful").asBoolean()).isTrue();
        JsonNode broken = log.path("runs").get(3);
        assertThat(broken.at("/invocations/0/executionSuccessful").asBoolean()).isFalse();
        assertThat(broken.at("/invocations/0/toolExecutionNotifications/0/message/text").asText())
                .contains("grype.json:4:2").contains("json.truncated");
    }

    @Test
    void shouldMarkWaivedFindingsAsSuppressedAndBaselineStateFromAGateRun() {
        JsonNode log = Json.strict().readTree(new ByteArrayInputStream(new SarifWriter().write(ReportFixtures.report())),
                "x");
        List<JsonNode> results = new ArrayList<>();
        log.path("runs").forEach(r -> r.path("results").forEach(results::add));
        assertThat(results).filteredOn(r -> r.has("suppressions")).singleElement().satisfies(r -> {
            assertThat(r.path("ruleId").asText()).isEqualTo("CVE-2023-9999");
            assertThat(r.at("/suppressions/0/justification").asText()).contains("owner alice").contains("not exploitable");
        });
        assertThat(results).extracting(r -> r.path("baselineState").asText()).contains("new", "unchanged");
        assertThat(log.path("runs")).anySatisfy(r -> {
            assertThat(r.at("/tool/driver/name").asText()).isEqualTo("grype");
            assertThat(r.at("/invocations/0/executionSuccessful").asBoolean()).isFalse();
        });
    }

    @Test
    void shouldRoundTripTheSampleProjectsFindingsExactlyThroughOurSarifParser() throws Exception {
        List<ScanResult> sample = List.of(fixture("bandit/valid-sample-app.json", "bandit"),
                fixture("shellcheck/valid-release-sh.json", "shellcheck"),
                fixture("gitleaks/gitleaks-v8-report.json", "gitleaks"));
        assertThat(sample).allSatisfy(r -> assertThat(r.isError()).as(r.problems().toString()).isFalse());

        ScanResult back = parse(new SarifWriter().write(sample));

        List<Finding> original = sample.stream().flatMap(r -> r.findings().stream()).toList();
        assertThat(original).hasSizeGreaterThan(5);
        assertThat(back.findings()).as("the same findings: fingerprints, locations, severities, rule ids, all fields")
                .containsExactlyElementsOf(original);
    }

    @Test
    void shouldRoundTripEveryKindExactly() {
        List<ScanResult> ok = everyKind().stream().filter(r -> !r.isError()).toList();
        ScanResult back = parse(new SarifWriter().write(ok));

        List<Finding> original = ok.stream().flatMap(r -> r.findings().stream()).toList();
        assertThat(back.findings()).containsExactlyElementsOf(original);
        Finding unknown = back.findings().stream().filter(f -> f.ruleId().equals("rule-unknown")).findFirst()
                .orElseThrow();
        assertThat(unknown.severity()).as("written as CRITICAL for dashboards, read back as what it was")
                .isEqualTo(Severity.UNKNOWN);
        assertThat(back.findings()).filteredOn(f -> f.ruleId().equals("CVE-2024-2")).singleElement()
                .satisfies(f -> assertThat(f.score()).as("the score that disagrees with the severity").isEqualTo(9.1));
        assertThat(back.findings()).filteredOn(f -> f.ruleId().equals("rule-high")).last()
                .satisfies(f -> assertThat(f.location().file()).isEqualTo("src\\win\\path.js"));
    }

    @Test
    void shouldGiveBackTheGatesFindingsWhenTheGatesSarifIsIngested() {
        List<ScanResult> results = ReportFixtures.results().stream().filter(r -> !r.isError()).toList();
        GateReport report = GateReport.of(new io.jenkins.plugins.securedeploy.engine.policy.GateEvaluator(
                ReportFixtures.CLOCK).evaluate(io.jenkins.plugins.securedeploy.engine.policy.GateInput.of(
                        ReportFixtures.policy(), results)), results, List.of(), ".secure-deploy.yml", ReportFixtures.NOW);
        assertThat(report.findings()).hasSize(4).anySatisfy(o -> assertThat(o.waivedBy()).isNotNull());
        byte[] sarif = new SarifWriter().write(report);
        assertThat(schemaProblems(sarif)).isEmpty();

        ScanResult back = parse(sarif);

        assertThat(back.findings()).as("waived findings are findings too (suppressed, not dropped)")
                .containsExactlyInAnyOrderElementsOf(report.findings().stream()
                        .map(io.jenkins.plugins.securedeploy.engine.policy.FindingOutcome::finding).toList());
    }

    @Test
    void shouldReadALogWithoutOurPropertiesWithTheDocumentedNormalisations() {
        List<ScanResult> ok = everyKind().stream().filter(r -> !r.isError()).toList();
        ScanResult back = parse(withoutOwnProperties(new SarifWriter().write(ok)));

        List<Finding> original = ok.stream().flatMap(r -> r.findings().stream()).toList();
        assertThat(back.findings()).extracting(Finding::tool, Finding::ruleId, Finding::title, Finding::severity,
                Finding::fingerprint, Finding::location, Finding::score, Finding::ids).containsExactlyElementsOf(
                        original.stream().map(f -> {
                            Finding t = throughSarif(f);
                            return org.assertj.core.groups.Tuple.tuple(t.tool(), t.ruleId(), t.title(), t.severity(),
                                    t.fingerprint(), t.location(), t.score(), t.ids());
                        }).toList());
        assertThat(back.findings()).filteredOn(f -> f.ruleId().equals("rule-unknown")).singleElement()
                .satisfies(f -> assertThat(f.severity()).as("UNKNOWN is written as CRITICAL: never weaker")
                        .isEqualTo(Severity.CRITICAL));
    }

    @Test
    void shouldNeverTakeAWeakerSeverityFromThePropertyBagThanTheSarifFieldsSay() {
        List<ScanResult> ok = everyKind().stream().filter(r -> !r.isError()).toList();
        String log = new String(new SarifWriter().write(ok), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"secure-deploy/severity\" : \"CRITICAL\"", "\"secure-deploy/severity\" : \"INFO\"");
        ScanResult back = parse(log.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(back.findings()).filteredOn(f -> f.ruleId().equals("rule-critical") || f.ruleId().equals("CVE-2024-1"))
                .hasSize(2).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.CRITICAL));
    }

    /** A log as a tool other than ours writes it: the {@code secure-deploy/} property bag and fingerprint removed. */
    private static byte[] withoutOwnProperties(byte[] sarif) {
        com.fasterxml.jackson.databind.node.ObjectNode log = (com.fasterxml.jackson.databind.node.ObjectNode) Json
                .strict().readTree(new ByteArrayInputStream(sarif), "x");
        log.path("runs").forEach(run -> run.path("results").forEach(r -> {
            for (String bag : List.of("properties", "partialFingerprints")) {
                com.fasterxml.jackson.databind.node.ObjectNode o = (com.fasterxml.jackson.databind.node.ObjectNode) r
                        .path(bag);
                List<String> ours = new ArrayList<>();
                o.fieldNames().forEachRemaining(n -> {
                    if (n.startsWith("secure-deploy/")) {
                        ours.add(n);
                    }
                });
                o.remove(ours);
            }
        }));
        try {
            return Json.strict().mapper().writeValueAsBytes(log);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void shouldMakeAnUntrustedScanAnErrorWhenOurSarifIsReadBack() {
        ScanResult back = new ReportIngest(ScannerRegistry.standard())
                .ingest(new ByteArrayInputStream(new SarifWriter().write(everyKind())), "out.sarif", "sarif");
        assertThat(back.isError()).isTrue();
        assertThat(back.problems().get(0).message()).contains("executionSuccessful: false");
    }

    /** What our SarifParser makes of a finding from a log without our property bag (docs/sarif.md). */
    static Finding throughSarif(Finding f) {
        String fp = f.fingerprint().startsWith(f.tool() + ":") ? f.fingerprint() : f.tool() + ":" + f.fingerprint();
        Severity severity = f.severity() == Severity.UNKNOWN ? Severity.CRITICAL : f.severity();
        List<String> cwes = f.ids().stream().filter(id -> id.toUpperCase(Locale.ROOT).startsWith("CWE-"))
                .map(id -> "CWE-" + id.substring(4).replaceFirst("^0+", "")).distinct().toList();
        String title = f.title().isBlank() ? f.ruleId() : f.title();
        return new Finding(f.tool(), f.ruleId(), title, severity, SarifWriter.securitySeverity(f), f.category(), cwes,
                null, Location.of(SarifWriter.uri(f.location().file()), f.location().line(), f.location().column()),
                fp);
    }

    private static ScanResult parse(byte[] sarif) {
        ScanResult r = new ReportIngest(ScannerRegistry.standard()).ingest(new ByteArrayInputStream(sarif),
                "out.sarif", null);
        assertThat(r.isError()).as("our SARIF is detected and parsed: %s", r.problems()).isFalse();
        return r;
    }

    private static ScanResult fixture(String resource, String format) throws Exception {
        try (InputStream in = SarifWriterTest.class.getResourceAsStream(SCAN + resource)) {
            return new ReportIngest(ScannerRegistry.standard()).ingest(in, resource, format);
        }
    }

    private static JsonNode rule(JsonNode run, String id) {
        for (JsonNode r : run.at("/tool/driver/rules")) {
            if (r.path("id").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no rule " + id);
    }
}
