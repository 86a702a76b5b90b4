package io.jenkins.plugins.securedeploy.engine.deploy;

import io.jenkins.plugins.securedeploy.engine.audit.AuditAction;
import io.jenkins.plugins.securedeploy.engine.audit.AuditEvent;
import io.jenkins.plugins.securedeploy.engine.audit.AuditRef;
import io.jenkins.plugins.securedeploy.engine.bundle.WrittenBundle;
import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.core.SecurityViolationException;
import io.jenkins.plugins.securedeploy.engine.credentials.CredentialEnvironment;
import io.jenkins.plugins.securedeploy.engine.credentials.CredentialExchangeException;
import io.jenkins.plugins.securedeploy.engine.credentials.CredentialSession;
import io.jenkins.plugins.securedeploy.engine.credentials.Lease;
import io.jenkins.plugins.securedeploy.engine.credentials.RevocationReport;
import io.jenkins.plugins.securedeploy.engine.gate.ExitCode;
import io.jenkins.plugins.securedeploy.engine.gate.GateOutcome;
import io.jenkins.plugins.securedeploy.engine.mask.SecretMasker;
import io.jenkins.plugins.securedeploy.engine.policy.GateReason;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationResult;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs a deployment's phases with the engine's services — the one path a deployment's data takes: host → deploy →
 * (verify, gate, approval, credentials, body, revoke, attest, audit) → evidence store → host. Each {@link #step}
 * runs the phase the state asks for, turns whatever happens into a {@link PhaseResult} (an unexpected exception is
 * an ERROR, never a pass), masks its reason, appends it to the audit log and lets {@link SecureDeployment} decide
 * what comes next. A phase that cannot be recorded in the audit log is an ERROR. The credential session lives in
 * this object only: a host that restarts between credentials and revoke cannot revoke (the leases expire), and its
 * deploy phase is an ERROR.
 */
public final class DeploymentRunner {
    private DeploymentServices s;
    private final DeploymentRequest r;
    private final List<VerificationResult> verified = new ArrayList<>();
    private CapturingStore gateFiles;
    private Map<String, byte[]> restoredGate = Map.of();
    private GateOutcome gate;
    private CredentialSession session;
    private RevocationReport revocations;
    private Map<String, byte[]> attestations = Map.of();
    private WrittenBundle bundle;
    private SecretMasker masker;

    public DeploymentRunner(DeploymentServices services, DeploymentRequest request) {
        this.s = services;
        this.r = request;
        this.masker = services.masker();
    }

    /**
     * A new deployment of the request's artifact (hashed now), at {@link Phase#VERIFY}.
     *
     * @throws java.io.UncheckedIOException when the artifact cannot be read
     */
    public DeploymentState start(String id) {
        Digest digest = VerifyPhase.digest(r.artifact());
        return SecureDeployment.start(id, r.kind(), r.environment().name(), r.artifact().name(), digest,
                s.clock().instant());
    }

    /** Runs phases until the deployment is done or waits for an approval; {@code persist} sees every state. */
    public DeploymentState run(DeploymentState state, Consumer<DeploymentState> persist) {
        return runUntil(state, Phase.DONE, persist);
    }

    /**
     * Like {@link #run}, and also stops when the deployment reaches {@code stop} without running it: a host that
     * runs the deploy body itself (a Pipeline block, with {@link #credentials()} in its environment) stops at
     * {@link Phase#DEPLOY}, runs it, reports how it ended through a {@link HostBody}, and runs on from there.
     */
    public DeploymentState runUntil(DeploymentState state, Phase stop, Consumer<DeploymentState> persist) {
        DeploymentState current = state;
        while (!current.isDone() && current.phase() != stop) {
            current = step(current);
            persist.accept(current);
            if (!current.waiting().isEmpty()) {
                return current;
            }
        }
        return current;
    }

    /**
     * For a host that closes its services (its audit log) while the deploy body runs outside the runner: the same
     * deployment goes on with {@code services}, keeping what lives in this process — the credential session (so
     * revocation still runs), the gate's evidence and the masker that knows every issued value.
     */
    public void resumeWith(DeploymentServices services) {
        this.s = Objects.requireNonNull(services, "services");
    }

    /** Runs the phase {@code state} asks for and returns the state after it. */
    public DeploymentState step(DeploymentState state) {
        Phase phase = state.phase();
        if (phase == Phase.DONE) {
            throw new IllegalStateException("deployment " + state.id() + " is done; nothing runs after record");
        }
        PhaseResult result;
        List<String> issued = List.of();
        try {
            result = switch (phase) {
                case VERIFY -> VerifyPhase.run(state, r, s.verifier(), verified, now());
                case GATE -> gate(state);
                case APPROVE -> ApprovalPhase.run(state, r, s.approvals(), gate, s.clock());
                case CREDENTIALS -> credentials(state);
                case DEPLOY -> deploy(state);
                case REVOKE -> revoke(state);
                case ATTEST -> attest(state);
                case RECORD -> record(state);
                case DONE -> PhaseResult.error(phase, "nothing runs after record", now());
            };
            if (phase == Phase.CREDENTIALS && session != null) {
                issued = session.leases().stream().map(l -> l.provider() + ": " + l.label()).toList();
            }
        } catch (Exception | Error e) {
            result = PhaseResult.error(phase, describe(e), now());
        }
        result = new PhaseResult(result.phase(), result.status(), mask(result.reason()), result.at());
        try {
            if (phase != Phase.RECORD) { // the deployment's last entry (below) records the record phase
                s.audit().append(event(phaseAction(result), state, result.describe()));
            }
        } catch (RuntimeException e) {
            result = PhaseResult.error(phase, mask("cannot record " + result.describe() + " in the audit log: "
                    + describe(e)), now());
        }
        DeploymentState next = SecureDeployment.advance(state, result, issued);
        if (next.isDone()) {
            DeploymentOutcome outcome = DeploymentOutcome.of(next);
            s.audit().append(event(outcome.succeeded() ? AuditAction.DEPLOYMENT_SUCCEEDED
                    : AuditAction.DEPLOYMENT_FAILED, next, mask(outcome.reason())));
        }
        return next;
    }

    /** The credentials of this process's session, for hosts that run the deploy command themselves. */
    public Optional<CredentialEnvironment> credentials() {
        return Optional.ofNullable(session).map(CredentialSession::environment);
    }

    /** The gate's outcome in this process (report files, decision), if the gate ran here. */
    public Optional<GateOutcome> gateOutcome() {
        return Optional.ofNullable(gate);
    }

    /**
     * The gate's evidence files as this process stored them (masked; names relative to the deployment's
     * {@code gate/} folder, e.g. {@link io.jenkins.plugins.securedeploy.engine.gate.GateService#JSON}), or the ones
     * restored with {@link #restoreGateEvidence}; empty when the gate did not run here.
     */
    public Map<String, byte[]> gateEvidence() {
        return gateFiles != null ? gateFiles.captured() : restoredGate;
    }

    /**
     * For a host that resumes a deployment in a new runner (a vote came in, or the host restarted) after the gate ran
     * in an earlier one: the gate files the earlier runner stored ({@link #gateEvidence()}, read back from the host's
     * evidence store), so the scan attestation and the evidence bundle still carry the gate report. They are
     * evidence only: no decision is taken from them (the gate's decision is in the state's results).
     */
    public void restoreGateEvidence(Map<String, byte[]> files) {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        files.forEach((name, bytes) -> copy.put(name, bytes.clone()));
        restoredGate = Collections.unmodifiableMap(copy);
    }

    /** The evidence bundle, once recorded. */
    public Optional<WrittenBundle> bundle() {
        return Optional.ofNullable(bundle);
    }

    private PhaseResult gate(DeploymentState state) {
        gateFiles = new CapturingStore(s.evidence(), s.masker(), RecordPhase.folder(state) + "/gate");
        var facts = r.gate().facts();
        for (VerificationResult v : verified) {
            facts = facts.withSignature(v);
        }
        try {
            gate = s.gate().decide(r.gate().withFacts(facts).withFolder(RecordPhase.folder(state) + "/gate"),
                    gateFiles);
        } catch (InvalidInputException e) {
            return PhaseResult.error(Phase.GATE, String.join("; ", e.problems().stream().map(Problem::describe)
                    .toList()), now());
        }
        ExitCode code = gate.exitCode();
        List<GateReason> reasons = gate.decision().reasons();
        String why = reasons.isEmpty() ? gate.decision().headline() : reasons.get(0).describe()
                + (reasons.size() > 1 ? " (+" + (reasons.size() - 1) + " more reasons in the report)" : "");
        return switch (code) {
            case PASSED -> PhaseResult.passed(Phase.GATE, gate.decision().headline(), now());
            case FAILED -> PhaseResult.failed(Phase.GATE, why, now());
            default -> PhaseResult.error(Phase.GATE, why, now());
        };
    }

    private PhaseResult credentials(DeploymentState state) throws InterruptedException {
        if (!VerifyPhase.digest(r.artifact()).matches(state.artifactDigest())) {
            return PhaseResult.failed(Phase.CREDENTIALS, "artifact " + state.artifactName() + " changed after it "
                    + "was verified; no credentials issued", now());
        }
        if (r.exchanges().isEmpty()) {
            return PhaseResult.skipped(Phase.CREDENTIALS, state.environment() + " has no credential profile",
                    now());
        }
        try {
            session = s.broker().open(r.exchanges());
            List<SecretValue> secrets = new ArrayList<>(masker.secrets());
            session.leases().forEach(l -> secrets.addAll(l.maskedValues()));
            session.tokens().forEach(t -> secrets.add(t.value()));
            masker = SecretMasker.of(secrets); // whatever the deploy command prints about them is masked too
        } catch (CredentialExchangeException e) {
            revocations = e.cleanup();
            return PhaseResult.error(Phase.CREDENTIALS, describe(e) + "; nothing was issued", now());
        } catch (SecurityViolationException e) {
            return PhaseResult.failed(Phase.CREDENTIALS, describe(e) + "; nothing was issued", now());
        }
        return PhaseResult.passed(Phase.CREDENTIALS, "issued " + String.join(", ", session.leases().stream()
                .map(Lease::label).toList()), now());
    }

    private PhaseResult deploy(DeploymentState state) throws Exception {
        if (state.credentialsIssued() && session == null) {
            return PhaseResult.error(Phase.DEPLOY, "the credentials were issued in a process that is gone; not "
                    + "deploying without them (they expire on their own)", now());
        }
        int exit = r.body().run(session == null ? CredentialEnvironment.empty() : session.environment());
        return exit == 0 ? PhaseResult.passed(Phase.DEPLOY, "the deploy command exited 0", now())
                : PhaseResult.failed(Phase.DEPLOY, "the deploy command exited " + exit, now());
    }

    private PhaseResult revoke(DeploymentState state) {
        if (session == null) {
            return state.credentialsIssued()
                    ? PhaseResult.failed(Phase.REVOKE, "the credential session is gone with its process; its "
                            + "leases cannot be revoked here and expire on their own", now())
                    : PhaseResult.skipped(Phase.REVOKE, "no credentials were issued", now());
        }
        revocations = session.revokeAll();
        if (revocations.hasFailures()) {
            return PhaseResult.failed(Phase.REVOKE, String.join("; ", revocations.failures().stream()
                    .map(f -> f.describe()).toList()), now());
        }
        return PhaseResult.passed(Phase.REVOKE, revocations.records().size() + " credential(s) revoked or "
                + "expiring: " + String.join("; ", revocations.records().stream().map(f -> f.describe()).toList()),
                now());
    }

    private PhaseResult attest(DeploymentState state) throws IOException {
        attestations = RecordPhase.attest(state, r, s, gateEvidence());
        return PhaseResult.passed(Phase.ATTEST, "signed " + String.join(", ", attestations.keySet()) + " with "
                + s.signer().keyId(), now());
    }

    private PhaseResult record(DeploymentState state) throws IOException {
        bundle = RecordPhase.bundle(state, s, masker, size(), gateEvidence(), attestations, revocations);
        return PhaseResult.passed(Phase.RECORD, "evidence bundle " + RecordPhase.folder(state) + "/bundle ("
                + bundle.files().size() + " files, manifest " + bundle.manifestDigest() + ")", now());
    }

    private long size() throws IOException {
        try (var in = r.artifact().open()) {
            return in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    private AuditEvent event(AuditAction action, DeploymentState state, String note) {
        return AuditEvent.of(action, actor(), note, AuditRef.artifact(state.artifactDigest()),
                AuditRef.of(AuditRef.Kind.TARGET, state.environment()), AuditRef.build(state.id()));
    }

    private String actor() {
        return r.actor().isBlank() ? AuditEvent.SYSTEM : r.actor().replaceAll("[\\s\\p{Cntrl}]", "_");
    }

    private static AuditAction phaseAction(PhaseResult result) {
        return switch (result.phase()) {
            case VERIFY -> AuditAction.SIGNATURE_VERIFIED;
            case GATE -> AuditAction.GATE_DECIDED;
            case APPROVE -> result.status() == PhaseStatus.PENDING ? AuditAction.APPROVAL_REQUESTED
                    : AuditAction.APPROVAL_DECIDED;
            case CREDENTIALS -> AuditAction.CREDENTIAL_ISSUED;
            case DEPLOY -> AuditAction.DEPLOYMENT_RUN;
            case REVOKE -> AuditAction.CREDENTIAL_REVOKED;
            case ATTEST -> AuditAction.ATTESTATION_SIGNED;
            case RECORD, DONE -> result.status().goesOn() ? AuditAction.DEPLOYMENT_SUCCEEDED
                    : AuditAction.DEPLOYMENT_FAILED;
        };
    }

    private String mask(String text) {
        return masker.isEmpty() ? text : masker.mask(text);
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private Instant now() {
        return s.clock().instant();
    }
}
