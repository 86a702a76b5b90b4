package io.jenkins.plugins.securedeploy.jenkins.sbom;

import hudson.AbortException;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.securedeploy.engine.host.EvidenceRef;
import io.jenkins.plugins.securedeploy.jenkins.facade.JenkinsFacade;
import io.jenkins.plugins.securedeploy.jenkins.host.AgentWorkspace;
import io.jenkins.plugins.securedeploy.jenkins.host.ArtifactEvidenceStore;
import io.jenkins.plugins.securedeploy.jenkins.host.ListenerConsole;
import io.jenkins.plugins.securedeploy.jenkins.host.StepResultHandler;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Generates or ingests the SBOM on the agent ({@link SbomTask}), archives and fingerprints it through
 * {@link ArtifactEvidenceStore} under {@code secure-deploy/sbom/}, and records an {@link SbomAction}. An invalid
 * SBOM or unreadable lockfile fails the step with every problem (never recorded as evidence). Returns the digest.
 */
class RecordSbomExecution extends SynchronousNonBlockingStepExecution<String> {
    private static final long serialVersionUID = 1L;
    static final String MEDIA_TYPE = "application/json";

    private final transient RecordSbomStep step;

    RecordSbomExecution(StepContext context, RecordSbomStep step) {
        super(context);
        this.step = step;
    }

    @Override
    protected String run() throws Exception {
        Run<?, ?> run = getContext().get(Run.class);
        TaskListener listener = getContext().get(TaskListener.class);
        FilePath workspace = getContext().get(FilePath.class);
        Launcher launcher = getContext().get(Launcher.class);
        boolean generate = !step.getLockfiles().isEmpty();
        if (generate == !step.getIngest().isEmpty()) {
            throw new AbortException("recordSbom needs either lockfiles: [...] (generate) or ingest: 'file' "
                    + "(validate an existing SBOM), not both or neither");
        }
        if (!SbomChecks.validSpec(step.getSpec())) {
            throw new AbortException("recordSbom spec must be one of " + SbomChecks.specChoices());
        }
        SbomOutcome outcome = new AgentWorkspace(workspace).act(new SbomTask(step.getLockfiles(),
                step.getArtifacts(), step.getIngest(), step.getSpec(), run.getParent().getFullName()));
        if (!outcome.problems.isEmpty()) {
            throw new StepResultHandler(run, getContext().get(FlowNode.class)).fail(Result.FAILURE,
                    "SBOM " + outcome.fileName + " refused: " + outcome.problems.size() + " problem(s)",
                    String.join("\n", outcome.problems));
        }
        ArtifactEvidenceStore store = new ArtifactEvidenceStore(run, workspace, launcher, listener,
                new JenkinsFacade());
        EvidenceRef ref = store.store("sbom/" + outcome.fileName, MEDIA_TYPE, outcome.content);
        run.addAction(new SbomAction(ref.name(), outcome.format, outcome.specVersion, outcome.serialNumber,
                outcome.sha256, outcome.components));
        run.save();
        new ListenerConsole(listener).info("SBOM " + ref.name() + " (" + outcome.format + " " + outcome.specVersion
                + ", " + outcome.components + " components, " + outcome.sha256 + ") archived and fingerprinted");
        return outcome.sha256;
    }
}
