package io.jenkins.plugins.securedeploy.jenkins.sign;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.securedeploy.engine.host.Workspace;
import io.jenkins.plugins.securedeploy.engine.sign.registry.VerificationService;
import io.jenkins.plugins.securedeploy.engine.sign.registry.VerificationSummary;
import io.jenkins.plugins.securedeploy.engine.sign.registry.WorkspaceVerification;
import io.jenkins.plugins.securedeploy.jenkins.config.VerificationConfiguration;
import io.jenkins.plugins.securedeploy.jenkins.facade.GlobalConfigurationFacade;
import io.jenkins.plugins.securedeploy.jenkins.host.AgentTask;
import io.jenkins.plugins.securedeploy.jenkins.host.AgentWorkspace;
import io.jenkins.plugins.securedeploy.jenkins.host.ListenerConsole;
import io.jenkins.plugins.securedeploy.jenkins.host.StepResultHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Sends the request (options, the admin's trust and allowed relaxations) to the agent, where the engine's
 * {@link WorkspaceVerification} reads the evidence and streams the artifact; records the summary on the run
 * ({@link SignatureVerificationsAction}, exported) and fails the build unless it is VERIFIED.
 */
class VerifySignatureExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;

    private final transient VerifySignatureStep step;

    VerifySignatureExecution(StepContext context, VerifySignatureStep step) {
        super(context);
        this.step = step;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        Run<?, ?> run = getContext().get(Run.class);
        TaskListener listener = getContext().get(TaskListener.class);
        FilePath workspace = getContext().get(FilePath.class);
        if (step.getEvidence().isEmpty()) {
            throw new AbortException("verifySignature needs evidence: 'file in the workspace'");
        }
        VerificationConfiguration config = new GlobalConfigurationFacade().getVerification();
        WorkspaceVerification.Request request = new WorkspaceVerification.Request(step.getEvidence(),
                step.getArtifact(), step.toOptions(), config.allowedRelaxations(), config.trustEntries());
        VerificationSummary summary = new AgentWorkspace(workspace).act(new VerifyTask(request));
        SignatureVerificationsAction.on(run).add(summary);
        run.save();
        ListenerConsole console = new ListenerConsole(listener);
        summary.relaxations().forEach(r -> console.info("relaxed: " + r));
        if (!summary.isVerified()) {
            summary.reasons().forEach(console::error);
            throw new StepResultHandler(run, getContext().get(FlowNode.class)).fail(Result.FAILURE,
                    "Signature " + summary.status() + ": " + summary.headline(), String.join("\n", summary.reasons()));
        }
        console.info(summary.headline());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", summary.status().name());
        out.put("family", summary.family());
        out.put("subject", summary.subject());
        out.put("signers", summary.signers());
        out.put("subjectDigests", summary.subjectDigests());
        out.put("relaxations", summary.relaxations());
        return out;
    }

    /** Runs on the agent: the engine verifies the files where they are and returns a summary (never throws). */
    private static final class VerifyTask implements AgentTask<VerificationSummary> {
        private static final long serialVersionUID = 1L;
        private final WorkspaceVerification.Request request;

        VerifyTask(WorkspaceVerification.Request request) {
            this.request = request;
        }

        @Override
        public VerificationSummary run(Workspace workspace) {
            return new WorkspaceVerification(VerificationService.standard()).verify(workspace, request);
        }
    }
}
