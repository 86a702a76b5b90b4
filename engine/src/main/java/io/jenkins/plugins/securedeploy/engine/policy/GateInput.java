package io.jenkins.plugins.securedeploy.engine.policy;

import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import java.util.List;
import java.util.Objects;

/**
 * Everything the gate decides on: the effective policy (after {@link PolicyMerger}), the scan results, an optional
 * baseline, the evidence facts, an optional break-glass override, and problems with inputs that could not be read
 * at all (each becomes an ERROR reason).
 */
public record GateInput(Policy policy, List<ScanResult> results, Baseline baseline, EvidenceFacts facts,
        GateOverride override, List<Problem> inputProblems) {
    public GateInput {
        Objects.requireNonNull(policy, "policy");
        results = List.copyOf(results);
        baseline = baseline == null ? Baseline.NONE : baseline;
        facts = facts == null ? EvidenceFacts.NONE : facts;
        inputProblems = inputProblems == null ? List.of() : List.copyOf(inputProblems);
    }

    public static GateInput of(Policy policy, List<ScanResult> results) {
        return new GateInput(policy, results, null, null, null, null);
    }

    public GateInput withBaseline(Baseline value) {
        return new GateInput(policy, results, value, facts, override, inputProblems);
    }

    public GateInput withFacts(EvidenceFacts value) {
        return new GateInput(policy, results, baseline, value, override, inputProblems);
    }

    public GateInput withOverride(GateOverride value) {
        return new GateInput(policy, results, baseline, facts, value, inputProblems);
    }

    public GateInput withInputProblems(List<Problem> value) {
        return new GateInput(policy, results, baseline, facts, override, value);
    }
}
