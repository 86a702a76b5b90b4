package io.jenkins.plugins.securedeploy.cli.command;

import io.jenkins.plugins.securedeploy.cli.ExitCode;
import io.jenkins.plugins.securedeploy.cli.Output;
import io.jenkins.plugins.securedeploy.cli.host.DeploymentFolder;
import io.jenkins.plugins.securedeploy.engine.attest.AttestationService;
import io.jenkins.plugins.securedeploy.engine.audit.AuditLog;
import io.jenkins.plugins.securedeploy.engine.audit.AuditVerifier;
import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.core.EngineLog;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.credentials.CredentialBroker;
import io.jenkins.plugins.securedeploy.engine.credentials.Exchange;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.AudienceRule;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.BuildClaims;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.IdTokenIssuer;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.IssuerKeys;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.IssuerSettings;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.KeyRotation;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.RotationPolicy;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.SigningAlgorithm;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentHistory;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentKind;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentOutcome;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentRequest;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentRunner;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentServices;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentState;
import io.jenkins.plugins.securedeploy.engine.deploy.Environment;
import io.jenkins.plugins.securedeploy.engine.deploy.EnvironmentsReader;
import io.jenkins.plugins.securedeploy.engine.deploy.PhaseResult;
import io.jenkins.plugins.securedeploy.engine.gate.GateRequest;
import io.jenkins.plugins.securedeploy.engine.gate.GateService;
import io.jenkins.plugins.securedeploy.engine.gate.NamedBytes;
import io.jenkins.plugins.securedeploy.engine.host.BuildContext;
import io.jenkins.plugins.securedeploy.engine.mask.SecretMasker;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyFloor;
import io.jenkins.plugins.securedeploy.engine.policy.PolicyReader;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomIngest;
import io.jenkins.plugins.securedeploy.engine.sbom.SbomSource;
import io.jenkins.plugins.securedeploy.engine.scan.registry.ReportSource;
import io.jenkins.plugins.securedeploy.engine.sign.ArtifactSource;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.TrustMaterial;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationRequest;
import io.jenkins.plugins.securedeploy.engine.sign.keys.KeySigner;
import io.jenkins.plugins.securedeploy.engine.sign.keys.PemKeys;
import io.jenkins.plugins.securedeploy.engine.sign.registry.VerificationService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The CLI host of a deployment: reads the files the options name, builds the engine's ports (the deployment
 * folder, a signed audit log, a broker that mints ID tokens with a key made for this run and hands them over
 * through the {@code local} provider, the deploy command as a masked child process), and runs the engine's
 * {@link DeploymentRunner}; then prints each phase's result and the outcome. All decisions are the engine's.
 */
final class DeployRun {
    /** Exit code while an approval is open: the state is saved; vote, then run again with {@code --resume}. */
    static final int WAITING = 4;
    private static final String DEFAULT_POLICY = ".secure-deploy.yml";

    private final CommandSpec spec;
    private final DeployOptions o;
    private final io.jenkins.plugins.securedeploy.cli.SharedOptions shared;
    Map<String, String> environment = System.getenv();
    Clock clock = Clock.systemUTC();

    DeployRun(CommandSpec spec, DeployOptions options, io.jenkins.plugins.securedeploy.cli.SharedOptions shared) {
        this.spec = spec;
        this.o = options;
        this.shared = shared;
    }

    int run(DeploymentKind kind, String envName, String from) throws IOException, InterruptedException {
        Output output = new Output(spec, shared);
        if ((o.keyFile == null) == (o.keyEnv == null)) {
            spec.commandLine().getErr().println("error: give exactly one of --key-file or --key-env (the key that "
                    + "signs the deployment's attestations, bundle and audit checkpoints)");
            return ExitCode.USAGE;
        }
        Path policyFile = o.policy != null ? o.policy : Files.isRegularFile(Path.of(DEFAULT_POLICY))
                ? Path.of(DEFAULT_POLICY) : null;
        NamedBytes policy = policyFile == null ? null : NamedBytes.read(policyFile, display(policyFile),
                "policy file");
        Map<String, Environment> envs = policy == null ? Map.of()
                : new EnvironmentsReader().read(policy.content(), policy.name());
        if (!envs.isEmpty() && !envs.containsKey(envName)) {
            throw new InvalidInputException(Problem.of("deploy.environment", "environment '" + envName + "' is not "
                    + "declared (declared: " + String.join(", ", envs.keySet()) + ")", Location.ofPointer(
                    policy.name(), "/environments", 0, 0)));
        }
        Environment env = envs.getOrDefault(envName, Environment.open(envName));
        if (kind == DeploymentKind.PROMOTE && !env.requires().isEmpty() && !env.requires().equals(from)) {
            spec.commandLine().getErr().println("error: " + envName + " takes promotions from " + env.requires()
                    + ", not from " + from);
            return ExitCode.USAGE;
        }
        String requiredFrom = kind == DeploymentKind.PROMOTE ? from : kind == DeploymentKind.DEPLOY ? env.requires()
                : "";
        NamedBytes gatePolicy = policy;
        if (!env.policy().isEmpty()) {
            Path p = (policyFile.toAbsolutePath().getParent()).resolve(env.policy());
            gatePolicy = NamedBytes.read(p, env.policy(), "policy file of environment " + envName);
        }
        KeySigner signer = PemKeys.signer(key(), Optional.empty(), o.keyFile != null ? display(o.keyFile)
                : "--key-env " + o.keyEnv);
        DeploymentFolder folder = new DeploymentFolder(o.stateDir);
        DeploymentHistory history = DeploymentHistory.read(folder.auditLog(), new AuditVerifier(List.copyOf(
                PemKeys.publicKeys(new EvidenceFile("deploy signer", signer.publicKeyPem().getBytes(
                        StandardCharsets.US_ASCII))))));
        Optional<Digest> recorded = Optional.ofNullable(o.digest).map(Digest::parse);
        if (kind == DeploymentKind.ROLLBACK) {
            recorded = Optional.of(history.rollbackTarget(envName).orElseThrow(() -> new InvalidInputException(
                    Problem.of("deploy.rollback", "nothing to roll back to: " + envName + " has "
                            + history.deployed(envName).size() + " successful deployment(s) of one digest or none",
                            Location.ofFile(display(folder.auditLog()))))).digest());
        }
        List<SecretValue> secrets = new CopyOnWriteArrayList<>();
        String id = o.resume != null ? o.resume : deploymentId();
        ArtifactSource artifact = ArtifactSource.of(o.artifact, o.artifact.getFileName().toString());
        DeploymentRequest request = new DeploymentRequest(actor(), kind, env, artifact, recorded, requiredFrom,
                verifications(artifact), gate(gatePolicy), new BuildContext(o.artifact.getFileName().toString(),
                        id, "", "", "secure-deploy-cli", clock.instant()), exchanges(env),
                credentials -> new ChildProcess(o.command, SecretMasker.of(secrets)).run(credentials,
                        spec.commandLine().getOut(), spec.commandLine().getErr()), history);
        CredentialBroker broker = new CredentialBroker(tokens(env, id), secrets::add, clock, new EngineLog(""));
        DeploymentState end;
        DeploymentRunner runner;
        try (AuditLog audit = AuditLog.open(folder.auditLog(), AuditLog.Options.signed(signer, clock,
                SecretMasker.none()).withInterval(1))) {
            runner = new DeploymentRunner(new DeploymentServices(clock, SecretMasker.none(),
                    VerificationService.standard(), new GateService(clock), broker, new AttestationService(clock),
                    signer, audit, folder.evidence(), folder.approvals(id)), request);
            DeploymentState start = o.resume != null ? resumed(folder, id, envName) : runner.start(id);
            end = runner.run(start, s -> {
                try {
                    folder.save(s);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot save the deployment state", e);
                }
            });
        }
        return print(output, end, folder);
    }

    private int print(Output output, DeploymentState end, DeploymentFolder folder) {
        DeploymentOutcome outcome = DeploymentOutcome.of(end);
        for (PhaseResult r : end.results()) {
            output.line("  " + r.describe());
        }
        output.line(outcome.reason());
        Path ledger = folder.approvalFile(end.id());
        if (outcome.status() == DeploymentOutcome.Status.WAITING) {
            output.line("Vote with:  secure-deploy approve --ledger " + display(ledger)
                    + " --approver ID --approve --reason TEXT --members FILE");
            output.line("Then run the same command again with --resume " + end.id());
        }
        Path bundle = folder.folder(end.id()).resolve("bundle");
        Path report = folder.folder(end.id()).resolve("gate/index.html");
        if (end.isDone()) {
            output.line("Evidence: " + display(bundle) + " (and bundle.tar.gz next to it)"
                    + (Files.isRegularFile(report) ? "; gate report " + display(report) : ""));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", end.id());
        doc.put("status", outcome.status().name());
        doc.put("phase", outcome.phase().map(p -> p.id()).orElse(null));
        doc.put("reason", outcome.reason());
        doc.put("artifact", end.artifactSha256());
        doc.put("environment", end.environment());
        doc.put("results", end.results().stream().map(PhaseResult::describe).toList());
        doc.put("state", display(folder.stateFile(end.id())));
        doc.put("approval", outcome.status() == DeploymentOutcome.Status.WAITING ? display(ledger) : null);
        doc.put("bundle", end.isDone() ? display(bundle) : null);
        output.document(doc);
        return outcome.status() == DeploymentOutcome.Status.WAITING ? WAITING : outcome.exitCode().code();
    }

    private DeploymentState resumed(DeploymentFolder folder, String id, String envName) {
        DeploymentState s = folder.load(id).orElseThrow(() -> new InvalidInputException(Problem.of(
                "deploy.resume", "no saved deployment " + id, Location.ofFile(display(folder.stateFile(id))))));
        if (!s.environment().equals(envName)) {
            throw new InvalidInputException(Problem.of("deploy.resume", "deployment " + id + " goes to "
                    + s.environment() + ", not " + envName, Location.ofFile(display(folder.stateFile(id)))));
        }
        return s;
    }

    private GateRequest gate(NamedBytes policy) {
        PolicyFloor floor = o.floor == null ? null : new PolicyFloor(new PolicyReader().read(NamedBytes.read(
                o.floor, display(o.floor), "floor file").content(), display(o.floor)));
        SbomIngest ingest = new SbomIngest();
        return GateRequest.of(List.of()).withPolicy(policy).withFloor(floor)
                .withReports(o.reports.stream().map(r -> ReportSource.ofSpec(r, Path.of(""), null)).toList())
                .withSboms(o.sboms.stream().map(f -> ingest.ingest(SbomSource.ofPath(SbomCommand.existing(f))))
                        .toList());
    }

    private List<VerificationRequest> verifications(ArtifactSource artifact) {
        TrustMaterial trust = new TrustMaterial(o.trustKeys.stream().map(VerifyCommand::read).toList(), List.of(),
                List.of(), Optional.empty());
        List<VerificationRequest> out = new ArrayList<>();
        o.signatures.forEach(f -> out.add(VerificationRequest.of(VerifyCommand.read(f), artifact, trust, null)));
        return out;
    }

    /** The environment's credential profile as exchanges: the CLI hands out the ID token itself ({@code local}). */
    private static List<Exchange> exchanges(Environment env) {
        if (env.credentials().isEmpty()) {
            return List.of();
        }
        Environment.CredentialProfile p = env.credentials().get();
        if (!p.isLocal()) {
            throw new InvalidInputException(Problem.of("deploy.credentials", "provider '" + p.provider() + "' is "
                    + "not available to the CLI's deploy (it issues local ID tokens; use 'creds exec' inside CMD "
                    + "for a cloud exchange)", Location.ofPointer(".secure-deploy.yml", "/environments/"
                    + env.name() + "/credentials/provider", 0, 0)));
        }
        return List.of(p.localExchange());
    }

    /** ID tokens signed with a key made for this run: only the deploy command sees them, for five minutes. */
    private io.jenkins.plugins.securedeploy.engine.credentials.TokenSource tokens(Environment env, String id) {
        List<AudienceRule> audiences = env.credentials().map(c -> List.of(AudienceRule.of(c.audience())))
                .orElse(List.of());
        IssuerKeys keys = KeyRotation.rotate(IssuerKeys.empty(), RotationPolicy.defaults(), SigningAlgorithm.ES256,
                clock.instant()).keys();
        IssuerSettings settings = IssuerSettings.of("http://localhost/secure-deploy", audiences, List.of());
        return new IdTokenIssuer(settings, () -> keys, clock).forBuild(new BuildClaims(
                o.artifact.getFileName().toString(), id, "", "", actor(), env.name(), ""));
    }

    private SecretValue key() throws IOException {
        if (o.keyFile != null) {
            return SecretValue.of(Files.readString(o.keyFile, StandardCharsets.UTF_8));
        }
        String value = environment.get(o.keyEnv);
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException(Problem.of("secret.missing", "environment variable is not set or empty",
                    Location.ofFile("$" + o.keyEnv)));
        }
        return SecretValue.of(value);
    }

    private String actor() {
        String a = o.actor != null ? o.actor : environment.getOrDefault("USER", "");
        return a.isBlank() ? "system" : a;
    }

    private String deploymentId() {
        String raw = o.id != null ? o.id : environment.getOrDefault("BUILD_TAG", environment.getOrDefault(
                "GITHUB_RUN_ID", "d-" + UUID.randomUUID().toString().substring(0, 8)));
        String clean = raw.replaceAll("[^A-Za-z0-9._:#@+=-]", "-");
        return clean.isEmpty() || !Character.isLetterOrDigit(clean.charAt(0)) ? "d-" + clean : clean;
    }

    private static String display(Path p) {
        return p.toString().replace('\\', '/');
    }
}
