package io.jenkins.plugins.securedeploy.jenkins.gate;

import hudson.AbortException;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.SecureDeployException;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyFloor;
import io.jenkins.plugins.securedeploy.engine.report.DecisionPresenter;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.jenkins.config.FloorPolicy;
import io.jenkins.plugins.securedeploy.jenkins.facade.GlobalConfigurationFacade;
import io.jenkins.plugins.securedeploy.jenkins.facade.JenkinsFacade;
import io.jenkins.plugins.securedeploy.jenkins.host.AgentWorkspace;
import io.jenkins.plugins.securedeploy.jenkins.host.ArtifactEvidenceStore;
import io.jenkins.plugins.securedeploy.jenkins.host.ListenerConsole;
import io.jenkins.plugins.securedeploy.jenkins.host.StepResultHandler;
import io.jenkins.plugins.securedeploy.jenkins.report.GateReportAction;
import io.jenkins.plugins.securedeploy.jenkins.report.GateReportView;
import io.jenkins.plugins.securedeploy.jenkins.sbom.SbomAction;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomIngest;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomSource;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomSummary;
import io.jenkins.plugins.securedeploy.jenkins.scan.ScanResultsAction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Reads policy and baseline on the agent, runs {@link GatePipeline} on the controller over the run's recorded scan
 * results and SBOM evidence, archives the report folder under {@code secure-deploy/gate/}, attaches the
 * {@link GateReportAction}, and fails the run (FAILURE + WarningAction + the reasons) unless the gate PASSED. An
 * invalid or weaker-than-floor policy fails the same way, with every problem.
 */
class SecurityGateExecution extends SynchronousNonBlockingStepExecution<String> {
    private static final long serialVersionUID = 1L;
    static final String REPORT_FOLDER = "gate";
    private static final List<String> FILES = List.of("index.html", "gate-report.json", "gate-report.js",
            "gate-report.css", "baseline.json");

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

        GateFilesTask.GateFiles files =
                new AgentWorkspace(workspace).act(new GateFilesTask(step.getPolicy(), step.getBaseline()));
        if (!files.refused.isEmpty()) {
            throw result.fail(Result.FAILURE, "Security gate ERROR: input refused", files.refused);
        }
        byte[] policy = files.policy;
        byte[] baseline = files.baseline;
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
        List<SbomAction> sboms = run.getActions(SbomAction.class);
        PolicyFloor floor = FloorPolicy.toPolicyFloor(new GlobalConfigurationFacade().getConfiguration()
                .toFloorValues());

        Path dir = Files.createTempDirectory("secure-deploy-gate");
        try {
            GatePipeline.Outcome outcome;
            try {
                outcome = new GatePipeline(Clock.systemUTC()).run(new GatePipeline.Input(policy, step.getPolicy(),
                        baseline, step.getBaseline(), floor, results, GateEvidence.facts(sboms),
                        GateEvidence.entries(sboms), () -> archivedSboms(run, sboms)), dir);
            } catch (InvalidInputException e) {
                List<String> problems = e.problems().stream().map(Problem::describe).toList();
                problems.forEach(console::error);
                throw result.fail(Result.FAILURE, "Security gate ERROR: the policy is invalid or weaker than the "
                        + "admin floor", String.join("\n", problems));
            } catch (SecureDeployException e) {
                throw result.fail(Result.FAILURE, "Security gate ERROR", e.getMessage());
            }
            archive(run, workspace, listener, dir);
            run.addOrReplaceAction(new GateReportAction(GateReportView.of(outcome.report(),
                    ArtifactEvidenceStore.ARCHIVE_FOLDER + "/" + REPORT_FOLDER)));
            run.save();
            String verdict = outcome.decision().verdict().name();
            console.info("gate " + verdict + ": " + outcome.decision().headline());
            // each reason with the top findings it counted (tool, rule, where), as the report page lists them
            List<String> reasons = DecisionPresenter.reasonLines(outcome.decision());
            reasons.forEach(console::error);
            if (outcome.decision().verdict().blocks()) {
                throw result.fail(Result.FAILURE, "Security gate " + verdict + ": " + outcome.decision().headline(),
                        String.join("\n", reasons));
            }
            return verdict;
        } finally {
            deleteTree(dir);
        }
    }

    /** The SBOMs recordSbom archived in this build, read back from the artifact manager and validated again. */
    private static List<SbomSummary> archivedSboms(Run<?, ?> run, List<SbomAction> sboms) throws IOException {
        List<SbomSummary> out = new ArrayList<>();
        SbomIngest ingest = new SbomIngest();
        for (SbomAction sbom : sboms) {
            try (InputStream in = run.getArtifactManager().root().child(sbom.getArchivePath()).open()) {
                out.add(ingest.ingest(SbomSource.ofBytes(sbom.getArchivePath(), in.readAllBytes())));
            }
        }
        return out;
    }

    private void archive(Run<?, ?> run, FilePath workspace, TaskListener listener, Path dir)
            throws IOException, InterruptedException {
        ArtifactEvidenceStore store = new ArtifactEvidenceStore(run, workspace, getContext().get(Launcher.class),
                listener, new JenkinsFacade());
        for (String name : FILES) {
            Path file = dir.resolve(name);
            if (Files.isRegularFile(file)) {
                store.store(REPORT_FOLDER + "/" + name, mediaType(name), Files.readAllBytes(file));
            }
        }
    }

    private static String mediaType(String name) {
        if (name.endsWith(".html")) {
            return "text/html";
        }
        if (name.endsWith(".js")) {
            return "text/javascript";
        }
        return name.endsWith(".css") ? "text/css" : "application/json";
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
