package io.jenkins.plugins.securedeploy.jenkins.gate;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.policy.Baseline;
import io.jenkins.plugins.securedeploy.engine.policy.BaselineReader;
import io.jenkins.plugins.securedeploy.engine.policy.EvidenceFacts;
import io.jenkins.plugins.securedeploy.engine.policy.GateDecision;
import io.jenkins.plugins.securedeploy.engine.policy.Policy;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyFloor;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyReader;
import io.jenkins.plugins.securedeploy.engine.report.EvidenceEntry;
import io.jenkins.plugins.securedeploy.engine.report.GateReport;
import io.jenkins.plugins.securedeploy.engine.report.GateRun;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomSummary;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The gate on the controller, from bytes read on the agent: parses policy (null = secure defaults) and baseline
 * (null = none; unreadable = ERROR reason) keeping their workspace names in every message, loads the build's SBOMs
 * only when a deny-list needs them, and hands everything to the engine's {@link GateRun#decide}, which merges with
 * the admin floor, evaluates and writes the report folder to {@code reportDir}. Jenkins-free.
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
        Policy project = in.policy() == null ? Policy.DEFAULT : new PolicyReader().read(in.policy(), in.policyName());
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
        boolean denyLists = !project.sbom().union(in.floor().rules().sbom()).isEmpty();
        GateRun.Outcome outcome = new GateRun(clock).decide(new GateRun.Inputs(project, in.floor(), baseline,
                inputProblems, in.results(), in.facts(), null, in.evidence(),
                denyLists ? in.sboms().load() : List.of()), reportDir);
        return new Outcome(outcome.decision(), outcome.report());
    }
}
