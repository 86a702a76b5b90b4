package io.jenkins.plugins.securedeploy.jenkins.approval;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Cause;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.scm.ChangeLogSet;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import jenkins.scm.RunWithSCM;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.GeneralNonBlockingStepExecution;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * A durable, non-blocking wait (the lesson of {@code InputStepExecution} and {@code TimeoutStepExecution}): opening
 * the request (hashing the artifact, reading the gate report) runs on a background thread; then the execution holds
 * only the request id, the ledger lives on the build's {@link ApprovalAction}, and no thread or executor waits. A
 * vote that decides resumes it through {@link #resume}; a timer expires it at the deadline (a rejection), and is
 * set again after a controller restart ({@link #onResume}), which also picks up a decision made meanwhile.
 */
class RequireApprovalExecution extends GeneralNonBlockingStepExecution {
    private static final long serialVersionUID = 1L;
    /** Where securityGate archives its report. */
    static final String GATE_REPORT = ArtifactEvidenceStore.ARCHIVE_FOLDER + "/gate/gate-report.json";

    private final ApprovalAsk ask;
    private volatile String requestId;
    private volatile boolean done;
    private transient volatile ScheduledFuture<?> timer;

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
                    triggeredBy(run), commitAuthors(run));
            ledger = action.open(request, ask.artifact.isEmpty() ? "artifact" : ask.artifact);
        } catch (SecureDeployException | IllegalArgumentException e) {
            throw new AbortException("requireApproval(" + ask.id + "): " + e.getMessage());
        }
        requestId = id;
        ListenerConsole console = new ListenerConsole(listener);
        console.info("waiting for approval " + id + " (" + rule.describe() + "): "
                + new JenkinsFacade().getRootUrl().orElse("/") + run.getUrl() + ApprovalAction.URL);
        rule.relaxations().forEach(r -> console.info("relaxed: " + r));
        schedule(ledger.deadline());
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

    /** Authors of the build's changes (user ids), who may not approve under separation of duties. */
    private static List<String> commitAuthors(Run<?, ?> run) {
        List<String> out = new ArrayList<>();
        if (run instanceof RunWithSCM<?, ?> scm) {
            for (ChangeLogSet<? extends ChangeLogSet.Entry> set : scm.getChangeSets()) {
                for (ChangeLogSet.Entry e : set) {
                    out.add(e.getAuthor().getId());
                }
            }
        }
        return out;
    }

    private void schedule(Instant deadline) {
        long delay = Math.max(0, Duration.between(Instant.now(), deadline).toMillis()) + 1000;
        timer = Timer.get().schedule(this::expire, delay, TimeUnit.MILLISECONDS);
    }

    private void expire() {
        try {
            Run<?, ?> run = getContext().get(Run.class);
            ApprovalAction action = ApprovalAction.on(run);
            Optional<ApprovalLedger> decided = action.expireIfDue(requestId);
            Optional<ApprovalLedger> current = decided.isPresent() ? decided : action.ledger(requestId);
            if (current.isPresent() && current.get().status().isFinal()) {
                finish(current.get());
            } else if (current.isPresent()) {
                schedule(current.get().deadline());
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            getContext().onFailure(e); // fail closed: an approval whose state cannot be read is not approved
        }
    }

    /** Called by the action when a vote decided request {@code id}: finds the waiting execution and ends it. */
    static void resume(String id, ApprovalLedger ledger) {
        StepExecution.applyAll(RequireApprovalExecution.class, e -> {
            if (id.equals(e.requestId)) {
                e.finish(ledger);
            }
            return null;
        });
    }

    /** Ends the step once: APPROVED returns the decision, REJECTED or EXPIRED fails the build with the reason. */
    private synchronized void finish(ApprovalLedger ledger) {
        if (done) {
            return;
        }
        done = true;
        ScheduledFuture<?> t = timer;
        if (t != null) {
            t.cancel(false);
        }
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

    /** An aborted build: the request stays on the page as it was, the step ends with the abort. */
    @Override
    public void stop(Throwable cause) throws Exception {
        synchronized (this) {
            done = true;
        }
        ScheduledFuture<?> t = timer;
        if (t != null) {
            t.cancel(false);
        }
        super.stop(cause);
    }

    @Override
    public void onResume() {
        super.onResume();
        if (requestId != null && !done) {
            Timer.get().submit(this::expire); // re-arms the timer, or ends a request decided while we were down
        }
    }

    @Override
    public String getStatus() {
        return requestId == null ? "opening the approval request" : "waiting for approval " + requestId;
    }
}
