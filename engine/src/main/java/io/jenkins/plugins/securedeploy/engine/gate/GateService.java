package io.jenkins.plugins.securedeploy.engine.gate;

import io.jenkins.plugins.securedeploy.engine.core.EnvironmentException;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.IoReason;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.host.EvidenceRef;
import io.jenkins.plugins.securedeploy.engine.host.EvidenceStore;
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
import io.jenkins.plugins.securedeploy.engine.policy.rules.PolicyRules;
import io.jenkins.plugins.securedeploy.engine.policy.rules.RuleInput;
import io.jenkins.plugins.securedeploy.engine.policy.rules.RuleInputs;
import io.jenkins.plugins.securedeploy.engine.report.GateReport;
import io.jenkins.plugins.securedeploy.engine.report.HtmlReportWriter;
import io.jenkins.plugins.securedeploy.engine.report.ReportFile;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.scan.registry.ReportInputs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The gate, as the one service every host calls (the CLI's {@code gate}, {@code demo} and {@code deploy}, the
 * Jenkins {@code securityGate} step, the deployment flow): reads the policy (a weaker-than-floor policy is an
 * {@link InvalidInputException} listing every problem), the baseline (unreadable = an ERROR reason) and the report
 * bytes; merges with the admin floor; checks SBOM components against the deny-lists and the policy rules against
 * every finding; evaluates; and stores the report ({@value #INDEX}, {@value #JSON}, its assets) and the next
 * {@value #BASELINE} through the host's {@link EvidenceStore}.
 */
public final class GateService {
    public static final String INDEX = HtmlReportWriter.INDEX;
    public static final String JSON = HtmlReportWriter.JSON;
    public static final String BASELINE = "baseline.json";

    private final Clock clock;
    private final ReportInputs reports;

    public GateService(Clock clock) {
        this(clock, ReportInputs.standard());
    }

    public GateService(Clock clock, ReportInputs reports) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.reports = Objects.requireNonNull(reports, "reports");
    }

    /**
     * Decides and stores the report.
     *
     * @throws InvalidInputException when the policy is invalid or weaker than the floor
     * @throws EnvironmentException when the store refuses a report file
     */
    public GateOutcome decide(GateRequest request, EvidenceStore store) {
        Objects.requireNonNull(store, "store");
        Policy project = request.policy() == null ? Policy.DEFAULT
                : new PolicyReader().read(request.policy().content(), request.policy().name());
        List<Problem> inputProblems = new ArrayList<>(request.inputProblems());
        Baseline baseline = Baseline.NONE;
        if (request.baseline() != null) {
            try {
                baseline = new BaselineReader().read(request.baseline().content(), request.baseline().name());
            } catch (InvalidInputException e) {
                inputProblems.addAll(e.problems());
            }
        }
        List<ScanResult> results = new ArrayList<>(request.results());
        results.addAll(reports.read(request.reports()));
        EvidenceFacts facts = request.sboms().isEmpty() ? request.facts() : request.facts().withSbomPresent(true);

        Policy effective = new PolicyMerger().merge(request.floor(), project, LocalDate.now(clock));
        if (!effective.sbom().isEmpty()) {
            results.add(new ComponentPolicy().check(request.sboms(), effective.sbom()));
        }
        if (!effective.rules().isEmpty()) {
            // policy rules see every other input's findings; their violations are findings like any other
            List<Finding> findings = results.stream().filter(s -> !s.isError()).flatMap(s -> s.findings().stream())
                    .toList();
            RuleInput input = RuleInputs.of(findings, baseline.entries().keySet(), request.sboms(),
                    request.ruleContext(), clock.instant());
            results.add(new PolicyRules().check(effective.rules(), input, project.source()));
        }
        GateDecision decision = new GateEvaluator(clock).evaluate(new GateInput(effective, results, baseline, facts,
                request.override(), inputProblems));
        GateReport report = GateReport.of(decision, results,
                EvidenceEntries.of(request.evidence(), request.sboms(), facts), effective, project.source(),
                clock.instant());
        return new GateOutcome(decision, report, results, store(report, results, request.folder(), store));
    }

    private static List<EvidenceRef> store(GateReport report, List<ScanResult> results, String folder,
            EvidenceStore store) {
        List<ReportFile> files = new ArrayList<>(new HtmlReportWriter().files(report));
        ByteArrayOutputStream next = new ByteArrayOutputStream();
        try {
            new BaselineWriter().write(results.stream().flatMap(s -> s.findings().stream()).toList(), next);
        } catch (IOException e) {
            throw new EnvironmentException("cannot render " + BASELINE + ": " + IoReason.of(e), e);
        }
        files.add(new ReportFile(BASELINE, "application/json", next.toByteArray()));
        List<EvidenceRef> stored = new ArrayList<>();
        for (ReportFile f : files) {
            String name = folder.isEmpty() ? f.name() : folder + "/" + f.name();
            try {
                stored.add(store.store(name, f.mediaType(), f.content()));
            } catch (IOException e) {
                throw new EnvironmentException("cannot store gate report file " + name + ": " + IoReason.of(e), e);
            }
        }
        return List.copyOf(stored);
    }
}
