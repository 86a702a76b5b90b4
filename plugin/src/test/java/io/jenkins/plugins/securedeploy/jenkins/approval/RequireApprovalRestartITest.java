package io.jenkins.plugins.securedeploy.jenkins.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/** A controller restart in the middle of requireApproval: the ledger comes back with the build, the vote resumes it. */
class RequireApprovalRestartITest {
    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @Test
    void shouldSurviveARestartWhileWaiting() throws Throwable {
        sessions.then(r -> {
            ApprovalTestSupport.security(r);
            WorkflowJob p = r.createProject(WorkflowJob.class, "app");
            p.setDefinition(new CpsFlowDefinition(ApprovalTestSupport.PIPELINE, true));
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            r.waitForMessage("waiting for approval", b);
        });
        sessions.then(r -> {
            WorkflowRun b = r.jenkins.getItemByFullName("app", WorkflowJob.class).getBuildByNumber(1);
            assertTrue(b.isBuilding());
            assertEquals("PENDING", ApprovalTestSupport.pending(b).getStatus());
            ApprovalTestSupport.vote(r, b, "bob", "approve", true);
            r.assertBuildStatusSuccess(r.waitForCompletion(b));
            r.assertLogContains("approved by [bob]", b);
        });
    }
}
