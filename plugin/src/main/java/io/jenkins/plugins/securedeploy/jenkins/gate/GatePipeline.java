package io.jenkins.plugins.securedeploy.jenkins.gate;

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
import io.jenkins.plugins.securedeploy.engine.policy.PolicyFloor;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyMerger;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyReader;
import io.jenkins.plugins.securedeploy.engine.report.EvidenceEntry;
import io.jenkins.plugins.securedeploy.engine.report.GateReport;
import io.jenkins.plugins.securedeploy.engine.report.HtmlReportWriter;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomSummary;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The gate on the controller, from bytes read on the agent, as the engine's GateRun does it but keeping the
 * workspace names of policy and baseline in every message (GateRun takes local paths). Jenkins-free: policy bytes
 * (null = secure defaults) merged with the admin floor (a weaker project policy is refused), baseline bytes (null =
 * none; unreadable = ERROR reason), evaluation, and the report folder ({@code index.html}, {@code gate-report.json},
 * assets, {@code baseline.json} for the next run) written to {@code reportDir}.
 */
final class GatePipeline {
    private final Clock clock;

    GatePipeline(Clock clock) {
        this.clock = clock;
    }

    record Input(byte[] policy, String policyName, byte[] baseline, String baselineName, PolicyFloor floor,
            List<ScanResult> results, EvidenceFacts facts, List<EvidenceEntry> evidence, SbomLoader sboms) {}

    /** The build's recorded SBOMs, loaded only when the policy has component deny-lists to check. */
    @FunctionalInterface
    interface SbomLoader {
        List<SbomSummary> load() throws IOException;
    }

    record Outcome(GateDecision decision, GateReport report) {}

    /** @throws InvalidInputException when the policy is invalid or weaker than the floor (every problem listed) */
    Outcome run(Input in, Path reportDir) throws IOException {
        LocalDate today = LocalDate.now(clock);
        PolicyReader reader = new PolicyReader();
        Policy project = in.policy() == null ? Policy.DEFAULT : reader.read(in.policy(), in.policyName());
        Policy effective = new PolicyMerger().merge(in.floor(), project, today);
        List<Problem> inputProblems = new ArrayList<>();
        Baseline baseline = Baseline.NONE;
        if (in.baseline() != null) {
            Path file = reportDir.resolve("previous-baseline.json");
            Files.createDirectories(reportDir);
            Files.write(file, in.baseline());
            try {
                baseline = new BaselineReader().read(file, in.baselineName());
            } catch (InvalidInputException e) {
                inputProblems.addAll(e.problems());
            } finally {
                Files.deleteIfExists(file);
            }
        }
        List<ScanResult> results = new ArrayList<>(in.results());
        if (!effective.sbom().isEmpty()) {
            results.add(new ComponentPolicy().check(in.sboms().load(), effective.sbom()));
        }
        GateDecision decision = new GateEvaluator(clock).evaluate(new GateInput(effective, results, baseline,
                in.facts(), null, inputProblems));
        GateReport report = GateReport.of(decision, results, in.evidence(), project.source(), clock.instant());
        new HtmlReportWriter().write(report, reportDir);
        List<Finding> current = results.stream().flatMap(s -> s.findings().stream()).toList();
        new BaselineWriter().write(current, reportDir.resolve("baseline.json"));
        return new Outcome(decision, report);
    }
}
