package io.jenkins.plugins.securedeploy.jenkins.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Result;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentState;
import io.jenkins.plugins.securedeploy.engine.deploy.DeploymentStateReader;
import io.jenkins.plugins.securedeploy.engine.deploy.Phase;
import io.jenkins.plugins.securedeploy.engine.deploy.PhaseStatus;
import io.jenkins.plugins.securedeploy.engine.testing.SecretCanary;
import io.jenkins.plugins.securedeploy.jenkins.approval.ApprovalTestSupport;
import java.io.InputStream;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * secureDeploy: the block is the deploy body. Its credentials exist only inside it (masked in its log, gone
 * after it), revoke, attest and record run after it whether it passed, failed or was aborted, and an environment
 * with an approval rule waits before the block runs.
 */
@WithJenkins
class WithSecureDeployStepITest {
    private static String block(String env, String body) {
        return "def deployed_" + env + " = secureDeploy(environment: '" + env + "', artifact: 'app.bin', "
                + "keyCredentialsId: 'evidence-key') {\n" + body + "\n}\necho \"deployed ${deployed_" + env
                + ".status}\"\n";
    }

    private static final String TOKEN_BODY = "sh 'printf %s \"$DEPLOY_TOKEN\" > token-block.txt; echo \"token "
            + "$DEPLOY_TOKEN\"; echo ran-block'";

    private static DeploymentState state(WorkflowRun b, String id) throws Exception {
        try (InputStream in = b.getArtifactManager().root().child("secure-deploy/deployments/" + id
                + "/state.json").open()) {
            return new DeploymentStateReader().read(in.readAllBytes(), "state.json");
        }
    }

    @Test
    void shouldRunTheBlockWithMaskedCredentialsThatExistOnlyInsideIt(JenkinsRule r) throws Exception {
        WorkflowRun b = r.buildAndAssertSuccess(SecureDeployStepITest.job(r, block("staging", TOKEN_BODY)
                + "sh 'echo \"after [$DEPLOY_TOKEN]\"'\n"));
        r.assertLogContains("credentials for the body: DEPLOY_TOKEN", b);
        r.assertLogContains("ran-block", b);
        r.assertLogContains("token ****", b);
        r.assertLogContains("after []", b);
        r.assertLogContains("revoke PASSED", b);
        r.assertLogContains("to staging SUCCEEDED", b);
        r.assertLogContains("deployed SUCCEEDED", b);
        String token = r.jenkins.getWorkspaceFor(b.getParent()).child("token-block.txt").readToString();
        assertTrue(token.startsWith("eyJ"), "the block got the ID token");
        SecretCanary.of(token).assertAbsentFromDirectory(b.getRootDir().toPath());
        DeploymentState s = state(b, "build-1-staging");
        assertTrue(s.isDone());
        assertEquals(PhaseStatus.PASSED, s.result(Phase.DEPLOY).orElseThrow().status());
        assertEquals(PhaseStatus.PASSED, s.result(Phase.REVOKE).orElseThrow().status());
    }

    @Test
    void shouldRevokeAndRecordWhenTheBlockFails(JenkinsRule r) throws Exception {
        WorkflowRun b = r.buildAndAssertStatus(Result.FAILURE, SecureDeployStepITest.job(r, block("staging",
                "sh 'echo ran-block; exit 3'")));
        r.assertLogContains("ran-block", b);
        r.assertLogContains("FAILED at deploy", b);
        r.assertLogContains("revoke PASSED", b);
        DeploymentState s = state(b, "build-1-staging");
        assertTrue(s.isDone());
        assertEquals(PhaseStatus.FAILED, s.result(Phase.DEPLOY).orElseThrow().status());
        assertEquals(PhaseStatus.PASSED, s.result(Phase.REVOKE).orElseThrow().status());
    }

    @Test
    void shouldRevokeAndRecordWhenTheBuildIsAbortedInTheBlock(JenkinsRule r) throws Exception {
        WorkflowRun b = SecureDeployStepITest.job(r, block("staging", "sh 'echo ran-block; sleep 600'"))
                .scheduleBuild2(0).waitForStart();
        r.waitForMessage("ran-block", b);
        try (ACLContext ctx = ACL.as2(ACL.SYSTEM2)) {
            b.doStop();
        }
        r.assertBuildStatus(Result.ABORTED, r.waitForCompletion(b));
        r.assertLogContains("revoke PASSED", b);
        assertTrue(state(b, "build-1-staging").isDone(), "the deployment was recorded after the abort");
    }

    @Test
    void shouldWaitForTheApprovalBeforeTheBlockRuns(JenkinsRule r) throws Exception {
        WorkflowRun b = SecureDeployStepITest.job(r, SecureDeployStepITest.deploy("staging")
                + block("prod", TOKEN_BODY)).scheduleBuild2(0).waitForStart();
        r.waitForMessage("waiting for approval build-1-prod/prod", b);
        r.assertLogNotContains("ran-block", b);
        ApprovalTestSupport.vote(r, b, "bob", "approve", true);
        r.assertBuildStatusSuccess(r.waitForCompletion(b));
        r.assertLogContains("ran-block", b);
        r.assertLogContains("approve PASSED: APPROVED by bob", b);
        r.assertLogContains("to prod SUCCEEDED", b);
        String token = r.jenkins.getWorkspaceFor(b.getParent()).child("token-block.txt").readToString();
        assertTrue(token.startsWith("eyJ"), "the block got prod's ID token after the approval");
    }
}
