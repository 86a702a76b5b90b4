package io.jenkins.plugins.securedeploy.jenkins.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.securedeploy.jenkins.approval.ApprovalTestSupport;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * A controller restart in the middle of secureDeploy, while prod waits for its approval: the execution comes back
 * with the deployment's saved state and the ledger with the build; the vote after the restart goes on from the saved
 * state (credentials, deploy, revoke, attest, record) and the deployment completes. The deadline timer is re-armed
 * after a restart: a request nobody votes on expires as a rejection.
 */
class SecureDeployRestartITest {
    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @Test
    void shouldCompleteTheDeploymentWhenApprovedAfterARestart() throws Throwable {
        sessions.then(r -> {
            WorkflowRun b = SecureDeployStepITest.startProd(r, SecureDeployStepITest.POLICY, null);
            r.assertLogNotContains("ran-prod", b);
        });
        sessions.then(r -> {
            SecureDeployStepITest.configure(r);
            WorkflowRun b = r.jenkins.getItemByFullName("app", WorkflowJob.class).getBuildByNumber(1);
            assertTrue(b.isBuilding());
            assertEquals("PENDING", ApprovalTestSupport.pending(b).getStatus());
            assertFalse(r.jenkins.getWorkspaceFor(b.getParent()).child("token-prod.txt").exists());
            ApprovalTestSupport.vote(r, b, "bob", "approve", true);
            SecureDeployStepITest.assertDeployedToProd(r, b, "bob");
        });
    }

    @Test
    void shouldExpireAfterARestartAsARejection() throws Throwable {
        sessions.then(r -> SecureDeployStepITest.startProd(r, SecureDeployStepITest.POLICY.replace("timeout: PT1H",
                "timeout: PT1M"), null));
        sessions.then(r -> {
            SecureDeployStepITest.configure(r);
            WorkflowRun b = r.jenkins.getItemByFullName("app", WorkflowJob.class).getBuildByNumber(1);
            SecureDeployStepITest.assertNothingDeployedToProd(r, b); // the re-armed timer, about a minute
            r.assertLogContains("EXPIRED", b);
        });
    }
}
