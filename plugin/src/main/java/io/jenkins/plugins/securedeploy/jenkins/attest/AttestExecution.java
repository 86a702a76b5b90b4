package io.jenkins.plugins.securedeploy.jenkins.attest;

import hudson.AbortException;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.securedeploy.engine.attest.AttestationService;
import io.jenkins.plugins.securedeploy.engine.attest.ResourceDescriptor;
import io.jenkins.plugins.securedeploy.engine.attest.Subject;
import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.core.SecureDeployException;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.keys.KeySigner;
import io.jenkins.plugins.securedeploy.engine.sign.keys.PemKeys;
import io.jenkins.plugins.securedeploy.jenkins.facade.GlobalConfigurationFacade;
import io.jenkins.plugins.securedeploy.jenkins.facade.JenkinsFacade;
import io.jenkins.plugins.securedeploy.jenkins.host.AgentWorkspace;
import io.jenkins.plugins.securedeploy.jenkins.host.ArtifactEvidenceStore;
import io.jenkins.plugins.securedeploy.jenkins.host.CredentialsSecretStore;
import io.jenkins.plugins.securedeploy.jenkins.host.HashFilesTask;
import io.jenkins.plugins.securedeploy.jenkins.host.ListenerConsole;
import io.jenkins.plugins.securedeploy.jenkins.host.RunBuildContext;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Hashes the artifacts (and SBOM, policy) on the agent, reads this build's archived gate report for a scan
 * statement, loads the signing key from the credential on the controller (the key never goes to an agent), calls the
 * engine's {@link AttestationService}, and archives each envelope with a fingerprint.
 */
class AttestExecution extends SynchronousNonBlockingStepExecution<List<String>> {
    private static final long serialVersionUID = 1L;
    /** Where the security gate archives its report (see SecurityGateExecution). */
    static final String GATE_REPORT = ArtifactEvidenceStore.ARCHIVE_FOLDER + "/gate/gate-report.json";

    private final transient AttestStep step;

    AttestExecution(StepContext context, AttestStep step) {
        super(context);
        this.step = step;
    }

    @Override
    protected List<String> run() throws Exception {
        Run<?, ?> run = getContext().get(Run.class);
        TaskListener listener = getContext().get(TaskListener.class);
        FilePath workspace = getContext().get(FilePath.class);
        JenkinsFacade jenkins = new JenkinsFacade();
        if (step.getArtifacts().isEmpty() || (!step.isProvenance() && !step.isScan())) {
            throw new AbortException("attest needs artifacts: [...] and provenance and/or scan");
        }
        String keyId = step.getKeyCredentialsId().isEmpty()
                ? new GlobalConfigurationFacade().getApprovals().getEvidenceKeyCredentialsId()
                : step.getKeyCredentialsId();
        try {
            KeySigner signer = signer(run, keyId);
            AgentWorkspace agent = new AgentWorkspace(workspace);
            Map<String, String> subjects = agent.act(new HashFilesTask(step.getArtifacts(), "attest artifacts"));
            Set<AttestationService.Kind> kinds = EnumSet.noneOf(AttestationService.Kind.class);
            if (step.isProvenance()) {
                kinds.add(AttestationService.Kind.PROVENANCE);
            }
            if (step.isScan()) {
                kinds.add(AttestationService.Kind.SCAN);
            }
            AttestationService.Request request = new AttestationService.Request(subjects(subjects), kinds,
                    RunBuildContext.of(run, getContext().get(hudson.EnvVars.class), jenkins),
                    descriptor(agent, step.getSbom(), ResourceDescriptor.CYCLONEDX_JSON),
                    step.isScan() ? Optional.of(gateReport(run)) : Optional.empty(),
                    descriptor(agent, step.getPolicy(), ""));
            Map<AttestationService.Kind, byte[]> envelopes = new AttestationService(Clock.systemUTC())
                    .attest(request, List.of(signer));
            ArtifactEvidenceStore store = new ArtifactEvidenceStore(run, workspace, getContext().get(Launcher.class),
                    listener, jenkins);
            List<String> archived = new ArrayList<>();
            for (Map.Entry<AttestationService.Kind, byte[]> e : envelopes.entrySet()) {
                String name = "attest/" + e.getKey().name().toLowerCase(Locale.ROOT) + ".intoto.json";
                archived.add(store.store(name, "application/vnd.dsse.envelope.v1+json", e.getValue()).name());
            }
            new ListenerConsole(listener).info("attested " + subjects.size() + " artifact(s), signed by "
                    + signer.keyId() + ": " + String.join(", ", archived));
            return archived;
        } catch (SecureDeployException e) {
            throw new AbortException("attest: " + e.getMessage());
        }
    }

    private static KeySigner signer(Run<?, ?> run, String keyId) throws AbortException {
        if (keyId.isEmpty()) {
            throw new AbortException("attest needs keyCredentialsId (a \"Secret text\" credential holding a PEM "
                    + "private key) or the admin's evidence key (Manage Jenkins » Security » Secure Deploy approvals)");
        }
        SecretValue pem = new CredentialsSecretStore(run).requireAll(List.of(keyId), "attest keyCredentialsId")
                .get(0);
        return PemKeys.signer(pem, Optional.empty(), "the attest signing key credential");
    }

    private static List<Subject> subjects(Map<String, String> hashed) {
        List<Subject> out = new ArrayList<>();
        hashed.forEach((name, digest) -> out.add(Subject.of(name, DigestSet.of(Digest.parse(digest)))));
        return out;
    }

    private static Optional<ResourceDescriptor> descriptor(AgentWorkspace agent, String path, String mediaType)
            throws Exception {
        if (path.isEmpty()) {
            return Optional.empty();
        }
        LinkedHashMap<String, String> d = agent.act(new HashFilesTask(List.of(path), path));
        Map.Entry<String, String> e = d.entrySet().iterator().next();
        return Optional.of(ResourceDescriptor.of(e.getKey(), DigestSet.of(Digest.parse(e.getValue())), mediaType));
    }

    private static EvidenceFile gateReport(Run<?, ?> run) throws AbortException {
        try (InputStream in = run.getArtifactManager().root().child(GATE_REPORT).open()) {
            return new EvidenceFile(GATE_REPORT, in.readAllBytes());
        } catch (java.io.IOException e) {
            throw new AbortException("attest scan: this build has no gate report (" + GATE_REPORT + "); run "
                    + "securityGate before attest");
        }
    }
}
