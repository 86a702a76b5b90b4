package io.jenkins.plugins.securedeploy.jenkins.deploy;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Cause;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalLedger;
import io.jenkins.plugins.securedeploy.engine.attest.AttestationService;
import io.jenkins.plugins.securedeploy.engine.audit.AuditLog;
import io.jenkins.plugins.securedeploy.engine.audit.AuditVerifier;
import io.jenkins.plugins.securedeploy.engine.core.EngineLog;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.credentials.CredentialBroker;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.BuildClaims;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentBody;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentHistory;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentKind;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentRequest;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentRunner;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentServices;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentState;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentStateWriter;
import io.jenkins.plugins.securedeploy.engine.deploy.Environment;
import io.jenkins.plugins.securedeploy.engine.deploy.HostBody;
import io.jenkins.plugins.securedeploy.engine.deploy.Phase;
import io.jenkins.plugins.securedeploy.engine.gate.GateRequest;
import io.jenkins.plugins.securedeploy.engine.gate.GateService;
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
import io.jenkins.plugins.securedeploy.jenkins.approval.RunApprovalStore;
import io.jenkins.plugins.securedeploy.jenkins.credentials.JenkinsIssuer;
import io.jenkins.plugins.securedeploy.jenkins.facade.GlobalConfigurationFacade;
import io.jenkins.plugins.securedeploy.jenkins.facade.JenkinsFacade;
import io.jenkins.plugins.securedeploy.jenkins.host.ArtifactEvidenceStore;
import io.jenkins.plugins.securedeploy.jenkins.host.CredentialsSecretStore;
import io.jenkins.plugins.securedeploy.jenkins.host.ListenerConsole;
import io.jenkins.plugins.securedeploy.jenkins.host.RunBuildContext;
import io.jenkins.plugins.securedeploy.jenkins.host.StepResultHandler;
import io.jenkins.plugins.securedeploy.jenkins.sbom.ArchivedSboms;
import io.jenkins.plugins.securedeploy.jenkins.scan.ScanResultsAction;
import java.io.File;
import java.io.IOException;
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

/**
 * One leg of a Jenkins deployment, shaped like the CLI's host: reads the policy (its {@code environments}), the
 * environment's own policy and the signature files on the agent; streams the artifact from the workspace; builds the
 * engine's ports from the plugin's host classes (the admin's verification trust and floor, this build's recorded scan
 * results, the Jenkins OIDC issuer behind the credential broker, the build's artifacts as evidence store, the build's
 * approvals page as approval store, a signed per-job deployment audit log that is also the promotion and rollback
 * history) and runs the engine's {@link DeploymentRunner} until the deployment is done, waits for an approval, or
 * stops before the deploy phase for the step's block.
 * Built again from the step's {@link DeployAsk} for the leg after the approval; every decision is the engine's.
 */
final class DeploymentHost {
    /** The per-job deployment log: hash-chained, checkpoints signed with the evidence key. */
    static final String DEPLOYMENT_LOG = "secure-deploy-deployments.jsonl";

    final Run<?, ?> run;
    final ListenerConsole console;
    final StepResultHandler result;
    private final DeployAsk ask;
    private final TaskListener listener;
    private final FilePath workspace;
    private final Launcher launcher;
    private final EnvVars vars;
    private final Clock clock = Clock.systemUTC();
    private final JenkinsFacade jenkins = new JenkinsFacade();
    private final GlobalConfigurationFacade config = new GlobalConfigurationFacade();
    private final RunApprovalStore approvals;
    private DeployInputs in;
    private Environment env;

    private DeploymentHost(StepContext context, DeployAsk ask) throws IOException, InterruptedException {
        this.ask = ask;
        this.run = context.get(Run.class);
        this.listener = context.get(TaskListener.class);
        this.workspace = context.get(FilePath.class);
        this.launcher = context.get(Launcher.class);
        this.vars = context.get(EnvVars.class);
        this.console = new ListenerConsole(listener);
        this.result = new StepResultHandler(run, context.get(FlowNode.class));
        this.approvals = new RunApprovalStore(run, ask.artifact);
    }

    /** The host of one leg, over the step's context; {@link #readInputs} before a leg runs. */
    static DeploymentHost of(StepContext context, DeployAsk ask) throws IOException, InterruptedException {
        return new DeploymentHost(context, ask);
    }

    /**
     * Reads the step's inputs on the agent ({@link DeployInputs}); refuses (failing the build) what is missing or
     * unreadable.
     *
     * @throws InvalidInputException naming the policy field (an undeclared environment, an invalid entry)
     */
    void readInputs() throws IOException, InterruptedException {
        in = DeployInputs.read(ask, workspace, result);
        env = in.environment();
    }

    /**
     * What the deployment decides on besides the artifact (the policy files, by SHA-256): the leg after an approval
     * refuses to go on when they changed in the workspace meanwhile, since the approvers saw the earlier ones' gate.
     */
    String inputs() {
        return in.digest();
    }

    /** A deployment id not used by another deployment of this build to the same environment. */
    String newId() {
        String base = "build-" + run.getNumber() + "-" + env.name().replaceAll("[^A-Za-z0-9._-]", "-");
        String id = base;
        for (int i = 2; approvals.load(id + "/" + env.name()).isPresent(); i++) {
            id = base + "-" + i;
        }
        return id;
    }

    /**
     * What a leg ended with: the state, the names of the gate files it stored (for the next leg), and — when it
     * stopped before the deploy phase for the step's body — the runner (its credential session) and every value
     * the broker issued (the body's log is masked with them).
     */
    record Leg(DeploymentState state, List<String> gateFiles, DeploymentRunner runner, List<SecretValue> secrets) {}

    /**
     * Runs the engine from {@code from} ({@code null}: a new deployment {@code id}) until done, waiting or at
     * {@code stop} (the deploy phase, for the step's block: then {@code hostBody} is the body); without a
     * {@code hostBody} the body is the step's command. A resumed deployment gets back the gate files an earlier leg
     * archived ({@code gateFiles}), as evidence for its bundle.
     */
    Leg run(DeploymentState from, String id, List<String> gateFiles, HostBody hostBody, Phase stop)
            throws Exception {
        KeySigner signer = signer();
        ArtifactSource artifact = new WorkspaceArtifact(workspace, ask.artifact);
        BuildContext context = RunBuildContext.of(run, vars, jenkins);
        File log = new File(run.getParent().getRootDir(), DEPLOYMENT_LOG);
        DeploymentHistory history = DeploymentHistory.read(log.toPath(), new AuditVerifier(List.copyOf(
                PemKeys.publicKeys(new EvidenceFile("the evidence key", signer.publicKeyPem().getBytes(
                        StandardCharsets.US_ASCII))))));
        List<SecretValue> secrets = new CopyOnWriteArrayList<>();
        BuildClaims claims = BuildClaims.of(context, vars == null ? "" : vars.get("BRANCH_NAME"), "", env.name());
        DeploymentBody body = hostBody != null ? hostBody
                : new CommandBody(launcher, workspace, ask.command, listener, secrets);
        DeploymentRequest request = new DeploymentRequest(actor(run), DeploymentKind.DEPLOY, env, artifact,
                Optional.empty(), env.requires(), verifications(artifact), gate(), context,
                DeployExchanges.of(env, claims, clock, config), body, history)
                .withCommitAuthors(RunApprovalStore.commitAuthors(run));
        EngineLog engineLog = new EngineLog("");
        CredentialBroker broker = new CredentialBroker(JenkinsIssuer.current(clock).forBuild(claims), secrets::add,
                clock, engineLog);
        ArtifactEvidenceStore store = new ArtifactEvidenceStore(run, workspace, launcher, listener, jenkins);
        DeploymentRunner runner;
        DeploymentState end;
        synchronized (DeploymentHost.class) { // one writer of the job's deployment log per controller
            try (AuditLog audit = open(log, signer)) {
                runner = new DeploymentRunner(services(audit, signer, broker, store), request);
                DeploymentState start = from == null ? runner.start(id) : from;
                if (from != null) {
                    runner.restoreGateEvidence(archivedGateFiles(from, gateFiles));
                }
                end = runner.runUntil(start, stop, s -> { });
            }
        }
        engineLog.lines().forEach(l -> console.info(l.text()));
        return end(store, new Leg(end, List.copyOf(runner.gateEvidence().keySet()), runner, secrets));
    }

    /**
     * After the step's body: the runner of the leg that stopped before the deploy phase (its credential session
     * still open) gets its services again and runs on — deploy (how the body ended), revoke, attest, record.
     */
    Leg runOn(Leg atDeploy) throws Exception {
        KeySigner signer = signer();
        File log = new File(run.getParent().getRootDir(), DEPLOYMENT_LOG);
        BuildClaims claims = BuildClaims.of(RunBuildContext.of(run, vars, jenkins), vars == null ? ""
                : vars.get("BRANCH_NAME"), "", env.name());
        EngineLog engineLog = new EngineLog("");
        CredentialBroker broker = new CredentialBroker(JenkinsIssuer.current(clock).forBuild(claims),
                atDeploy.secrets()::add, clock, engineLog);
        ArtifactEvidenceStore store = new ArtifactEvidenceStore(run, workspace, launcher, listener, jenkins);
        DeploymentState end;
        synchronized (DeploymentHost.class) {
            try (AuditLog audit = open(log, signer)) {
                atDeploy.runner().resumeWith(services(audit, signer, broker, store));
                end = atDeploy.runner().run(atDeploy.state(), s -> { });
            }
        }
        engineLog.lines().forEach(l -> console.info(l.text()));
        return end(store, new Leg(end, atDeploy.gateFiles(), atDeploy.runner(), atDeploy.secrets()));
    }

    private Leg end(ArtifactEvidenceStore store, Leg leg) throws IOException {
        store.store("deployments/" + leg.state().id() + "/state.json", "application/json",
                new DeploymentStateWriter().write(leg.state()));
        return leg;
    }

    private AuditLog open(File log, KeySigner signer) throws IOException {
        return AuditLog.open(log.toPath(), AuditLog.Options.signed(signer, clock, SecretMasker.none())
                .withInterval(1));
    }

    private DeploymentServices services(AuditLog audit, KeySigner signer, CredentialBroker broker,
            ArtifactEvidenceStore store) {
        return new DeploymentServices(clock, SecretMasker.none(), VerificationService.standard(),
                new GateService(clock), broker, new AttestationService(clock), signer, audit, store, approvals);
    }

    /** The approval the deployment waits for (the ledger on the build's approvals page). */
    ApprovalLedger waitingFor(DeploymentState waiting) throws AbortException {
        return approvals.load(waiting.approvalId()).orElseThrow(() -> new AbortException("secureDeploy: approval "
                + waiting.approvalId() + " is not recorded in this build"));
    }

    /** The gate files an earlier leg archived under the deployment's folder; one that cannot be read is left out. */
    private Map<String, byte[]> archivedGateFiles(DeploymentState state, List<String> names) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (String name : names) {
            String path = ArtifactEvidenceStore.ARCHIVE_FOLDER + "/deployments/" + state.id() + "/gate/" + name;
            try (InputStream in = run.getArtifactManager().root().child(path).open()) {
                out.put(name, in.readAllBytes());
            } catch (IOException e) {
                console.info("the gate file " + path + " is not in the build's artifacts; the evidence bundle "
                        + "goes without it");
            }
        }
        return out;
    }

    /** The gate's inputs: this build's scan results and recorded SBOMs, the environment's policy, the floor. */
    private GateRequest gate() throws IOException {
        ScanResultsAction scans = run.getAction(ScanResultsAction.class);
        List<ScanResult> results = scans == null ? List.of() : scans.results();
        PolicyFloor floor = config.getConfiguration().toFloorValues().toFloorSettings().toFloor();
        return GateRequest.of(results).withPolicy(in.gatePolicy()).withFloor(floor).withSboms(ArchivedSboms.of(run));
    }

    private List<VerificationRequest> verifications(ArtifactSource artifact) {
        TrustMaterial trust = TrustEntry.material(config.getVerification().trustEntries());
        List<VerificationRequest> out = new ArrayList<>();
        for (String s : ask.signatures) {
            out.add(VerificationRequest.of(new EvidenceFile(s, in.file(s)), artifact, trust, null));
        }
        return out;
    }

    /** The evidence key: the step's credential, else the admin's (as attest); it never goes to an agent. */
    private KeySigner signer() throws AbortException {
        String keyId = ask.keyCredentialsId.isEmpty() ? config.getApprovals().getEvidenceKeyCredentialsId()
                : ask.keyCredentialsId;
        if (keyId.isEmpty()) {
            throw new AbortException("secureDeploy needs keyCredentialsId (a \"Secret text\" credential holding a PEM "
                    + "private key) or the admin's evidence key (Manage Jenkins » Security » Secure Deploy approvals):"
                    + " it signs the deployment's attestations, bundle and audit checkpoints");
        }
        SecretValue pem = new CredentialsSecretStore(run).requireAll(List.of(keyId), "secureDeploy keyCredentialsId")
                .get(0);
        return PemKeys.signer(pem, Optional.empty(), "the secureDeploy evidence key credential");
    }

    private static String actor(Run<?, ?> run) {
        Cause.UserIdCause cause = run.getCause(Cause.UserIdCause.class);
        return cause == null || cause.getUserId() == null ? "system" : cause.getUserId();
    }
}
