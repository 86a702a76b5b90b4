package io.jenkins.plugins.securedeploy.jenkins.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.ExtensionList;
import hudson.FilePath;
import hudson.model.Cause;
import hudson.model.CauseAction;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.securedeploy.engine.audit.AuditVerifier;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentState;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentStateReader;
import io.jenkins.plugins.securedeploy.engine.deploy.Phase;
import io.jenkins.plugins.securedeploy.engine.deploy.PhaseStatus;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.SignFixtures;
import io.jenkins.plugins.securedeploy.engine.sign.keys.PemKeys;
import io.jenkins.plugins.securedeploy.engine.testing.SecretCanary;
import io.jenkins.plugins.securedeploy.jenkins.approval.ApprovalTestSupport;
import io.jenkins.plugins.securedeploy.jenkins.approval.ApprovalView;
import io.jenkins.plugins.securedeploy.jenkins.config.AudienceConfig;
import io.jenkins.plugins.securedeploy.jenkins.config.IssuerConfiguration;
import io.jenkins.plugins.securedeploy.jenkins.config.SecureDeployConfiguration;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jenkins.util.VirtualFile;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * secureDeploy drives the engine's phase machine from a Pipeline: the deploy command gets a masked short-lived token
 * and runs once, the outcome and every phase go into the job's signed deployment log (intact, verifiable with the
 * evidence key), a promotion that has not passed its required environment fails before any credential, and an
 * environment with an approval rule waits for it on the build's Approvals page: the submitter's vote is refused, an
 * eligible approval deploys, a rejection or the timeout fails closed with nothing issued and nothing deployed.
 */
@WithJenkins
class SecureDeployStepITest {
    static final String POLICY = "version: 1\n"
            + "environments:\n"
            + "  staging:\n"
            + "    credentials: {provider: local, audience: deploy-staging, variable: DEPLOY_TOKEN}\n"
            + "  prod:\n"
            + "    requires: staging\n"
            + "    credentials: {provider: local, audience: deploy-prod, variable: DEPLOY_TOKEN}\n"
            + "    approval: {required: 1, approvers: [alice, bob], timeout: PT1H}\n"
            + "  qa:\n"
            + "    requires: staging\n";

    static String pem() throws Exception {
        return new String(SignFixtures.resource("keys/test-p256.TESTKEY-private.pem"), StandardCharsets.US_ASCII);
    }

    static WorkflowJob job(JenkinsRule r, String deploys) throws Exception {
        return job(r, POLICY, deploys);
    }

    /** The evidence key, the issuer (audiences deploy-staging and deploy-prod) and a job writing {@code policy}. */
    static WorkflowJob job(JenkinsRule r, String policy, String deploys) throws Exception {
        configure(r);
        WorkflowJob p = r.createProject(WorkflowJob.class, "app");
        p.setDefinition(new CpsFlowDefinition("node {\n"
                + "writeFile file: '.secure-deploy.yml', text: '''" + policy + "'''\n"
                + "writeFile file: 'app.bin', text: 'release 1.0'\n"
                + deploys + "}", true));
        return p;
    }

    /** What the tests need around the job (idempotent: the restart test applies it again after the restart). */
    static void configure(JenkinsRule r) throws Exception {
        ApprovalTestSupport.security(r);
        CredentialsProvider.lookupStores(r.jenkins).iterator().next().addCredentials(Domain.global(),
                new StringCredentialsImpl(CredentialsScope.GLOBAL, "evidence-key", "", Secret.fromString(pem())));
        IssuerConfiguration c = ExtensionList.lookupSingleton(IssuerConfiguration.class);
        c.setIssuerUrl(r.getURL().toString() + IssuerConfiguration.URL_NAME); // http on localhost: tests only
        c.setAudiences(List.of(new AudienceConfig("deploy-staging"), new AudienceConfig("deploy-prod")));
    }

    /** One deployment; its result in a variable of its own (Groovy refuses a second {@code def d} in one scope). */
    static String deploy(String env) {
        String d = "deployed_" + env;
        return "def " + d + " = secureDeployCommand(environment: '" + env + "', artifact: 'app.bin', keyCredentialsId: "
                + "'evidence-key', command: 'printf %s \"$DEPLOY_TOKEN\" > token-" + env + ".txt; echo \"token "
                + "$DEPLOY_TOKEN\"; echo ran-" + env + "')\necho \"deployed ${" + d + ".status} ${" + d
                + ".digest}\"\n";
    }

    @Test
    void shouldDeployWithAMaskedTokenAndRecordItInTheJobsSignedDeploymentLog(JenkinsRule r) throws Exception {
        WorkflowRun b = r.buildAndAssertSuccess(job(r, deploy("staging")));
        r.assertLogContains("ran-staging", b);
        r.assertLogContains("token ****", b);
        r.assertLogContains("to staging SUCCEEDED", b);
        r.assertLogContains("deployed SUCCEEDED sha256:", b);
        FilePath ws = r.jenkins.getWorkspaceFor(b.getParent());
        String token = ws.child("token-staging.txt").readToString();
        assertTrue(token.startsWith("eyJ"), "the command got the ID token");
        SecretCanary.of(token).assertAbsentFromDirectory(b.getRootDir().toPath());
        SecretCanary.of(pem().strip()).assertAbsentFromDirectory(b.getRootDir().toPath());
        try (InputStream in = b.getArtifactManager().root().child("secure-deploy/deployments/build-1-staging/"
                + "state.json").open()) {
            assertTrue(new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("DONE"));
        }
        File log = new File(b.getParent().getRootDir(), SecureDeployExecution.DEPLOYMENT_LOG);
        AuditVerifier verifier = new AuditVerifier(List.copyOf(PemKeys.publicKeys(new EvidenceFile("pub",
                SignFixtures.resource("keys/test-p256.pub.pem")))));
        assertTrue(verifier.verify(log.toPath()).isIntact(), "the deployment log verifies with the evidence key");
    }

    @Test
    void shouldRefuseAnEnvironmentWhoseRequiredEnvironmentWasNotDeployedFirst(JenkinsRule r) throws Exception {
        WorkflowRun b = r.buildAndAssertStatus(Result.FAILURE, job(r, deploy("qa")));
        r.assertLogContains("to qa FAILED", b);
        r.assertLogNotContains("ran-qa", b);
    }

    /** Starts staging then prod as {@code submitter}; returns the build once prod waits for its approval. */
    static WorkflowRun startProd(JenkinsRule r, String policy, String submitter) throws Exception {
        WorkflowJob p = job(r, policy, deploy("staging") + deploy("prod"));
        WorkflowRun b = submitter == null ? p.scheduleBuild2(0).waitForStart()
                : p.scheduleBuild2(0, new CauseAction(new Cause.UserIdCause(submitter))).waitForStart();
        r.waitForMessage("waiting for approval build-1-prod/prod", b);
        return b;
    }

    /** The final state of the prod deployment, as archived. */
    static DeploymentState prodState(WorkflowRun b) throws Exception {
        try (InputStream in = b.getArtifactManager().root().child("secure-deploy/deployments/build-1-prod/"
                + "state.json").open()) {
            return new DeploymentStateReader().read(in.readAllBytes(), "state.json");
        }
    }

    /** The approved prod deployment: its command ran once with its own token, and the evidence has the approval. */
    static void assertDeployedToProd(JenkinsRule r, WorkflowRun b, String approver) throws Exception {
        r.assertBuildStatusSuccess(r.waitForCompletion(b));
        r.assertLogContains("ran-prod", b);
        r.assertLogContains("approve PASSED: APPROVED by " + approver, b);
        r.assertLogContains("to prod SUCCEEDED", b);
        assertEquals(2, JenkinsRule.getLog(b).split("ran-prod", -1).length, "the prod command ran once");
        String token = r.jenkins.getWorkspaceFor(b.getParent()).child("token-prod.txt").readToString();
        assertTrue(token.startsWith("eyJ"), "the prod command got its ID token after the approval");
        SecretCanary.of(token).assertAbsentFromDirectory(b.getRootDir().toPath());
        DeploymentState prod = prodState(b);
        assertTrue(prod.isDone());
        assertEquals(PhaseStatus.PASSED, prod.result(Phase.APPROVE).orElseThrow().status());
        assertEquals(PhaseStatus.PASSED, prod.result(Phase.DEPLOY).orElseThrow().status());
        assertEquals("APPROVED", ApprovalTestSupport.pending(b).getStatus());
        VirtualFile evidence = b.getArtifactManager().root().child("secure-deploy/deployments/build-1-prod");
        assertTrue(evidence.child("bundle/approval/approval-ledger.json").exists(), "the bundle has the ledger");
        assertTrue(evidence.child("attestations/scan.intoto.json").exists(),
                "the gate's evidence came back for the leg after the approval");
    }

    /** Nothing issued, nothing deployed: the prod deployment went from approve straight to record. */
    static void assertNothingDeployedToProd(JenkinsRule r, WorkflowRun b) throws Exception {
        r.assertBuildStatus(Result.FAILURE, r.waitForCompletion(b));
        r.assertLogContains("FAILED at approve", b);
        r.assertLogNotContains("ran-prod", b);
        assertFalse(r.jenkins.getWorkspaceFor(b.getParent()).child("token-prod.txt").exists());
        DeploymentState prod = prodState(b);
        assertTrue(prod.isDone());
        assertTrue(prod.issued().isEmpty(), "no credentials issued");
        assertTrue(prod.result(Phase.CREDENTIALS).isEmpty() && prod.result(Phase.DEPLOY).isEmpty());
    }

    @Test
    void shouldWaitForTheApprovalRefuseTheSubmitterAndDeployOnceAnotherApproverVotes(JenkinsRule r)
            throws Exception {
        WorkflowRun b = startProd(r, POLICY, "alice");
        r.assertLogContains("to staging SUCCEEDED", b);
        ApprovalView a = ApprovalTestSupport.pending(b);
        assertEquals("build-1-prod/prod", a.getId());
        assertEquals("PENDING", a.getStatus());
        assertTrue(a.getArtifactDigests().toString().contains("sha256:"), a.getArtifactDigests().toString());
        assertEquals(403, ApprovalTestSupport.vote(r, b, "carol", "approve", true)); // no Job/Cancel
        assertEquals(403, ApprovalTestSupport.vote(r, b, "bob", "approve", false)); // no crumb
        assertNotEquals(403, ApprovalTestSupport.vote(r, b, "alice", "approve", true)); // recorded, refused
        a = ApprovalTestSupport.pending(b);
        assertEquals("PENDING", a.getStatus());
        assertEquals("REFUSED", a.getVotes().get(0).getStatus());
        assertTrue(a.getVotes().get(0).getNote().contains("triggered"), a.getVotes().get(0).getNote());
        assertTrue(b.isBuilding());
        r.assertLogNotContains("ran-prod", b);
        assertFalse(r.jenkins.getWorkspaceFor(b.getParent()).child("token-prod.txt").exists(),
                "no credential while waiting");

        ApprovalTestSupport.vote(r, b, "bob", "approve", true);
        assertDeployedToProd(r, b, "bob");
        File log = new File(b.getParent().getRootDir(), SecureDeployExecution.DEPLOYMENT_LOG);
        AuditVerifier verifier = new AuditVerifier(List.copyOf(PemKeys.publicKeys(new EvidenceFile("pub",
                SignFixtures.resource("keys/test-p256.pub.pem")))));
        assertTrue(verifier.verify(log.toPath()).isIntact(), "both legs are in one intact deployment log");
    }

    @Test
    void shouldFailClosedOnARejection(JenkinsRule r) throws Exception {
        WorkflowRun b = startProd(r, POLICY, null);
        ApprovalTestSupport.vote(r, b, "bob", "reject", true);
        assertNothingDeployedToProd(r, b);
        r.assertLogContains("REJECTED by bob", b);
    }

    @Test
    void shouldTreatTheTimeoutAsARejection(JenkinsRule r) throws Exception {
        WorkflowRun b = startProd(r, POLICY.replace("timeout: PT1H", "timeout: PT1M"), null);
        assertNothingDeployedToProd(r, b); // about a minute
        r.assertLogContains("EXPIRED", b);
        assertEquals("EXPIRED", ApprovalTestSupport.pending(b).getStatus());
    }

    /** The admin floor requires an SBOM: the one recordSbom recorded in this build is the gate's evidence. */
    @Test
    void shouldGateOnTheSbomsRecordSbomRecorded(JenkinsRule r) throws Exception {
        ExtensionList.lookupSingleton(SecureDeployConfiguration.class).setRequireSbom(true);
        WorkflowJob p = job(r, "recordSbom ingest: 'bom.json'\n" + deploy("staging"));
        r.jenkins.getWorkspaceFor(p).child("bom.json").copyFrom(SecureDeployStepITest.class.getResource(
                "/io/jenkins/plugins/securedeploy/engine/sbom/valid/cyclonedx-1.6.json"));
        WorkflowRun b = r.buildAndAssertSuccess(p);
        r.assertLogContains("ran-staging", b);
        r.assertLogContains("to staging SUCCEEDED", b);
    }

    @Test
    void shouldStopAtTheGateWhenTheFloorRequiresAnSbomAndNoneWasRecorded(JenkinsRule r) throws Exception {
        ExtensionList.lookupSingleton(SecureDeployConfiguration.class).setRequireSbom(true);
        WorkflowRun b = r.buildAndAssertStatus(Result.FAILURE, job(r, deploy("staging")));
        r.assertLogContains("at gate:", b);
        r.assertLogNotContains("ran-staging", b);
    }

    @Test
    void shouldNameAnUndeclaredEnvironment(JenkinsRule r) throws Exception {
        WorkflowRun b = r.buildAndAssertStatus(Result.FAILURE, job(r, deploy("nowhere")));
        r.assertLogContains("environment 'nowhere' is not declared (declared: staging, prod, qa)", b);
        r.assertLogNotContains("ran-nowhere", b);
    }
}
