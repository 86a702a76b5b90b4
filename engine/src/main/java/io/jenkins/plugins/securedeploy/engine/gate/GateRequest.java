package io.jenkins.plugins.securedeploy.engine.gate;

import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.host.WorkspacePaths;
import io.jenkins.plugins.securedeploy.engine.policy.EvidenceFacts;
import io.jenkins.plugins.securedeploy.engine.policy.GateOverride;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyFloor;
import io.jenkins.plugins.securedeploy.engine.policy.rules.RuleContext;
import io.jenkins.plugins.securedeploy.engine.report.EvidenceEntry;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomSummary;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.scan.registry.ReportSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one gate decides on, as already-read values (no paths a host must write first):
 *
 * @param policy the project policy ({@code .secure-deploy.yml}, YAML or JSON); null = the secure defaults
 * @param floor the administrator's minimum as a value ({@link io.jenkins.plugins.securedeploy.engine.policy.FloorSettings})
 * @param baseline {@code baseline.json} of an earlier run, streamed (any size: a large one is indexed on disk while
 *     the gate runs); null = none (every finding is new); unreadable or garbled = an ERROR reason naming it
 * @param results scan results the host already holds (recorded by a scan step, run by the deploy flow)
 * @param reports report bytes to ingest (detected, or named by format); unreadable ones are ERROR results
 * @param sboms the build's validated SBOMs: SBOM evidence, and checked against the policy's deny-lists
 * @param facts verification results (signatures, provenance) and the approvals fact
 * @param override an accepted break-glass override, or null
 * @param evidence further entries the report lists (e.g. the artifacts and their digests)
 * @param ruleContext environment, artifact and verifications for policy rules
 * @param folder the folder in the {@link io.jenkins.plugins.securedeploy.engine.host.EvidenceStore} the report
 *     files go to ({@value #DEFAULT_FOLDER} by default; "" = the store's root)
 * @param inputProblems optional inputs the host could not read (a baseline it was refused): each is an ERROR reason
 */
public record GateRequest(NamedBytes policy, PolicyFloor floor, ReportSource baseline, List<ScanResult> results,
        List<ReportSource> reports, List<SbomSummary> sboms, EvidenceFacts facts, GateOverride override,
        List<EvidenceEntry> evidence, RuleContext ruleContext, String folder, List<Problem> inputProblems) {
    public static final String DEFAULT_FOLDER = "gate";

    public GateRequest {
        floor = floor == null ? PolicyFloor.NONE : floor;
        results = results == null ? List.of() : List.copyOf(results);
        reports = reports == null ? List.of() : List.copyOf(reports);
        sboms = sboms == null ? List.of() : List.copyOf(sboms);
        facts = facts == null ? EvidenceFacts.NONE : facts;
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        ruleContext = ruleContext == null ? RuleContext.NONE : ruleContext;
        inputProblems = inputProblems == null ? List.of() : List.copyOf(inputProblems);
        folder = folder == null ? DEFAULT_FOLDER : folder.isEmpty() ? "" : WorkspacePaths.normalize(folder);
    }

    /** Scan results under the secure defaults, nothing else. */
    public static GateRequest of(List<ScanResult> results) {
        return new GateRequest(null, null, null, results, null, null, null, null, null, null, null, null);
    }

    public GateRequest withPolicy(NamedBytes value) {
        return new GateRequest(value, floor, baseline, results, reports, sboms, facts, override, evidence,
                ruleContext, folder, inputProblems);
    }

    public GateRequest withFloor(PolicyFloor value) {
        return new GateRequest(policy, value, baseline, results, reports, sboms, facts, override, evidence,
                ruleContext, folder, inputProblems);
    }

    /** A baseline the host already holds. */
    public GateRequest withBaseline(NamedBytes value) {
        return withBaseline(value == null ? null : ReportSource.ofBytes(value.name(), null, value.content()));
    }

    /** A baseline streamed from where it lies (a local file, a workspace on an agent). */
    public GateRequest withBaseline(ReportSource value) {
        return new GateRequest(policy, floor, value, results, reports, sboms, facts, override, evidence,
                ruleContext, folder, inputProblems);
    }

    public GateRequest withResults(List<ScanResult> value) {
        return new GateRequest(policy, floor, baseline, value, reports, sboms, facts, override, evidence,
                ruleContext, folder, inputProblems);
    }

    /** Adds results to those already in the request. */
    public GateRequest plusResults(List<ScanResult> more) {
        List<ScanResult> all = new ArrayList<>(results);
        all.addAll(more);
        return withResults(all);
    }

    public GateRequest withReports(List<ReportSource> value) {
        return new GateRequest(policy, floor, baseline, results, value, sboms, facts, override, evidence,
                ruleContext, folder, inputProblems);
    }

    public GateRequest withSboms(List<SbomSummary> value) {
        return new GateRequest(policy, floor, baseline, results, reports, value, facts, override, evidence,
                ruleContext, folder, inputProblems);
    }

    public GateRequest withFacts(EvidenceFacts value) {
        return new GateRequest(policy, floor, baseline, results, reports, sboms, value, override, evidence,
                ruleContext, folder, inputProblems);
    }

    public GateRequest withOverride(GateOverride value) {
        return new GateRequest(policy, floor, baseline, results, reports, sboms, facts, value, evidence,
                ruleContext, folder, inputProblems);
    }

    public GateRequest withEvidence(List<EvidenceEntry> value) {
        return new GateRequest(policy, floor, baseline, results, reports, sboms, facts, override, value,
                ruleContext, folder, inputProblems);
    }

    public GateRequest withRuleContext(RuleContext value) {
        return new GateRequest(policy, floor, baseline, results, reports, sboms, facts, override, evidence, value,
                folder, inputProblems);
    }

    public GateRequest withInputProblems(List<Problem> value) {
        return new GateRequest(policy, floor, baseline, results, reports, sboms, facts, override, evidence,
                ruleContext, folder, value);
    }

    public GateRequest withFolder(String value) {
        return new GateRequest(policy, floor, baseline, results, reports, sboms, facts, override, evidence,
                ruleContext, value, inputProblems);
    }
}
