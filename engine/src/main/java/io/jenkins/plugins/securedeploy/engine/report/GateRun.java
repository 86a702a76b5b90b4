package io.jenkins.plugins.securedeploy.engine.report;

import io.jenkins.plugins.securedeploy.engine.core.EnvironmentException;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.IoReason;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.policy.Baseline;
import io.jenkins.plugins.securedeploy.engine.policy.BaselineReader;
import io.jenkins.plugins.securedeploy.engine.policy.BaselineWriter;
import io.jenkins.plugins.securedeploy.engine.policy.ComponentPolicy;
import io.jenkins.plugins.securedeploy.engine.policy.EvidenceFacts;
import io.jenkins.plugins.securedeploy.engine.policy.GateDecision;
import io.jenkins.plugins.securedeploy.engine.policy.GateEvaluator;
import io.jenkins.plugins.securedeploy.engine.policy.GateInput;
import io.jenkins.plugins.securedeploy.engine.policy.GateOverride;
import io.jenkins.plugins.securedeploy.engine.policy.Policy;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyFloor;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyMerger;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyReader;
import io.jenkins.plugins.securedeploy.engine.policy.rules.PolicyRules;
import io.jenkins.plugins.securedeploy.engine.policy.rules.RuleContext;
import io.jenkins.plugins.securedeploy.engine.policy.rules.RuleInput;
import io.jenkins.plugins.securedeploy.engine.policy.rules.RuleInputs;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomSummary;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The gate as one service for hosts (CLI, Jenkins step): read policy + floor, merge (a weaker project policy is an
 * {@link InvalidInputException}), read the baseline (unreadable = ERROR reason), evaluate, and write the report
 * folder ({@code index.html}, {@code gate-report.json}, assets) plus {@code baseline.json} for the next run.
 */
public final class GateRun {
    private final Clock clock;

    public GateRun(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * What to gate. {@code policy}, {@code floor}, {@code baseline}, {@code override} may be null. {@code sboms} are
     * the build's SBOMs: their components are checked against the policy's {@code sbom} deny-lists.
     */
    public record Request(Path policy, Path floor, Path baseline, List<ScanResult> results, EvidenceFacts facts,
            GateOverride override, List<EvidenceEntry> evidence, Path reportDir, List<SbomSummary> sboms,
            RuleContext ruleContext) {
        /** Without a rule context. */
        public Request(Path policy, Path floor, Path baseline, List<ScanResult> results, EvidenceFacts facts,
                GateOverride override, List<EvidenceEntry> evidence, Path reportDir, List<SbomSummary> sboms) {
            this(policy, floor, baseline, results, facts, override, evidence, reportDir, sboms, RuleContext.NONE);
        }

        public Request {
            ruleContext = ruleContext == null ? RuleContext.NONE : ruleContext;
            results = List.copyOf(results);
            facts = facts == null ? EvidenceFacts.NONE : facts;
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
            Objects.requireNonNull(reportDir, "reportDir");
            sboms = sboms == null ? List.of() : List.copyOf(sboms);
        }

        /** Without SBOMs. */
        public Request(Path policy, Path floor, Path baseline, List<ScanResult> results, EvidenceFacts facts,
                GateOverride override, List<EvidenceEntry> evidence, Path reportDir) {
            this(policy, floor, baseline, results, facts, override, evidence, reportDir, List.of());
        }
    }

    /** The decision, the report model and where its files are. */
    public record Outcome(GateDecision decision, GateReport report, Path index, Path json, Path nextBaseline) {}

    /**
     * Already-read inputs, for hosts that hold file contents rather than local paths (the Jenkins step reads them on
     * the agent). {@code inputProblems} are unreadable optional inputs (e.g. a baseline): they make the gate ERROR.
     */
    public record Inputs(Policy project, PolicyFloor floor, Baseline baseline, List<Problem> inputProblems,
            List<ScanResult> results, EvidenceFacts facts, GateOverride override, List<EvidenceEntry> evidence,
            List<SbomSummary> sboms, RuleContext ruleContext) {
        /** Without a rule context (environment, artifact, verifications, provenance for policy rules). */
        public Inputs(Policy project, PolicyFloor floor, Baseline baseline, List<Problem> inputProblems,
                List<ScanResult> results, EvidenceFacts facts, GateOverride override, List<EvidenceEntry> evidence,
                List<SbomSummary> sboms) {
            this(project, floor, baseline, inputProblems, results, facts, override, evidence, sboms,
                    RuleContext.NONE);
        }

        public Inputs {
            ruleContext = ruleContext == null ? RuleContext.NONE : ruleContext;
            project = project == null ? Policy.DEFAULT : project;
            floor = floor == null ? PolicyFloor.NONE : floor;
            baseline = baseline == null ? Baseline.NONE : baseline;
            inputProblems = inputProblems == null ? List.of() : List.copyOf(inputProblems);
            results = List.copyOf(results);
            facts = facts == null ? EvidenceFacts.NONE : facts;
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
            sboms = sboms == null ? List.of() : List.copyOf(sboms);
        }
    }

    public Outcome run(Request r) {
        PolicyReader reader = new PolicyReader();
        Policy project = r.policy() == null ? Policy.DEFAULT : reader.read(r.policy(), display(r.policy()));
        PolicyFloor floor = r.floor() == null ? PolicyFloor.NONE
                : new PolicyFloor(reader.read(r.floor(), display(r.floor())));
        List<Problem> inputProblems = new ArrayList<>();
        Baseline baseline = Baseline.NONE;
        if (r.baseline() != null) {
            try {
                baseline = new BaselineReader().read(r.baseline(), display(r.baseline()));
            } catch (InvalidInputException e) {
                inputProblems.addAll(e.problems());
            }
        }
        return decide(new Inputs(project, floor, baseline, inputProblems, r.results(), r.facts(), r.override(),
                r.evidence(), r.sboms(), r.ruleContext()), r.reportDir());
    }

    /**
     * Merges policy and floor (a weaker project policy is an {@link InvalidInputException}), checks SBOM components
     * against the deny-lists, evaluates, and writes the report folder plus {@code baseline.json} to {@code reportDir}.
     */
    public Outcome decide(Inputs in, Path reportDir) {
        Policy effective = new PolicyMerger().merge(in.floor(), in.project(), LocalDate.now(clock));
        List<ScanResult> results = new ArrayList<>(in.results());
        if (!effective.sbom().isEmpty()) {
            results.add(new ComponentPolicy().check(in.sboms(), effective.sbom()));
        }
        if (!effective.rules().isEmpty()) {
            // policy rules see every other input's findings; their violations are findings like any other
            List<Finding> findings = results.stream().filter(s -> !s.isError()).flatMap(s -> s.findings().stream())
                    .toList();
            RuleInput input = RuleInputs.of(findings, in.baseline().entries().keySet(), in.sboms(), in.ruleContext(),
                    clock.instant());
            results.add(new PolicyRules().check(effective.rules(), input, in.project().source()));
        }
        GateDecision decision = new GateEvaluator(clock).evaluate(new GateInput(effective, results, in.baseline(),
                in.facts(), in.override(), in.inputProblems()));
        List<EvidenceEntry> evidence = new ArrayList<>(in.evidence());
        if (evidence.isEmpty()) {
            evidence.addAll(fromFacts(in.facts()));
        }
        GateReport report = GateReport.of(decision, results, evidence, in.project().source(), clock.instant());
        try {
            Files.createDirectories(reportDir);
        } catch (IOException e) {
            throw new EnvironmentException("cannot create report directory " + display(reportDir) + ": "
                    + (e instanceof java.nio.file.FileAlreadyExistsException
                            ? "a file with that name is in the way (give a directory)" : IoReason.of(e)), e);
        }
        Path index = new HtmlReportWriter().write(report, reportDir);
        Path next = reportDir.resolve("baseline.json");
        List<Finding> current = results.stream().flatMap(s -> s.findings().stream()).toList();
        new BaselineWriter().write(current, next);
        return new Outcome(decision, report, index, reportDir.resolve("gate-report.json"), next);
    }

    private static List<EvidenceEntry> fromFacts(EvidenceFacts f) {
        return List.of(new EvidenceEntry("sbom", "SBOM", "", f.sbomPresent() ? "present" : "not provided"),
                new EvidenceEntry("signature", "artifact signature", "", status(f.signatures())),
                new EvidenceEntry("provenance", "provenance", "", status(f.provenance())),
                new EvidenceEntry("approvals", "approvals", "", f.approvalsMet() ? "met" : "not provided"));
    }

    private static String status(List<VerificationResult> results) {
        if (results.isEmpty()) {
            return "not provided";
        }
        return results.stream().map(VerificationResult::headline).collect(java.util.stream.Collectors.joining("; "));
    }

    private static String display(Path p) {
        return p.toString().replace('\\', '/');
    }
}
