package io.jenkins.plugins.securedeploy.jenkins.approval;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Cause;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalDecision;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalLedger;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalRequest;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalRule;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalService;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalVote;
import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import io.jenkins.plugins.securedeploy.engine.core.SecureDeployException;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.jenkins.config.ApprovalRuleConfig;
import io.jenkins.plugins.securedeploy.jenkins.facade.GlobalConfigurationFacade;
import io.jenkins.plugins.securedeploy.jenkins.facade.JenkinsFacade;
import io.jenkins.plugins.securedeploy.jenkins.host.AgentWorkspace;
import io.jenkins.plugins.securedeploy.jenkins.host.ArtifactEvidenceStore;
import io.jenkins.plugins.securedeploy.jenkins.host.HashFilesTask;
import io.jenkins.plugins.securedeploy.jenkins.host.ListenerConsole;
import io.jenkins.plugins.securedeploy.jenkins.host.StepResultHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * A durable, non-blocking wait (the lesson of {@code InputStepExecution} and {@code TimeoutStepExecution}): opening
 * the request (hashing the artifact, reading the gate report) runs on a background thread; then the execution holds
 * only the request id, the ledger lives on the build's {@link ApprovalAction}, and no thread or executor waits
 * ({@link ApprovalWaitExecution}: a vote that decides ends the wait, a timer expires it at the deadline, a rejection,
 * and is set again after a controller restart, which also picks up a decision made meanwhile).
 */
class RequireApprovalExecution extends ApprovalWaitExecution {
    private static final long serialVersionUID = 1L;
    /** Where securityGate archives its report. */
    static final String GATE_REPORT = ArtifactEvidenceStore.ARCHIVE_FOLDER + "/gate/gate-report.json";

    private final ApprovalAsk ask;

    RequireApprovalExecution(StepContext context, ApprovalAsk ask) {
        super(context);
        this.ask = ask;
    }

    @Override
    public boolean start() {
        run(this::open);
        return false;
    }

    private void open() throws Exception {
        Run<?, ?> run = getContext().get(Run.class);
        TaskListener listener = getContext().get(TaskListener.class);
        ApprovalRule rule = rule();
        DigestSet artifact = DigestSet.of(digest());
        ApprovalAction action = ApprovalAction.on(run);
        String id = action.uniqueId(ApprovalRequest.idFor(run.getExternalizableId(), ask.id));
        ApprovalLedger ledger;
        try {
            ApprovalRequest request = new ApprovalRequest(id, rule, ApprovalService.shown(artifact, gateReport(run)),
                    triggeredBy(run), RunApprovalStore.commitAuthors(run));
            ledger = action.open(request, ask.artifact.isEmpty() ? "artifact" : ask.artifact);
        } catch (SecureDeployException | IllegalArgumentException e) {
            throw new AbortException("requireApproval(" + ask.id + "): " + e.getMessage());
        }
        ListenerConsole console = new ListenerConsole(listener);
        console.info("waiting for approval " + id + " (" + rule.describe() + "): "
                + new JenkinsFacade().getRootUrl().orElse("/") + run.getUrl() + ApprovalAction.URL);
        rule.relaxations().forEach(r -> console.info("relaxed: " + r));
        await(id, ledger.deadline());
    }

    private ApprovalRule rule() throws AbortException {
        try {
            if (!ask.rule.isEmpty()) {
                return new GlobalConfigurationFacade().getApprovals().rule(ask.rule).map(ApprovalRuleConfig::toRule)
                        .orElseThrow(() -> new AbortException("requireApproval: no approval rule named " + ask.rule
                                + " (Manage Jenkins » Security » Secure Deploy approvals)"));
            }
            if (ask.approvers.isEmpty()) {
                throw new AbortException("requireApproval needs rule: 'name' or approvers: [...]");
            }
            return ask.inlineRule();
        } catch (IllegalArgumentException e) {
            throw new AbortException("requireApproval: " + e.getMessage());
        }
    }

    private Digest digest() throws Exception {
        try {
            if (!ask.digest.isEmpty()) {
                return Digest.parse(ask.digest);
            }
        } catch (IllegalArgumentException e) {
            throw new AbortException("requireApproval: digest must be sha256:<64 hex digits>");
        }
        FilePath workspace = getContext().get(FilePath.class);
        if (ask.artifact.isEmpty() || workspace == null) {
            throw new AbortException("requireApproval needs artifact: 'path' inside node { }, or digest: 'sha256:...'");
        }
        try {
            LinkedHashMap<String, String> hashed = new AgentWorkspace(workspace).act(
                    new HashFilesTask(List.of(ask.artifact), "requireApproval artifact"));
            if (hashed.size() != 1) {
                throw new AbortException("requireApproval: artifact must name exactly one file, " + ask.artifact
                        + " matches " + hashed.size());
            }
            return Digest.parse(hashed.values().iterator().next());
        } catch (SecureDeployException e) {
            throw new AbortException("requireApproval: " + e.getMessage());
        }
    }

    private static EvidenceFile gateReport(Run<?, ?> run) throws AbortException {
        try (InputStream in = run.getArtifactManager().root().child(GATE_REPORT).open()) {
            return new EvidenceFile(GATE_REPORT, in.readAllBytes());
        } catch (IOException e) {
            throw new AbortException("requireApproval: approvers vote on the gate decision, and this build has none ("
                    + GATE_REPORT + "); run securityGate first");
        }
    }

    private static String triggeredBy(Run<?, ?> run) {
        Cause.UserIdCause cause = run.getCause(Cause.UserIdCause.class);
        return cause == null || cause.getUserId() == null ? "" : cause.getUserId();
    }

    /** Ends the step: APPROVED returns the decision, REJECTED or EXPIRED fails the build with the reason. */
    @Override
    protected void decided(ApprovalLedger ledger) {
        ApprovalDecision d = ledger.decision().orElseThrow();
        if (d.isApproved()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", ledger.id());
            out.put("status", d.decision().name());
            out.put("approvers", d.votes().stream().map(ApprovalVote::approver).toList());
            out.put("digest", d.shown().artifactDigest().sha256().toString());
            getContext().onSuccess(out);
            return;
        }
        try {
            Run<?, ?> run = getContext().get(Run.class);
            getContext().onFailure(new StepResultHandler(run, getContext().get(FlowNode.class)).fail(Result.FAILURE,
                    "Approval " + ledger.id() + " " + d.headline(), "deployment is not approved"));
        } catch (IOException | InterruptedException e) {
            getContext().onFailure(new AbortException("Approval " + ledger.id() + " " + d.headline()));
        }
    }

    @Override
    public String getStatus() {
        return awaited() == null ? "opening the approval request" : super.getStatus();
    }
}
