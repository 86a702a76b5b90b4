package io.jenkins.plugins.securedeploy.cli;

import io.jenkins.plugins.securedeploy.engine.approval.ApprovalLedger;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalRule;
import io.jenkins.plugins.securedeploy.engine.approval.Ballot;
import io.jenkins.plugins.securedeploy.engine.approval.StaticApproverDirectory;
import io.jenkins.plugins.securedeploy.engine.attest.AttestationService;
import io.jenkins.plugins.securedeploy.engine.audit.AuditLog;
import io.jenkins.plugins.securedeploy.engine.core.EngineLog;
import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.credentials.CredentialBroker;
import io.jenkins.plugins.securedeploy.engine.credentials.local.LocalExchange;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.AudienceRule;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.BuildClaims;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.IdTokenIssuer;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.IssuerKeys;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.IssuerSettings;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.KeyRotation;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.RotationPolicy;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.SigningAlgorithm;
import io.jenkins.plugins.securedeploy.engine.deploy.ApprovalStore;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentHistory;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentKind;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentOutcome;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentRequest;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentRunner;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentServices;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentState;
import io.jenkins.plugins.securedeploy.engine.deploy.Environment;
import io.jenkins.plugins.securedeploy.engine.gate.GateRequest;
import io.jenkins.plugins.securedeploy.engine.gate.GateService;
import io.jenkins.plugins.securedeploy.engine.host.BuildContext;
import io.jenkins.plugins.securedeploy.engine.host.FileSystemEvidenceStore;
import io.jenkins.plugins.securedeploy.engine.mask.SecretMasker;
import io.jenkins.plugins.securedeploy.engine.sign.ArtifactSource;
import io.jenkins.plugins.securedeploy.engine.sign.keys.KeySigner;
import io.jenkins.plugins.securedeploy.engine.sign.keys.PemKeys;
import io.jenkins.plugins.securedeploy.engine.sign.registry.VerificationService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The demo's deployment of the sample artifact to {@code prod}, through the engine's deployment flow: verify, the
 * same gate as the job, an approval (a demo approver votes through the approvals package), a short-lived ID token
 * from a local issuer, the "deploy" (it only says it has a token), revocation, signed attestations and an evidence
 * bundle. While the gate fails, the flow stops there and nothing is issued. The signing key is made for this run.
 */
public final class DemoDeployment {
    static final String APPROVER = "demo-approver";

    /** What the deployment did. */
    public record Result(DeploymentState state, DeploymentOutcome outcome, Path bundle, String keyId) {}

    private final Clock clock;

    public DemoDeployment(Clock clock) {
        this.clock = clock;
    }

    public Result run(ArtifactSource artifact, GateRequest gate, Path out, List<SecretValue> known,
            Consumer<String> console) throws IOException, InterruptedException {
        Path state = Files.createDirectories(out.resolve("deploy"));
        List<SecretValue> secrets = new CopyOnWriteArrayList<>(known);
        KeySigner signer = PemKeys.signer(ephemeralKey(), Optional.empty(), "the demo's signing key");
        Environment prod = new Environment("prod", "", "", Optional.of(ApprovalRule.of(1, List.of(APPROVER))
                .withTimeout(Duration.ofMinutes(10))), Optional.of(new Environment.CredentialProfile("local",
                        "demo-deploy", "DEPLOY_TOKEN")));
        IssuerKeys keys = KeyRotation.rotate(IssuerKeys.empty(), RotationPolicy.defaults(), SigningAlgorithm.ES256,
                clock.instant()).keys();
        CredentialBroker broker = new CredentialBroker(new IdTokenIssuer(IssuerSettings.of(
                "http://localhost/secure-deploy-demo", List.of(AudienceRule.of("demo-deploy")), List.of()),
                () -> keys, clock).forBuild(new BuildClaims("sample-app", "demo", "main", "", "demo", "prod", "")),
                secrets::add, clock, new EngineLog(""));
        Map<String, ApprovalLedger> ledgers = new ConcurrentHashMap<>();
        ApprovalStore approvals = new ApprovalStore() {
            @Override
            public Optional<ApprovalLedger> load(String id) {
                return Optional.ofNullable(ledgers.get(id));
            }

            @Override
            public void save(ApprovalLedger ledger) {
                ledgers.put(ledger.id(), ledger);
            }
        };
        DeploymentRequest request = new DeploymentRequest("demo", DeploymentKind.DEPLOY, prod, artifact,
                Optional.empty(), "", List.of(), gate, new BuildContext("sample-app", "demo", "", "",
                        "secure-deploy-demo", clock.instant()), List.of(new LocalExchange("demo-deploy",
                                "DEPLOY_TOKEN", Duration.ofMinutes(5))), env -> {
                    console.accept("  deploying " + artifact.name() + " to prod with " + String.join(", ",
                            env.names()) + " set (a short-lived ID token, masked everywhere)");
                    return 0;
                }, DeploymentHistory.empty());
        DeploymentState end;
        String id = "demo-" + clock.millis();
        Path log = Files.createDirectories(state.resolve("audit")).resolve(id + ".log"); // one per run and key
        try (AuditLog audit = AuditLog.open(log, AuditLog.Options.signed(signer, clock,
                SecretMasker.none()).withInterval(1))) {
            DeploymentRunner runner = new DeploymentRunner(new DeploymentServices(clock, SecretMasker.of(known),
                    VerificationService.standard(), new GateService(clock), broker, new AttestationService(clock),
                    signer, audit, new FileSystemEvidenceStore(state), approvals), request);
            end = runner.run(runner.start(id), s -> { });
            if (!end.waiting().isEmpty()) {
                for (ApprovalLedger l : new ArrayList<>(ledgers.values())) {
                    console.accept("  approval requested: " + APPROVER + " approves (simulated)");
                    ledgers.put(l.id(), l.vote(Ballot.approve(APPROVER, "demo: gate report reviewed",
                            l.request().shown().fingerprint()), StaticApproverDirectory.of(StaticApproverDirectory
                                    .member(APPROVER)), clock).ledger());
                }
                end = runner.run(end, s -> { });
            }
        }
        return new Result(end, DeploymentOutcome.of(end), state.resolve("deployments").resolve(end.id())
                .resolve("bundle"), signer.keyId());
    }

    private static SecretValue ephemeralKey() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            String der = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(g.generateKeyPair()
                    .getPrivate().getEncoded());
            return SecretValue.of("-----BEGIN " + "PRIVATE KEY-----\n" + der + "\n-----END PRIVATE KEY-----\n");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the demo's signing key: " + e.getMessage(), e);
        }
    }
}
