package io.jenkins.plugins.securedeploy.engine.deploy;

import io.jenkins.plugins.securedeploy.engine.approval.ApprovalLedger;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalLedgerWriter;
import io.jenkins.plugins.securedeploy.engine.attest.AttestationService;
import io.jenkins.plugins.securedeploy.engine.attest.Subject;
import io.jenkins.plugins.securedeploy.engine.audit.AuditRef;
import io.jenkins.plugins.securedeploy.engine.bundle.BundleTarget;
import io.jenkins.plugins.securedeploy.engine.bundle.BundleWriter;
import io.jenkins.plugins.securedeploy.engine.bundle.EvidenceBundle;
import io.jenkins.plugins.securedeploy.engine.bundle.WrittenBundle;
import io.jenkins.plugins.securedeploy.engine.core.ArtifactRef;
import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import io.jenkins.plugins.securedeploy.engine.credentials.RevocationReport;
import io.jenkins.plugins.securedeploy.engine.gate.GateService;
import io.jenkins.plugins.securedeploy.engine.mask.SecretMasker;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.TrustMaterial;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Attest and record: signed provenance (and, when the gate ran in this process, the scan statement) about the
 * artifact, then one evidence bundle per deployment — gate report, attestations, approval ledger, revocation
 * records, the deployment's audit excerpt and the signer's key — as a directory and a {@code .tar.gz}.
 */
final class RecordPhase {
    private RecordPhase() {}

    /** The deployment's evidence folder in the host's store. */
    static String folder(DeploymentState state) {
        return "deployments/" + state.id();
    }

    static Map<String, byte[]> attest(DeploymentState state, DeploymentRequest r, DeploymentServices s,
            Map<String, byte[]> gateFiles) throws IOException {
        EnumSet<AttestationService.Kind> kinds = EnumSet.of(AttestationService.Kind.PROVENANCE);
        byte[] json = gateFiles.get(GateService.JSON);
        if (json != null) {
            kinds.add(AttestationService.Kind.SCAN);
        }
        Map<AttestationService.Kind, byte[]> envelopes = s.attestations().attest(new AttestationService.Request(
                List.of(Subject.of(state.artifactName(), DigestSet.of(state.artifactDigest()))), kinds, r.context(),
                Optional.empty(), Optional.ofNullable(json).map(j -> new EvidenceFile(GateService.JSON, j)),
                Optional.empty()), List.of(s.signer()));
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (Map.Entry<AttestationService.Kind, byte[]> e : envelopes.entrySet()) {
            String name = e.getKey().name().toLowerCase(java.util.Locale.ROOT) + ".intoto.json";
            s.evidence().store(folder(state) + "/attestations/" + name, "application/vnd.in-toto+json", e.getValue());
            out.put(name, e.getValue());
        }
        return out;
    }

    static WrittenBundle bundle(DeploymentState state, DeploymentServices s, SecretMasker masker, long size, Map<String, byte[]> gateFiles,
            Map<String, byte[]> attestations, RevocationReport revocations) throws IOException {
        EvidenceBundle.Builder b = EvidenceBundle.builder(state.id(), state.environment(), new ArtifactRef(
                state.artifactName(), DigestSet.of(state.artifactDigest()), size), s.clock().instant());
        if (!gateFiles.isEmpty()) {
            b.gateReport(gateFiles);
        }
        attestations.forEach(b::attestation);
        Optional<ApprovalLedger> ledger = s.approvals().load(ApprovalPhase.ledgerId(state));
        if (ledger.isPresent()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new ApprovalLedgerWriter().write(ledger.get(), out);
            b.approval("approval-ledger.json", out.toByteArray());
        }
        if (revocations != null) {
            b.revocations(revocations);
        }
        b.audit("audit-excerpt.jsonl", excerpt(s.audit().file(), state.id()));
        b.trust(TrustMaterial.ofPublicKeys(new EvidenceFile("trust/deploy-signer.pem",
                s.signer().publicKeyPem().getBytes(StandardCharsets.US_ASCII))));
        return new BundleWriter(s.signer(), masker).write(b.build(), BundleTarget.in(s.evidence(),
                folder(state) + "/bundle"));
    }

    /** The audit log from this deployment's first entry to the end: one unbroken piece of the chain. */
    static byte[] excerpt(Path log, String deploymentId) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        String needle = "{\"" + AuditRef.Kind.BUILD.id() + "\":\"" + deploymentId + "\"}";
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            if (out.isEmpty() && !line.contains(needle)) {
                continue;
            }
            out.add(line);
        }
        return (String.join("\n", out) + (out.isEmpty() ? "" : "\n")).getBytes(StandardCharsets.UTF_8);
    }
}
