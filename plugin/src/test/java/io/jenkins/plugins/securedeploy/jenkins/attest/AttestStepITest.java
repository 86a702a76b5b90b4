package io.jenkins.plugins.securedeploy.jenkins.attest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.securedeploy.engine.core.Hashing;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.SignFixtures;
import io.jenkins.plugins.securedeploy.engine.sign.TrustMaterial;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationPolicy;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationRequest;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationResult;
import io.jenkins.plugins.securedeploy.engine.sign.dsse.DsseVerifier;
import io.jenkins.plugins.securedeploy.engine.testing.SecretCanary;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** attest: envelopes archived with the build verify with the signer's public key and bind the artifact's digest. */
@WithJenkins
class AttestStepITest {
    @Test
    void shouldArchiveSignedProvenanceAndScanStatementsAboutTheArtifact(JenkinsRule r) throws Exception {
        String pem = new String(SignFixtures.resource("keys/test-p256.TESTKEY-private.pem"), StandardCharsets.US_ASCII);
        CredentialsProvider.lookupStores(r.jenkins).iterator().next().addCredentials(Domain.global(),
                new StringCredentialsImpl(CredentialsScope.GLOBAL, "signing-key", "", Secret.fromString(pem)));
        WorkflowJob p = r.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition("node { writeFile file: 'app.bin', text: 'release 1.0'\n"
                + "runScanners tools: ['secure-deploy-secrets']\nsecurityGate()\n"
                + "echo \"archived ${attest(artifacts: ['app.bin'], scan: true, keyCredentialsId: 'signing-key')}\" }",
                true));
        WorkflowRun b = r.buildAndAssertSuccess(p);
        r.assertLogContains("secure-deploy/attest/provenance.intoto.json", b);
        for (String kind : new String[] {"provenance", "scan"}) {
            byte[] envelope;
            try (InputStream in = b.getArtifactManager().root().child("secure-deploy/attest/" + kind
                    + ".intoto.json").open()) {
                envelope = in.readAllBytes();
            }
            VerificationResult v = new DsseVerifier().verify(VerificationRequest.of(new EvidenceFile(kind, envelope),
                    null, TrustMaterial.ofPublicKeys(new EvidenceFile("k", SignFixtures.resource(
                            "keys/test-p256.pub.pem"))), VerificationPolicy.STRICT.withoutArtifact()
                            .withExpectedDigests(Hashing.bytes("release 1.0".getBytes(StandardCharsets.UTF_8)))));
            assertTrue(v.isVerified(), v.headline());
        }
        SecretCanary.of(pem.strip()).assertAbsentFromDirectory(b.getRootDir().toPath());
    }

    @Test
    void shouldFailWithoutAKeyAndWithoutAGateForScan(JenkinsRule r) throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition("node { writeFile file: 'app.bin', text: 'x'\n"
                + "attest artifacts: ['app.bin'] }", true));
        r.assertLogContains("attest needs keyCredentialsId", r.buildAndAssertStatus(Result.FAILURE, p));
    }
}
