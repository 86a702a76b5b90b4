package io.jenkins.plugins.securedeploy.jenkins.deploy;

import hudson.AbortException;
import hudson.console.ConsoleLogFilter;
import hudson.model.Result;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalLedger;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.SecureDeployException;
import io.jenkins.plugins.securedeploy.engine.credentials.CredentialEnvironment;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentOutcome;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentState;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentStateReader;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentStateWriter;
import io.jenkins.plugins.securedeploy.engine.deploy.HostBody;
import io.jenkins.plugins.securedeploy.engine.deploy.Phase;
import io.jenkins.plugins.securedeploy.engine.deploy.PhaseResult;
import io.jenkins.plugins.securedeploy.jenkins.approval.ApprovalAction;
import io.jenkins.plugins.securedeploy.jenkins.approval.ApprovalWaitExecution;
import io.jenkins.plugins.securedeploy.jenkins.credentials.CredentialsExpander;
import io.jenkins.plugins.securedeploy.jenkins.facade.JenkinsFacade;
import io.jenkins.plugins.securedeploy.jenkins.host.ArtifactEvidenceStore;
import io.jenkins.plugins.securedeploy.jenkins.host.MaskingConsoleLogFilter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
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
    /** The step's block runs with the credentials (secureDeploy); the runner waits for it in memory. */
    private volatile boolean inBody;
    private transient volatile DeploymentHost.Leg atDeploy;
    private transient volatile HostBody hostBody;

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
            return host.run(null, host.newId(), List.of(), body(), stop());
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
            return host.run(waiting, waiting.id(), List.copyOf(gateFiles), body(), stop());
        });
    }

    /** The step's block as the engine's deploy body (secureDeploy), or null: the command is. */
    private HostBody body() {
        hostBody = ask.body ? new HostBody() : null;
        return hostBody;
    }

    /** Where a leg stops: before the deploy phase when the step's block is the body. */
    private Phase stop() {
        return ask.body ? Phase.DEPLOY : Phase.DONE;
    }

    private void leg(DeploymentHost host, Callable<DeploymentHost.Leg> engine) throws Exception {
        leg(host, engine, null);
    }

    /**
     * Runs one leg: the deployment ends (the step with it: with {@code bodyFailure}, the block's own failure, when
     * the block failed or was aborted), waits for its approval, or stops before the deploy phase for the block.
     */
    private void leg(DeploymentHost host, Callable<DeploymentHost.Leg> engine, Throwable bodyFailure)
            throws Exception {
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
        if (ask.body && !end.isDone() && end.phase() == Phase.DEPLOY) {
            startBody(host, leg);
            return;
        }
        if (bodyFailure != null) {
            host.console.error(DeploymentOutcome.of(end).reason());
            getContext().onFailure(bodyFailure);
            return;
        }
        getContext().onSuccess(report(end, host));
    }

    /**
     * Starts the step's block with the credentials of the engine's session in its environment (only there, as
     * credentials-binding does: the values are {@code Secret}s in program.dat) and its log masked with every value
     * issued. The runner stays in memory; {@link AfterBody} lets it run on whatever the block did.
     */
    private void startBody(DeploymentHost host, DeploymentHost.Leg leg) throws Exception {
        atDeploy = leg;
        state = new String(new DeploymentStateWriter().write(leg.state()), StandardCharsets.UTF_8);
        gateFiles = new ArrayList<>(leg.gateFiles()); // for the leg after a restart, when the runner is gone
        inBody = true;
        deploying = false;
        getContext().saveState();
        CredentialEnvironment credentials = leg.runner().credentials().orElse(CredentialEnvironment.empty());
        host.console.info("credentials for the body: " + (credentials.names().isEmpty() ? "none"
                : String.join(", ", credentials.names())));
        getContext().newBodyInvoker()
                .withContext(EnvironmentExpander.merge(getContext().get(EnvironmentExpander.class),
                        new CredentialsExpander(credentials)))
                .withContext(BodyInvoker.mergeConsoleLogFilters(getContext().get(ConsoleLogFilter.class),
                        new MaskingConsoleLogFilter(leg.secrets())))
                .withCallback(new AfterBody())
                .start();
    }

    /**
     * After the block, on success, failure or abort: the deploy phase records how it ended, then revoke, attest and
     * record run. On a Timer thread rather than {@link #run}, which does nothing once the step was stopped: an
     * aborted block must still have its credentials revoked.
     */
    private void afterBody(int exit, Throwable bodyFailure) {
        Timer.get().submit(() -> {
            try {
                DeploymentHost host = DeploymentHost.of(getContext(), ask);
                DeploymentHost.Leg stopped = atDeploy;
                HostBody body = hostBody;
                inBody = false;
                deploying = true;
                getContext().saveState();
                leg(host, () -> {
                    host.readInputs();
                    if (stopped == null || body == null) { // restarted while the block ran: the session is gone
                        DeploymentState saved = new DeploymentStateReader().read(state.getBytes(
                                StandardCharsets.UTF_8), "the saved secureDeploy state");
                        HostBody reported = new HostBody();
                        reported.finished(exit);
                        return host.run(saved, saved.id(), List.copyOf(gateFiles), reported, Phase.DONE);
                    }
                    body.finished(exit);
                    return host.runOn(stopped);
                }, bodyFailure);
            } catch (Exception | Error x) {
                if (bodyFailure != null) {
                    x.addSuppressed(bodyFailure);
                }
                getContext().onFailure(x);
            }
        });
    }

    /** The block's end, handed to {@link #afterBody}. */
    private final class AfterBody extends BodyExecutionCallback {
        private static final long serialVersionUID = 1L;

        @Override
        public void onSuccess(StepContext context, Object result) {
            afterBody(0, null);
        }

        @Override
        public void onFailure(StepContext context, Throwable t) {
            afterBody(1, t);
        }
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
        if (inBody) {
            super.onResume(); // the block resumes by itself; after it, the runner is gone and the engine says so
        } else if (deploying) {
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
        return inBody ? "running the deploy body" : deploying ? "deploying" : awaited() == null
                ? "verifying and gating" : super.getStatus();
    }
}
