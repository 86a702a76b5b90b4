package io.jenkins.plugins.securedeploy.engine.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.policy.Baseline;
import io.jenkins.plugins.securedeploy.engine.policy.BaselineReader;
import io.jenkins.plugins.securedeploy.engine.policy.BaselineWriter;
import io.jenkins.plugins.securedeploy.engine.policy.ComponentPolicy;
import io.jenkins.plugins.securedeploy.engine.policy.EvidenceFacts;
import io.jenkins.plugins.securedeploy.engine.policy.GateDecision;
import io.jenkins.plugins.securedeploy.engine.policy.GateEvaluator;
import io.jenkins.plugins.securedeploy.engine.policy.GateInput;
import io.jenkins.plugins.securedeploy.engine.policy.Policy;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyMerger;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyReader;
import io.jenkins.plugins.securedeploy.engine.report.GateReport;
import io.jenkins.plugins.securedeploy.engine.report.HtmlReportWriter;
import io.jenkins.plugins.securedeploy.engine.report.ReportFile;
import io.jenkins.plugins.securedeploy.engine.report.ReportFixtures;
import io.jenkins.plugins.securedeploy.engine.report.SarifWriter;
import io.jenkins.plugins.securedeploy.engine.scan.BoundedMemoryProbe;
import io.jenkins.plugins.securedeploy.engine.scan.ReportCorpus;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.scan.ScannerDescriptor;
import io.jenkins.plugins.securedeploy.engine.scan.registry.ReportInputs;
import io.jenkins.plugins.securedeploy.engine.scan.registry.ReportSource;
import io.jenkins.plugins.securedeploy.engine.scan.registry.ScannerRegistry;
import io.jenkins.plugins.securedeploy.engine.testing.InMemoryEvidenceStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The streaming gate is the in-memory gate, only bounded: for the same inputs - every report of the real-report
 * corpus (OK, ERROR and refused ones), reports generated with thousands of findings, a report cut off half-way, a
 * missing one, a policy with applied, unused and expired waivers, a baseline - {@link GateService} (streaming, with
 * tiny sorted runs so the on-disk merge runs in several passes) writes byte for byte the files the in-memory
 * evaluation wrote ({@code index.html}, {@code gate-report.json}, {@code baseline.json}, the SARIF), and decides
 * and tells the decision the same ({@link DecisionPresenter} lines, totals, reasons).
 */
class StreamingGateEquivalenceTest {
    private static final String POLICY = "version: 1\n"
            + "thresholds: {total: {high: 5, medium: 1000}, new: {low: 3000}}\n"
            + "tools: {grype: {total: {high: 100}}}\n"
            + "waivers:\n"
            + "  - {rule: js/sqli, owner: sec-team, reason: sanitised by the ORM, expires: 2026-12-20}\n"
            + "  - {id: CVE-2024-7, owner: sec-team, reason: not reachable, expires: 2026-12-20}\n"
            + "  - {fingerprint: nothing-has-this, owner: sec-team, reason: stale, expires: 2026-12-20}\n"
            + "  - {rule: B602, owner: sec-team, reason: expired one, expires: 2026-01-01}\n";

    @Test
    void theStreamingGateWritesWhatTheInMemoryGateWroteForTheWholeCorpusAndLargeReports() throws IOException {
        List<ReportSource> reports = new ArrayList<>();
        for (ScannerDescriptor d : ScannerRegistry.standard().all()) {
            for (ReportCorpus.Case c : ReportCorpus.cases(d)) {
                reports.add(ReportSource.ofBytes(c.name(), c.readable() ? d.id() : null, c.bytes()));
            }
        }
        reports.add(new ReportSource("generated/codeql.sarif", "sarif", () -> BoundedMemoryProbe.sarif(1_500_000)));
        reports.add(new ReportSource("generated/grype.json", null, () -> BoundedMemoryProbe.grype(1_500_000)));
        reports.add(new ReportSource("generated/trivy.json", "trivy", () -> BoundedMemoryProbe.trivy(1_000_000)));
        byte[] cut = BoundedMemoryProbe.grype(200_000).readAllBytes();
        reports.add(ReportSource.ofBytes("generated/cut.json", "grype", Arrays.copyOf(cut, cut.length / 2)));
        reports.add(ReportSource.ofFile(java.nio.file.Path.of("does/not/exist.sarif"), "missing.sarif", null));
        // the engine's own document, streamed result by result: OK ones, an ERROR one with findings, and one that
        // is found invalid only at its end (its results were streamed, then dropped)
        List<ScanResult> own = new ArrayList<>(ReportFixtures.results());
        own.add(ScanResult.ok("many", "1", "many.json", ReportInputs.standard().read(List.of(new ReportSource(
                "generated/own.json", "grype", () -> BoundedMemoryProbe.grype(300_000)))).get(0).findings()));
        byte[] ownDoc = new io.jenkins.plugins.securedeploy.engine.scan.ScanResultsWriter().write(own);
        reports.add(ReportSource.ofBytes("generated/own-findings.json", null, ownDoc));
        String text = new String(ownDoc, StandardCharsets.UTF_8);
        reports.add(ReportSource.ofBytes("generated/own-bad-status.json", null, text.replaceFirst(
                "\"status\"\\s*:\\s*\"ERROR\"", "\"status\": \"OK\"").getBytes(StandardCharsets.UTF_8)));
        GateRequest first = GateRequest.of(ReportFixtures.results()).withReports(reports)
                .withPolicy(new NamedBytes(".secure-deploy.yml", POLICY.getBytes(StandardCharsets.UTF_8)));
        Map<String, byte[]> firstFiles = same(first.withFolder("one"));
        assertThat(new String(firstFiles.get("one/gate-report.json"), StandardCharsets.UTF_8))
                .as("the own document found invalid at its end").contains("findings.status-mismatch");

        // a second run against the first one's baseline, with part of the reports gone (fixed) and new ones
        List<ReportSource> later = new ArrayList<>(reports.subList(reports.size() / 2, reports.size()));
        later.add(new ReportSource("generated/more.sarif", "sarif", () -> BoundedMemoryProbe.sarif(400_000)));
        GateRequest second = first.withReports(later).withFolder("two")
                .withBaseline(new NamedBytes("one/baseline.json", firstFiles.get("one/baseline.json")));
        same(second);
        // the same with the baseline indexed on disk (more than 100 entries): the same files, byte for byte
        same(second, 100);
    }

    /** Gates both ways; returns the streaming gate's files after asserting they are the in-memory ones. */
    private static Map<String, byte[]> same(GateRequest request) throws IOException {
        return same(request, BaselineReader.IN_MEMORY);
    }

    private static Map<String, byte[]> same(GateRequest request, int baselineInMemory) throws IOException {
        InMemoryEvidenceStore streamed = new InMemoryEvidenceStore();
        ByteArrayOutputStream sarif = new ByteArrayOutputStream();
        GateOutcome s = new GateService(ReportFixtures.CLOCK, ReportInputs.standard(), 100, baselineInMemory)
                .decide(request, streamed, sarif);
        InMemory m = inMemory(request);
        boolean indexed = baselineInMemory != BaselineReader.IN_MEMORY;

        assertThat(s.decision().totals().findings()).as("findings gated").isGreaterThan(5000);
        assertThat(s.decision().findings()).hasSizeLessThanOrEqualTo(GateService.KEEP);
        assertThat(s.decision().verdict()).isEqualTo(m.decision().verdict());
        assertThat(s.decision().reasons()).isEqualTo(m.decision().reasons());
        assertThat(s.decision().totals()).isEqualTo(m.decision().totals());
        if (indexed) { // read from the on-disk index while the gate ran (gate-report.json lists them, below)
            assertThat(s.decision().fixed().size()).isEqualTo(m.decision().fixed().size()).isPositive();
            assertThatThrownBy(() -> s.decision().fixed().iterator().next()).as("the index is gone with the gate")
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("on-disk index is closed");
        } else {
            assertThat(s.decision().fixed()).isEqualTo(m.decision().fixed());
        }
        assertThat(DecisionPresenter.lines(s.decision())).isEqualTo(DecisionPresenter.lines(m.decision()));
        assertThat(DecisionPresenter.nextSteps(s.decision())).isNotEmpty();
        assertThat(s.results()).extracting(ScanResult::status).isEqualTo(m.results().stream()
                .map(ScanResult::status).toList());
        Map<String, byte[]> files = streamed.contents();
        assertThat(s.files()).extracting(f -> f.name()).containsExactlyElementsOf(m.files().keySet());
        for (String name : m.files().keySet()) {
            assertThat(new String(files.get(name), StandardCharsets.UTF_8)).as(name)
                    .isEqualTo(new String(m.files().get(name), StandardCharsets.UTF_8));
        }
        assertThat(sarif.toString(StandardCharsets.UTF_8))
                .isEqualTo(new String(new SarifWriter().write(m.report()), StandardCharsets.UTF_8));
        return files;
    }

    private record InMemory(GateDecision decision, GateReport report, List<ScanResult> results,
            Map<String, byte[]> files) {}

    /** What GateService did before it streamed: every result with its findings in memory. */
    private static InMemory inMemory(GateRequest request) throws IOException {
        Policy project = new PolicyReader().read(request.policy().content(), request.policy().name());
        List<Problem> inputProblems = new ArrayList<>(request.inputProblems());
        Baseline baseline = Baseline.NONE;
        if (request.baseline() != null) {
            try {
                baseline = new BaselineReader().read(request.baseline().opener().open(), request.baseline().name());
            } catch (InvalidInputException e) {
                inputProblems.addAll(e.problems());
            }
        }
        List<ScanResult> results = new ArrayList<>(request.results());
        results.addAll(ReportInputs.standard().read(request.reports()));
        EvidenceFacts facts = request.facts();
        Policy effective = new PolicyMerger().merge(request.floor(), project,
                LocalDate.now(ReportFixtures.CLOCK));
        if (!effective.sbom().isEmpty()) {
            results.add(new ComponentPolicy().check(request.sboms(), effective.sbom()));
        }
        GateDecision decision = new GateEvaluator(ReportFixtures.CLOCK).evaluate(new GateInput(effective, results,
                baseline, facts, request.override(), inputProblems));
        GateReport report = GateReport.of(decision, results, EvidenceEntries.of(request.evidence(),
                request.sboms(), facts), effective, project.source(), ReportFixtures.CLOCK.instant());
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (ReportFile f : new HtmlReportWriter().files(report)) {
            files.put(request.folder() + "/" + f.name(), f.content());
        }
        ByteArrayOutputStream next = new ByteArrayOutputStream();
        new BaselineWriter().write(results.stream().flatMap(r -> r.findings().stream()).toList(), next);
        files.put(request.folder() + "/" + GateService.BASELINE, next.toByteArray());
        return new InMemory(decision, report, results, files);
    }
}
