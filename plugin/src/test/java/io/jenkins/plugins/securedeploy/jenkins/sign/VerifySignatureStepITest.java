package io.jenkins.plugins.securedeploy.jenkins.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hudson.ExtensionList;
import hudson.FilePath;
import hudson.model.Result;
import io.jenkins.plugins.securedeploy.engine.sign.SignFixtures;
import io.jenkins.plugins.securedeploy.jenkins.config.TrustConfig;
import io.jenkins.plugins.securedeploy.jenkins.config.VerificationConfiguration;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * verifySignature in real Pipelines: the engine's DSSE fixture (signed with the engine test key) verifies against
 * the admin's trusted key; a changed artifact, an untrusted key and a refused relaxation fail the build.
 */
@WithJenkins
class VerifySignatureStepITest {
    private static final String SCRIPT = "node { def r = verifySignature evidence: 'app.intoto.json', artifact: "
            + "'app.bin'\necho \"status=${r.status} family=${r.family}\" }";

    private static WorkflowJob job(JenkinsRule r, String script, byte[] artifact) throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(script, true));
        FilePath ws = r.jenkins.getWorkspaceFor(p);
        ws.child("app.bin").write(new String(artifact, StandardCharsets.UTF_8), "UTF-8");
        ws.child("app.intoto.json").write(new String(SignFixtures.dsseEnvelope(), StandardCharsets.UTF_8), "UTF-8");
        return p;
    }

    private static void trust(String resource) {
        ExtensionList.lookupSingleton(VerificationConfiguration.class).setTrust(List.of(new TrustConfig(
                "release-key", "publicKey", new String(SignFixtures.resource(resource), StandardCharsets.US_ASCII))));
    }

    @Test
    void shouldVerifyAgainstTheAdminsTrustAndRecordTheResult(JenkinsRule r) throws Exception {
        trust("keys/test-p256.pub.pem");
        WorkflowRun b = r.buildAndAssertSuccess(job(r, SCRIPT, SignFixtures.ARTIFACT));
        r.assertLogContains("status=VERIFIED family=dsse", b);
        JSONObject api = r.getJSON(b.getUrl() + "api/json?tree=actions[verifications[status,family,signers]]")
                .getJSONObject();
        assertEquals("VERIFIED", api.getJSONArray("actions").stream().filter(a -> ((JSONObject) a)
                .has("verifications")).map(a -> ((JSONObject) a).getJSONArray("verifications").getJSONObject(0)
                .getString("status")).findFirst().orElseThrow());
    }

    @Test
    void shouldFailOnAChangedArtifactAndOnAnUntrustedKey(JenkinsRule r) throws Exception {
        trust("keys/test-p256.pub.pem");
        WorkflowRun changed = r.buildAndAssertStatus(Result.FAILURE, job(r, SCRIPT,
                "tampered\n".getBytes(StandardCharsets.UTF_8)));
        r.assertLogContains("Signature FAILED", changed);
        trust("keys/other-p256.pub.pem");
        WorkflowRun untrusted = r.buildAndAssertStatus(Result.FAILURE, job(r, SCRIPT, SignFixtures.ARTIFACT));
        r.assertLogNotContains("status=VERIFIED", untrusted);
    }

    @Test
    void shouldRefuseARelaxationTheAdminDoesNotAllow(JenkinsRule r) throws Exception {
        trust("keys/test-p256.pub.pem");
        WorkflowRun b = r.buildAndAssertStatus(Result.FAILURE, job(r, "node { verifySignature evidence: "
                + "'app.intoto.json', noArtifact: true }", SignFixtures.ARTIFACT));
        r.assertLogContains("noArtifact is a relaxation the admin does not allow", b);
        ExtensionList.lookupSingleton(VerificationConfiguration.class).setAllowNoArtifact(true);
        WorkflowRun allowed = r.buildAndAssertSuccess(job(r, "node { verifySignature evidence: "
                + "'app.intoto.json', noArtifact: true }", SignFixtures.ARTIFACT));
        r.assertLogContains("relaxed: the artifact is not checked", allowed);
    }

    @Test
    void shouldFailClosedOnMissingEvidence(JenkinsRule r) throws Exception {
        trust("keys/test-p256.pub.pem");
        WorkflowRun b = r.buildAndAssertStatus(Result.FAILURE, job(r, "node { verifySignature evidence: "
                + "'missing.json', artifact: 'app.bin' }", SignFixtures.ARTIFACT));
        r.assertLogContains("Signature ERROR", b);
        r.assertLogContains("missing.json", b);
    }

    @Test
    void shouldRoundTripTheStepWithItsKeyIdList(JenkinsRule r) throws Exception {
        VerifySignatureStep step = new VerifySignatureStep("app.intoto.json");
        step.setArtifact("app.bin");
        step.setAllowedKeyIds(List.of("k1", "k2"));
        r.assertEqualDataBoundBeans(step, new StepConfigTester(r).configRoundTrip(step));
        new SnippetizerTester(r).assertRoundTrip(step,
                "verifySignature allowedKeyIds: ['k1', 'k2'], artifact: 'app.bin', evidence: 'app.intoto.json'");
        new SnippetizerTester(r).assertGenerateSnippet("{'stapler-class':'" + VerifySignatureStep.class.getName()
                + "','evidence':'e.json','allowedKeyIdsText':'k1\\nk2'}",
                "verifySignature allowedKeyIds: ['k1', 'k2'], evidence: 'e.json'", null);
    }
}
