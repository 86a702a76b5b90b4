package io.jenkins.plugins.securedeploy.jenkins.deploy;

import hudson.AbortException;
import hudson.model.Result;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalLedger;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.SecureDeployException;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentOutcome;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentState;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentStateReader;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentStateWriter;
import io.jenkins.plugins.securedeploy.engine.deploy.PhaseResult;
import io.jenkins.plugins.securedeploy.jenkins.approval.ApprovalAction;
import io.jenkins.plugins.securedeploy.jenkins.approval.ApprovalWaitExecution;
import io.jenkins.plugins.securedeploy.jenkins.facade.JenkinsFacade;
import io.jenkins.plugins.securedeploy.jenkins.host.ArtifactEvidenceStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * A deployment as a durable, non-blocking step execution: the first leg (on a background thread) runs the engine's
 * phase machine through verify and gate; when the environment's approval rule makes the approve phase wait, the
 * execution keeps the engine's secret-free state (its JSON), the names of the gate files it archived and what the
 * policy files hashed to, asks for the approval on the build's "Approvals" page ({@link ApprovalWaitExecution}: vote
 * POST, deadline timer, restart) and holds no thread. Once decided, the second leg rebuilds the host from the step's
 * {@link DeployAsk} and lets the engine go on from the saved state (credentials, deploy, revoke, attest, record on
 * approval; straight to record on a rejection or the timeout, with nothing issued). A controller restart while a leg
 * runs fails the step: the credentials, if issued, expire on their own.
 */
class SecureDeployExecution extends ApprovalWaitExecution {
    private static final long serialVersionUID = 1L;
    /** The per-job deployment log: hash-chained, checkpoints signed with the evidence key. */
    static final String DEPLOYMENT_LOG = DeploymentHost.DEPLOYMENT_LOG;

    private final DeployAsk ask;
    /** The deployment while it waits for its approval: the engine's {@link DeploymentStateWriter} JSON. */
    private volatile String state = "";
    private volatile String inputs = "";
    private volatile ArrayList<String> gateFiles = new ArrayList<>();
    /** Approval decided, second leg not started yet: after a restart it is started again. */
    private volatile boolean approvalDecided;
    /** The second leg runs (credentials may be issued): after a restart the step fails closed. */
    private volatile boolean deploying;

    SecureDeployExecution(StepContext context, SecureDeployStep step) {
        super(context);
        this.ask = new DeployAsk(step);
    }

    @Override
    public boolean start() {
        run(this::begin);
        return false;
    }

    private void begin() throws Exception {
        DeploymentHost host = DeploymentHost.of(getContext(), ask);
        leg(host, () -> {
            host.readInputs();
            inputs = host.inputs();
            return host.run(null, host.newId(), List.of());
        });
    }

    /** Goes on with the deployment on a Timer thread (as SYSTEM, as the deadline does; never as the voter). */
    @Override
    protected void decided(ApprovalLedger ledger) {
        approvalDecided = true;
        getContext().saveState();
        Timer.get().submit(() -> run(this::proceed));
    }

    private void proceed() throws Exception {
        DeploymentHost host = DeploymentHost.of(getContext(), ask);
        leg(host, () -> {
            DeploymentState waiting = new DeploymentStateReader().read(state.getBytes(StandardCharsets.UTF_8),
                    "the saved secureDeploy state");
            host.readInputs();
            if (!host.inputs().equals(inputs)) {
                throw host.result.fail(Result.FAILURE, "secureDeploy FAILED: the policy changed in the workspace "
                        + "while the deployment to " + waiting.environment() + " waited for approval "
                        + waiting.approvalId() + "; nothing was deployed, no credentials were issued", "before: "
                        + inputs + "\nnow: " + host.inputs());
            }
            deploying = true;
            getContext().saveState();
            return host.run(waiting, waiting.id(), List.copyOf(gateFiles));
        });
    }

    /** Runs one leg: the deployment ends (the step with it) or waits for its approval. */
    private void leg(DeploymentHost host, Callable<DeploymentHost.Leg> engine) throws Exception {
        DeploymentHost.Leg leg;
        try {
            leg = engine.call();
        } catch (InvalidInputException e) {
            List<String> problems = e.problems().stream().map(Problem::describe).toList();
            problems.forEach(host.console::error);
            throw host.result.fail(Result.FAILURE, "secureDeploy ERROR: invalid input", String.join("\n", problems));
        } catch (SecureDeployException e) {
            throw host.result.fail(Result.FAILURE, "secureDeploy ERROR", e.getMessage());
        }
        DeploymentState end = leg.state();
        for (PhaseResult r : end.results()) {
            host.console.info("  " + r.describe());
        }
        if (!end.isDone() && !end.waiting().isEmpty()) {
            ApprovalLedger ledger = host.waitingFor(end);
            state = new String(new DeploymentStateWriter().write(end), StandardCharsets.UTF_8);
            gateFiles = new ArrayList<>(leg.gateFiles());
            approvalDecided = false;
            deploying = false;
            host.console.info("waiting for approval " + ledger.id() + " (" + ledger.request().rule().describe()
                    + ") before deploying " + end.artifactName() + " " + end.artifactSha256() + " to "
                    + end.environment() + ": " + new JenkinsFacade().getRootUrl().orElse("/") + host.run.getUrl()
                    + ApprovalAction.URL);
            await(ledger.id(), ledger.deadline());
            return;
        }
        getContext().onSuccess(report(end, host));
    }

    private static Map<String, Object> report(DeploymentState end, DeploymentHost host) throws AbortException {
        DeploymentOutcome outcome = DeploymentOutcome.of(end);
        if (!outcome.succeeded()) {
            throw host.result.fail(Result.FAILURE, outcome.reason(), String.join("\n",
                    end.results().stream().map(PhaseResult::describe).toList()));
        }
        host.console.info(outcome.reason());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", end.id());
        out.put("status", outcome.status().name());
        out.put("environment", end.environment());
        out.put("artifact", end.artifactName());
        out.put("digest", end.artifactSha256());
        out.put("evidence", ArtifactEvidenceStore.ARCHIVE_FOLDER + "/deployments/" + end.id());
        return out;
    }

    /**
     * After a controller restart: a deployment that was deploying fails closed (its credential session is gone with
     * the old process); one whose approval was decided but whose second leg had not started starts it now; one that
     * waits re-arms its deadline, or picks up a decision made while the controller was down.
     */
    @Override
    public void onResume() {
        if (deploying) {
            getContext().onFailure(new AbortException("secureDeploy: the controller restarted while the approved "
                    + "deployment was running; it stops here (credentials issued, if any, expire on their own; the "
                    + "job's deployment log shows how far it got)"));
        } else if (approvalDecided) {
            Timer.get().submit(() -> run(this::proceed));
        } else {
            super.onResume();
        }
    }

    @Override
    public String getStatus() {
        return deploying ? "deploying after the approval" : awaited() == null ? "verifying and gating"
                : super.getStatus();
    }
}
