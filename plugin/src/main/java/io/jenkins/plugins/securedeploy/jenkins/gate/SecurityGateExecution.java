package io.jenkins.plugins.securedeploy.jenkins.gate;

import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.SecureDeployException;
import io.jenkins.plugins.securedeploy.engine.gate.DecisionPresenter;
import io.jenkins.plugins.securedeploy.engine.gate.ExitCode;
import io.jenkins.plugins.securedeploy.engine.gate.GateOutcome;
import io.jenkins.plugins.securedeploy.engine.gate.GateRequest;
import io.jenkins.plugins.securedeploy.engine.gate.GateService;
import io.jenkins.plugins.securedeploy.engine.gate.NamedBytes;
import io.jenkins.plugins.securedeploy.engine.policy.GateDecision;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyFloor;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.scan.registry.ReportSource;
import io.jenkins.plugins.securedeploy.jenkins.facade.GlobalConfigurationFacade;
import io.jenkins.plugins.securedeploy.jenkins.facade.JenkinsFacade;
import io.jenkins.plugins.securedeploy.jenkins.host.AgentWorkspace;
import io.jenkins.plugins.securedeploy.jenkins.host.ArtifactEvidenceStore;
import io.jenkins.plugins.securedeploy.jenkins.host.ListenerConsole;
import io.jenkins.plugins.securedeploy.jenkins.host.ReadFilesTask;
import io.jenkins.plugins.securedeploy.jenkins.host.StepResultHandler;
import io.jenkins.plugins.securedeploy.jenkins.host.WorkspaceReports;
import io.jenkins.plugins.securedeploy.jenkins.report.GateReportAction;
import io.jenkins.plugins.securedeploy.jenkins.report.GateReportView;
import io.jenkins.plugins.securedeploy.jenkins.sbom.ArchivedSboms;
import io.jenkins.plugins.securedeploy.jenkins.scan.ScanResultsAction;
import java.time.Clock;
import java.util.List;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Reads the policy on the agent and streams the baseline from it (a baseline of any size: the engine indexes a large
 * one on disk while it gates), hands them with the run's recorded scan results, SBOM evidence and the
 * admin floor (as values) to the engine's {@link GateService}, which decides and stores the report under
 * {@code secure-deploy/gate/} through the {@link ArtifactEvidenceStore}; attaches the {@link GateReportAction}, and
 * fails the run (FAILURE + WarningAction + the engine's {@link DecisionPresenter} lines) unless {@link ExitCode} is
 * PASSED. An invalid or weaker-than-floor policy fails the same way, with every problem.
 */
class SecurityGateExecution extends SynchronousNonBlockingStepExecution<String> {
    private static final long serialVersionUID = 1L;
    static final String REPORT_FOLDER = "gate";
    /** Larger policy files are refused (the engine readers have their own limits too); the baseline is streamed. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private final transient SecurityGateStep step;

    SecurityGateExecution(StepContext context, SecurityGateStep step) {
        super(context);
        this.step = step;
    }

    @Override
    protected String run() throws Exception {
        Run<?, ?> run = getContext().get(Run.class);
        TaskListener listener = getContext().get(TaskListener.class);
        FilePath workspace = getContext().get(FilePath.class);
        ListenerConsole console = new ListenerConsole(listener);
        StepResultHandler result = new StepResultHandler(run, getContext().get(FlowNode.class));

        ReadFilesTask.Files files = new AgentWorkspace(workspace).act(new ReadFilesTask(List.of(),
                List.of(step.getPolicy()), "", MAX_BYTES, List.of(step.getBaseline())));
        if (!files.refused().isEmpty()) {
            throw result.fail(Result.FAILURE, "Security gate ERROR: input refused", String.join("\n",
                    files.refusals()));
        }
        byte[] policy = files.content(step.getPolicy());
        ReportSource baseline = files.present(step.getBaseline())
                ? WorkspaceReports.source(workspace, step.getBaseline()) : null;
        if (policy == null && !SecurityGateStep.DEFAULT_POLICY.equals(step.getPolicy())) {
            throw result.fail(Result.FAILURE, "Security gate ERROR: policy " + step.getPolicy() + " does not exist",
                    "");
        }
        if (policy == null) {
            console.info("no " + SecurityGateStep.DEFAULT_POLICY + " in the workspace: secure defaults + admin floor");
        }
        if (baseline == null && !step.getBaseline().isEmpty()) {
            console.info("baseline " + step.getBaseline() + " does not exist yet: every finding counts as new");
        }
        ScanResultsAction scans = run.getAction(ScanResultsAction.class);
        List<ScanResult> results = scans == null ? List.of() : scans.results();
        ArtifactEvidenceStore store = new ArtifactEvidenceStore(run, workspace, getContext().get(Launcher.class),
                listener, new JenkinsFacade());
        GateOutcome outcome;
        try {
            // the admin's waiver text is read here too: invalid text fails the gate like an invalid policy
            PolicyFloor floor = new GlobalConfigurationFacade().getConfiguration().toFloorValues().toFloorSettings()
                    .toFloor();
            GateRequest request = GateRequest.of(results)
                    .withPolicy(policy == null ? null : new NamedBytes(step.getPolicy(), policy))
                    .withBaseline(baseline)
                    .withFloor(floor)
                    .withSboms(ArchivedSboms.of(run))
                    .withFolder(REPORT_FOLDER);
            outcome = new GateService(Clock.systemUTC()).decide(request, store);
        } catch (InvalidInputException e) {
            List<String> problems = e.problems().stream().map(Problem::describe).toList();
            problems.forEach(console::error);
            throw result.fail(Result.FAILURE, "Security gate ERROR: the policy is invalid or weaker than the "
                    + "admin floor", String.join("\n", problems));
        } catch (SecureDeployException e) {
            throw result.fail(Result.FAILURE, "Security gate ERROR", e.getMessage());
        }
        run.addOrReplaceAction(new GateReportAction(GateReportView.of(outcome.report(),
                ArtifactEvidenceStore.ARCHIVE_FOLDER + "/" + REPORT_FOLDER)));
        run.save();
        GateDecision decision = outcome.decision();
        String verdict = decision.verdict().name();
        console.info("gate " + verdict + ": " + decision.headline());
        // the engine's one presentation: each reason with the top findings it counted, notes, what to do next
        List<String> lines = DecisionPresenter.lines(decision);
        lines.forEach(console::error);
        if (outcome.exitCode() != ExitCode.PASSED) {
            throw result.fail(Result.FAILURE, "Security gate " + verdict + ": " + decision.headline(),
                    String.join("\n", lines));
        }
        return verdict;
    }
}
