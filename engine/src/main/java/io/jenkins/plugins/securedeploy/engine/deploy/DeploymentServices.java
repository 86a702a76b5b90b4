package io.jenkins.plugins.securedeploy.engine.deploy;

import io.jenkins.plugins.securedeploy.engine.attest.AttestationService;
import io.jenkins.plugins.securedeploy.engine.audit.AuditLog;
import io.jenkins.plugins.securedeploy.engine.credentials.CredentialBroker;
import io.jenkins.plugins.securedeploy.engine.gate.GateService;
import io.jenkins.plugins.securedeploy.engine.host.EvidenceStore;
import io.jenkins.plugins.securedeploy.engine.mask.SecretMasker;
import io.jenkins.plugins.securedeploy.engine.sign.Signer;
import io.jenkins.plugins.securedeploy.engine.sign.registry.VerificationService;
import java.time.Clock;
import java.util.Objects;

/**
 * The engine services and host ports one deployment uses: the verifier families, the gate, the credential broker
 * (registering every credential with {@code masker}), attestations and the evidence bundle signed by
 * {@code signer}, the audit log, the evidence store (a deployment's files go under {@code deployments/<id>/}) and
 * the approval store. {@code masker} masks every reason the flow keeps or records.
 */
public record DeploymentServices(Clock clock, SecretMasker masker, VerificationService verifier, GateService gate,
        CredentialBroker broker, AttestationService attestations, Signer signer, AuditLog audit,
        EvidenceStore evidence, ApprovalStore approvals) {
    public DeploymentServices {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(masker, "masker");
        Objects.requireNonNull(verifier, "verifier");
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(attestations, "attestations");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(approvals, "approvals");
    }
}
