package io.jenkins.plugins.securedeploy.jenkins.approval;

import hudson.model.Run;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalLedger;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalService;
import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.core.SecureDeployException;
import io.jenkins.plugins.securedeploy.engine.sign.keys.PemKeys;
import io.jenkins.plugins.securedeploy.jenkins.facade.GlobalConfigurationFacade;
import io.jenkins.plugins.securedeploy.jenkins.host.CredentialsSecretStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The signed approval evidence of a decided request: the engine's approval statement about the artifact, in a DSSE
 * envelope signed with the admin's evidence key. Empty (and the page says "unsigned") when no key is configured; a
 * configured key that cannot be used is recorded as the reason instead, never a silent pass.
 */
final class ApprovalEvidenceSigner {
    private ApprovalEvidenceSigner() {}

    static String envelope(Run<?, ?> run, ApprovalService service, ApprovalLedger ledger, String subjectName) {
        String keyId = new GlobalConfigurationFacade().getApprovals().getEvidenceKeyCredentialsId();
        if (keyId.isEmpty() || ledger.decision().isEmpty()) {
            return "";
        }
        try {
            Optional<SecretValue> pem = new CredentialsSecretStore(run).lookup(keyId);
            if (pem.isEmpty()) {
                return "unsigned: the evidence key credential is not available to this build";
            }
            byte[] envelope = service.evidence(ledger.decision().get(), subjectName,
                    List.of(PemKeys.signer(pem.get(), Optional.empty(), "the evidence key credential")));
            return new String(envelope, StandardCharsets.UTF_8);
        } catch (SecureDeployException e) {
            return "unsigned: " + e.getMessage();
        }
    }
}
