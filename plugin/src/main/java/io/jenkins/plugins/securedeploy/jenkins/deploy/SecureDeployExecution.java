package io.jenkins.plugins.securedeploy.jenkins.deploy;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Cause;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.securedeploy.engine.attest.AttestationService;
import io.jenkins.plugins.securedeploy.engine.audit.AuditLog;
import io.jenkins.plugins.securedeploy.engine.audit.AuditVerifier;
import io.jenkins.plugins.securedeploy.engine.core.EngineLog;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.core.SecureDeployException;
import io.jenkins.plugins.securedeploy.engine.credentials.CredentialBroker;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.BuildClaims;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentHistory;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentKind;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentOutcome;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentRequest;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentRunner;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentServices;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentState;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentStateWriter;
import io.jenkins.plugins.securedeploy.engine.deploy.Environment;
import io.jenkins.plugins.securedeploy.engine.deploy.EnvironmentsReader;
import io.jenkins.plugins.securedeploy.engine.deploy.PhaseResult;
import io.jenkins.plugins.securedeploy.engine.gate.GateRequest;
import io.jenkins.plugins.securedeploy.engine.gate.GateService;
import io.jenkins.plugins.securedeploy.engine.gate.NamedBytes;
import io.jenkins.plugins.securedeploy.engine.host.BuildContext;
import io.jenkins.plugins.securedeploy.engine.mask.SecretMasker;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyFloor;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.sign.ArtifactSource;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.TrustMaterial;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationRequest;
import io.jenkins.plugins.securedeploy.engine.sign.keys.KeySigner;
import io.jenkins.plugins.securedeploy.engine.sign.keys.PemKeys;
import io.jenkins.plugins.securedeploy.engine.sign.registry.TrustEntry;
import io.jenkins.plugins.securedeploy.engine.sign.registry.VerificationService;
import io.jenkins.plugins.securedeploy.jenkins.credentials.JenkinsIssuer;
import io.jenkins.plugins.securedeploy.jenkins.facade.GlobalConfigurationFacade;
import io.jenkins.plugins.securedeploy.jenkins.facade.JenkinsFacade;
import io.jenkins.plugins.securedeploy.jenkins.host.AgentWorkspace;
import io.jenkins.plugins.securedeploy.jenkins.host.ArtifactEvidenceStore;
import io.jenkins.plugins.securedeploy.jenkins.host.CredentialsSecretStore;
import io.jenkins.plugins.securedeploy.jenkins.host.ListenerConsole;
import io.jenkins.plugins.securedeploy.jenkins.host.RunBuildContext;
import io.jenkins.plugins.securedeploy.jenkins.host.StepResultHandler;
import io.jenkins.plugins.securedeploy.jenkins.scan.ScanResultsAction;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * The Jenkins host of a deployment, shaped like the CLI's: reads the policy (its {@code environments}), the
 * environment's own policy and the signature files on the agent; streams the artifact from the workspace; builds the
 * engine's ports from the plugin's host classes (the admin's verification trust and floor, this build's recorded scan
 * results, the Jenkins OIDC issuer behind the credential broker, the build's artifacts as evidence store, a signed
 * per-job deployment audit log that is also the promotion and rollback history) and runs the engine's
 * {@link DeploymentRunner}. Every decision is the engine's; the step only reports the outcome.
 *
 * <p>An environment that needs an approval fails closed here (the phase machine would wait, and this execution cannot
 * yet hold a build open for votes without a thread, as {@code requireApproval} does). A controller restart while the
 * step runs fails it ({@link SynchronousNonBlockingStepExecution} does not resume): the credentials, if issued, expire.
 */
class SecureDeployExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;
    /** The per-job deployment log: hash-chained, checkpoints signed with the evidence key. */
    static final String DEPLOYMENT_LOG = "secure-deploy-deployments.jsonl";

    private final transient SecureDeployStep step;

    SecureDeployExecution(StepContext context, SecureDeployStep step) {
        super(context);
        this.step = step;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        Run<?, ?> run = getContext().get(Run.class);
        TaskListener listener = getContext().get(TaskListener.class);
        FilePath workspace = getContext().get(FilePath.class);
        Launcher launcher = getContext().get(Launcher.class);
        EnvVars vars = getContext().get(EnvVars.class);
        ListenerConsole console = new ListenerConsole(listener);
        StepResultHandler result = new StepResultHandler(run, getContext().get(FlowNode.class));
        if (step.getEnvironment().isEmpty() || step.getArtifact().isEmpty() || step.getCommand().isEmpty()) {
            throw new AbortException("secureDeploy needs environment: 'name', artifact: 'file in the workspace' and "
                    + "command: 'the deploy command'");
        }
        Clock clock = Clock.systemUTC();
        JenkinsFacade jenkins = new JenkinsFacade();
        GlobalConfigurationFacade config = new GlobalConfigurationFacade();
        AgentWorkspace agent = new AgentWorkspace(workspace);
        boolean defaultPolicy = SecureDeployStep.DEFAULT_POLICY.equals(step.getPolicy());
        ReadFilesTask.Files files = agent.act(new ReadFilesTask(
                join(defaultPolicy ? List.of() : List.of(step.getPolicy()), step.getSignatures()),
                defaultPolicy ? List.of(step.getPolicy()) : List.of(), step.getArtifact()));
        refuse(result, files);
        try {
            byte[] policyBytes = files.content.get(step.getPolicy());
            NamedBytes policy = policyBytes == null ? null : new NamedBytes(step.getPolicy(), policyBytes);
            Environment env = environment(policy);
            NamedBytes gatePolicy = policy;
            if (!env.policy().isEmpty()) { // relative to the project policy's folder, as the CLI reads it
                int slash = step.getPolicy().lastIndexOf('/');
                String path = (slash < 0 ? "" : step.getPolicy().substring(0, slash + 1)) + env.policy();
                ReadFilesTask.Files own = agent.act(new ReadFilesTask(List.of(path), List.of(), ""));
                refuse(result, own);
                gatePolicy = new NamedBytes(path, own.content.get(path));
            }
            KeySigner signer = signer(run);
            ArtifactSource artifact = new WorkspaceArtifact(workspace, step.getArtifact());
            BuildContext context = RunBuildContext.of(run, vars, jenkins);
            String id = "build-" + run.getNumber() + "-" + env.name().replaceAll("[^A-Za-z0-9._-]", "-");
            File log = new File(run.getParent().getRootDir(), DEPLOYMENT_LOG);
            DeploymentHistory history = DeploymentHistory.read(log.toPath(), new AuditVerifier(List.copyOf(
                    PemKeys.publicKeys(new EvidenceFile("the evidence key", signer.publicKeyPem().getBytes(
                            StandardCharsets.US_ASCII))))));
            List<SecretValue> secrets = new CopyOnWriteArrayList<>();
            BuildClaims claims = BuildClaims.of(context, vars == null ? "" : vars.get("BRANCH_NAME"), "",
                    env.name());
            DeploymentRequest request = new DeploymentRequest(actor(run), DeploymentKind.DEPLOY, env, artifact,
                    Optional.empty(), env.requires(), verifications(files, artifact, config), gate(run, gatePolicy,
                            config), context, DeployExchanges.of(env, claims, clock, config),
                    new CommandBody(launcher, workspace, step.getCommand(), listener, secrets), history);
            EngineLog engineLog = new EngineLog("");
            CredentialBroker broker = new CredentialBroker(JenkinsIssuer.current(clock).forBuild(claims),
                    secrets::add, clock, engineLog);
            ArtifactEvidenceStore store = new ArtifactEvidenceStore(run, workspace, launcher, listener, jenkins);
            DeploymentState end;
            synchronized (SecureDeployExecution.class) { // one writer of the job's deployment log per controller
                try (AuditLog audit = AuditLog.open(log.toPath(), AuditLog.Options.signed(signer, clock,
                        SecretMasker.none()).withInterval(1))) {
                    DeploymentRunner runner = new DeploymentRunner(new DeploymentServices(clock, SecretMasker.none(),
                            VerificationService.standard(), new GateService(clock), broker,
                            new AttestationService(clock), signer, audit, store, new MemoryApprovalStore()), request);
                    end = runner.run(runner.start(id), s -> { });
                }
            }
            engineLog.lines().forEach(l -> console.info(l.text()));
            store.store("deployments/" + id + "/state.json", "application/json",
                    new DeploymentStateWriter().write(end));
            return report(end, console, result);
        } catch (InvalidInputException e) {
            List<String> problems = e.problems().stream().map(Problem::describe).toList();
            problems.forEach(console::error);
            throw result.fail(Result.FAILURE, "secureDeploy ERROR: invalid input", String.join("\n", problems));
        } catch (SecureDeployException e) {
            throw result.fail(Result.FAILURE, "secureDeploy ERROR", e.getMessage());
        }
    }

    private Map<String, Object> report(DeploymentState end, ListenerConsole console, StepResultHandler result)
            throws AbortException {
        for (PhaseResult r : end.results()) {
            console.info("  " + r.describe());
        }
        DeploymentOutcome outcome = DeploymentOutcome.of(end);
        if (outcome.status() == DeploymentOutcome.Status.WAITING) {
            throw result.fail(Result.FAILURE, "secureDeploy ERROR: environment " + end.environment() + " needs an "
                    + "approval, and secureDeploy cannot wait for one yet; nothing was deployed, no credentials were "
                    + "issued", outcome.reason());
        }
        if (!outcome.succeeded()) {
            throw result.fail(Result.FAILURE, outcome.reason(), String.join("\n",
                    end.results().stream().map(PhaseResult::describe).toList()));
        }
        console.info(outcome.reason());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", end.id());
        out.put("status", outcome.status().name());
        out.put("environment", end.environment());
        out.put("artifact", end.artifactName());
        out.put("digest", end.artifactSha256());
        out.put("evidence", ArtifactEvidenceStore.ARCHIVE_FOLDER + "/deployments/" + end.id());
        return out;
    }

    private Environment environment(NamedBytes policy) {
        Map<String, Environment> envs = policy == null ? Map.of()
                : new EnvironmentsReader().read(policy.content(), policy.name());
        if (!envs.isEmpty() && !envs.containsKey(step.getEnvironment())) {
            throw new InvalidInputException(Problem.of("deploy.environment", "environment '" + step.getEnvironment()
                    + "' is not declared (declared: " + String.join(", ", envs.keySet()) + ")",
                    Location.ofPointer(policy.name(), "/environments", 0,
                            0)));
        }
        return envs.getOrDefault(step.getEnvironment(), Environment.open(step.getEnvironment()));
    }

    private static GateRequest gate(Run<?, ?> run, NamedBytes policy, GlobalConfigurationFacade config) {
        ScanResultsAction scans = run.getAction(ScanResultsAction.class);
        List<ScanResult> results = scans == null ? List.of() : scans.results();
        PolicyFloor floor = config.getConfiguration().toFloorValues().toFloorSettings().toFloor();
        return GateRequest.of(results).withPolicy(policy).withFloor(floor);
    }

    private List<VerificationRequest> verifications(ReadFilesTask.Files files, ArtifactSource artifact,
            GlobalConfigurationFacade config) {
        TrustMaterial trust = TrustEntry.material(config.getVerification().trustEntries());
        List<VerificationRequest> out = new ArrayList<>();
        for (String s : step.getSignatures()) {
            out.add(VerificationRequest.of(new EvidenceFile(s, files.content.get(s)), artifact, trust, null));
        }
        return out;
    }

    /** The evidence key: the step's credential, else the admin's (as attest); it never goes to an agent. */
    private KeySigner signer(Run<?, ?> run) throws AbortException {
        String keyId = step.getKeyCredentialsId().isEmpty()
                ? new GlobalConfigurationFacade().getApprovals().getEvidenceKeyCredentialsId()
                : step.getKeyCredentialsId();
        if (keyId.isEmpty()) {
            throw new AbortException("secureDeploy needs keyCredentialsId (a \"Secret text\" credential holding a PEM "
                    + "private key) or the admin's evidence key (Manage Jenkins » Security » Secure Deploy approvals):"
                    + " it signs the deployment's attestations, bundle and audit checkpoints");
        }
        SecretValue pem = new CredentialsSecretStore(run).requireAll(List.of(keyId), "secureDeploy keyCredentialsId")
                .get(0);
        return PemKeys.signer(pem, Optional.empty(), "the secureDeploy evidence key credential");
    }

    private static void refuse(StepResultHandler result, ReadFilesTask.Files files) throws AbortException {
        if (!files.refused.isEmpty()) {
            List<String> lines = new ArrayList<>();
            files.refused.forEach((path, why) -> lines.add(path + ": " + why));
            throw result.fail(Result.FAILURE, "secureDeploy ERROR: input refused", String.join("\n", lines));
        }
    }

    private static String actor(Run<?, ?> run) {
        Cause.UserIdCause cause = run.getCause(Cause.UserIdCause.class);
        return cause == null || cause.getUserId() == null ? "system" : cause.getUserId();
    }

    private static List<String> join(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** The artifact streamed from the workspace (over the channel from an agent), opened each time it is hashed. */
    private static final class WorkspaceArtifact implements ArtifactSource {
        private final FilePath file;
        private final String name;

        WorkspaceArtifact(FilePath workspace, String path) {
            this.file = workspace.child(path);
            this.name = path;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public InputStream open() throws java.io.IOException {
            try {
                return file.read();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while opening " + name);
            }
        }
    }
}
