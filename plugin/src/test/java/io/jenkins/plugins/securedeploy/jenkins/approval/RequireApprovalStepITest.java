package io.jenkins.plugins.securedeploy.jenkins.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Cause;
import hudson.model.CauseAction;
import hudson.model.Result;
import io.jenkins.plugins.securedeploy.engine.audit.AuditVerifier;
import io.jenkins.plugins.securedeploy.jenkins.host.JobAuditLog;
import java.io.File;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * requireApproval pauses the build until the rule decides: a vote POST needs Job/Cancel and a crumb, the submitter
 * cannot approve their own build, an eligible approval resumes it, a rejection or the timeout fails it, and every
 * step is in the job's audit log, whose chain verifies.
 */
@WithJenkins
class RequireApprovalStepITest {
    private static WorkflowRun start(JenkinsRule r, String script, String submitter) throws Exception {
        ApprovalTestSupport.security(r);
        WorkflowJob p = r.createProject(WorkflowJob.class, "app");
        p.setDefinition(new CpsFlowDefinition(script, true));
        WorkflowRun b = submitter == null ? p.scheduleBuild2(0).waitForStart()
                : p.scheduleBuild2(0, new CauseAction(new Cause.UserIdCause(submitter))).waitForStart();
        r.waitForMessage("waiting for approval", b);
        return b;
    }

    @Test
    void shouldRefuseVotesWithoutPermissionOrCrumbAndFromTheSubmitter(JenkinsRule r) throws Exception {
        WorkflowRun b = start(r, ApprovalTestSupport.PIPELINE, "alice");
        assertEquals(403, ApprovalTestSupport.vote(r, b, "carol", "approve", true)); // no Job/Cancel
        assertEquals(403, ApprovalTestSupport.vote(r, b, "bob", "approve", false)); // no crumb
        assertNotEquals(403, ApprovalTestSupport.vote(r, b, "alice", "approve", true)); // recorded, refused
        ApprovalView a = ApprovalTestSupport.pending(b);
        assertEquals("PENDING", a.getStatus());
        assertEquals("REFUSED", a.getVotes().get(0).getStatus());
        assertTrue(a.getVotes().get(0).getNote().contains("triggered"), a.getVotes().get(0).getNote());
        assertTrue(b.isBuilding());

        ApprovalTestSupport.vote(r, b, "bob", "approve", true);
        r.assertBuildStatusSuccess(r.waitForCompletion(b));
        r.assertLogContains("approved by [bob]", b);
        assertEquals("APPROVED", ApprovalTestSupport.pending(b).getStatus());
        File log = new File(b.getParent().getRootDir(), JobAuditLog.FILE);
        assertTrue(AuditVerifier.chainOnly().verify(log.toPath()).isIntact());
    }

    @Test
    void shouldFailTheBuildOnARejection(JenkinsRule r) throws Exception {
        WorkflowRun b = start(r, ApprovalTestSupport.PIPELINE, null);
        ApprovalTestSupport.vote(r, b, "bob", "reject", true);
        r.assertBuildStatus(Result.FAILURE, r.waitForCompletion(b));
        r.assertLogContains("REJECTED by bob", b);
        r.assertLogNotContains("approved by", b);
    }

    @Test
    void shouldTreatTheTimeoutAsARejection(JenkinsRule r) throws Exception {
        String script = ApprovalTestSupport.PIPELINE.replace("required: 1", "required: 1, timeoutMinutes: 1");
        WorkflowRun b = start(r, script, null);
        r.assertBuildStatus(Result.FAILURE, r.waitForCompletion(b)); // about a minute
        r.assertLogContains("EXPIRED", b);
    }

    @Test
    void shouldRefuseToAskWithoutAGateDecision(JenkinsRule r) throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition("requireApproval digest: 'sha256:" + "ab".repeat(32)
                + "', approvers: ['alice']", true));
        WorkflowRun b = r.buildAndAssertStatus(Result.FAILURE, p);
        r.assertLogContains("run securityGate first", b);
    }

    @Test
    void shouldRoundTripTheStepWithItsLists(JenkinsRule r) throws Exception {
        RequireApprovalStep step = new RequireApprovalStep();
        step.setId("prod");
        step.setApprovers(List.of("alice", "group:release"));
        step.setRequired(2);
        step.setRequiredRoles(List.of("security"));
        new SnippetizerTester(r).assertRoundTrip(step, "requireApproval approvers: ['alice', 'group:release'], "
                + "id: 'prod', required: 2, requiredRoles: ['security']");
    }
}
