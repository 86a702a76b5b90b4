package io.jenkins.plugins.securedeploy.jenkins.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.ExtensionList;
import hudson.FilePath;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.securedeploy.engine.testing.SecretCanary;
import io.jenkins.plugins.securedeploy.jenkins.approval.ApprovalTestSupport;
import io.jenkins.plugins.securedeploy.jenkins.config.ScannerConfig;
import io.jenkins.plugins.securedeploy.jenkins.config.SecureDeployConfiguration;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Runs the pipelines of docs/pipelines.md exactly as written (the fenced block after each
 * {@code <!-- tested-pipeline:NAME -->} marker) on the sample project, with the setup the page describes, and
 * checks the outcome it describes: FAILED for bandit's B602, named under the reason.
 */
@WithJenkins
class DocumentedPipelinesITest {
    private static Path repo() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("docs/pipelines.md")) && Files.isDirectory(d.resolve("samples/app"))) {
                return d;
            }
        }
        throw new IllegalStateException("docs/pipelines.md not found above the plugin module");
    }

    static String pipeline(String name) throws Exception {
        String doc = Files.readString(repo().resolve("docs/pipelines.md"), StandardCharsets.UTF_8);
        int marker = doc.indexOf("<!-- tested-pipeline:" + name + " -->");
        assertTrue(marker >= 0, "marker for " + name + " in docs/pipelines.md");
        int start = doc.indexOf("```groovy\n", marker) + "```groovy\n".length();
        return doc.substring(start, doc.indexOf("```", start));
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static WorkflowRun runDocumented(JenkinsRule r, String name, SecretCanary token) throws Exception {
        assumeTrue(onPath("bandit") && onPath("shellcheck"), "bandit and shellcheck (.ci/install-peers) are needed");
        CredentialsProvider.lookupStores(r.jenkins).iterator().next().addCredentials(Domain.global(),
                new StringCredentialsImpl(CredentialsScope.GLOBAL, "deploy-token", "", Secret.fromString(token.value())));
        ScannerConfig shellcheck = new ScannerConfig("shellcheck");
        shellcheck.setArguments("scripts/deploy.sh");
        ExtensionList.lookupSingleton(SecureDeployConfiguration.class).setScanners(List.of(shellcheck));
        WorkflowJob p = r.createProject(WorkflowJob.class, "app");
        p.setDefinition(new CpsFlowDefinition(pipeline(name), true));
        FilePath ws = r.jenkins.getWorkspaceFor(p);
        new FilePath(repo().resolve("samples/app").toFile()).copyRecursiveTo(ws);
        return r.buildAndAssertStatus(Result.FAILURE, p);
    }

    private static void assertDocumentedOutcome(JenkinsRule r, WorkflowRun b, SecretCanary token) throws Exception {
        r.assertLogContains("secure-deploy-secrets (", b);
        r.assertLogContains("SBOM secure-deploy/sbom/", b);
        r.assertLogContains("gate FAILED: FAILED", b);
        r.assertLogContains("FAILED thresholds.total.high: 1 HIGH finding(s) (max 0)", b);
        r.assertLogContains("    - HIGH bandit B602 at src/app.py:13: ", b);
        r.assertLogNotContains("report.missing", b);
        r.assertLogNotContains("weaker than the admin floor", b);
        token.assertAbsentFromDirectory(b.getRootDir().toPath());
    }

    @Test
    void shouldRunTheScriptedPipelineAsDocumented(JenkinsRule r) throws Exception {
        SecretCanary token = SecretCanary.create();
        assertDocumentedOutcome(r, runDocumented(r, "scripted", token), token);
    }

    @Test
    void shouldRunTheDeclarativePipelineAsDocumented(JenkinsRule r) throws Exception {
        SecretCanary token = SecretCanary.create();
        assertDocumentedOutcome(r, runDocumented(r, "declarative", token), token);
    }

    /** The setup pipelines.md describes for the release pipelines: profile, rule, evidence key, an approver. */
    private static WorkflowRun startRelease(JenkinsRule r, String name) throws Exception {
        String pem = new String(io.jenkins.plugins.securedeploy.engine.sign.SignFixtures.resource(
                "keys/test-p256.TESTKEY-private.pem"), StandardCharsets.US_ASCII);
        CredentialsProvider.lookupStores(r.jenkins).iterator().next().addCredentials(Domain.global(),
                new StringCredentialsImpl(CredentialsScope.GLOBAL, "evidence-key", "", Secret.fromString(pem)));
        io.jenkins.plugins.securedeploy.jenkins.config.IssuerConfiguration issuer =
                ExtensionList.lookupSingleton(io.jenkins.plugins.securedeploy.jenkins.config.IssuerConfiguration.class);
        issuer.setIssuerUrl(r.getURL() + io.jenkins.plugins.securedeploy.jenkins.config.IssuerConfiguration.URL_NAME);
        issuer.setAudiences(List.of(new io.jenkins.plugins.securedeploy.jenkins.config.AudienceConfig("deploy-service")));
        issuer.setProfiles(List.of(new io.jenkins.plugins.securedeploy.jenkins.config.CredentialProfileConfig("deploy",
                "local", "audience=deploy-service")));
        io.jenkins.plugins.securedeploy.jenkins.config.ApprovalConfiguration approvals = ExtensionList.lookupSingleton(
                io.jenkins.plugins.securedeploy.jenkins.config.ApprovalConfiguration.class);
        approvals.setRules(List.of(new io.jenkins.plugins.securedeploy.jenkins.config.ApprovalRuleConfig("prod", 1,
                "group:release")));
        approvals.setEvidenceKeyCredentialsId("evidence-key");
        JenkinsRule.DummySecurityRealm realm = r.createDummySecurityRealm();
        realm.addGroups("bob", "release");
        r.jenkins.setSecurityRealm(realm);
        r.jenkins.setAuthorizationStrategy(new org.jvnet.hudson.test.MockAuthorizationStrategy()
                .grant(jenkins.model.Jenkins.READ, hudson.model.Item.READ, hudson.model.Item.CANCEL).everywhere()
                .to("bob").grant(jenkins.model.Jenkins.ADMINISTER).everywhere().to("admin"));
        hudson.model.User.getById("bob", true);
        WorkflowJob p = r.createProject(WorkflowJob.class, "app");
        p.setDefinition(new CpsFlowDefinition(pipeline(name), true));
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        r.waitForMessage("waiting for approval", b);
        return b;
    }

    private static void approveAndAssertTheRelease(JenkinsRule r, WorkflowRun b) throws Exception {
        assertEquals(200, ApprovalTestSupport.vote(r, b, "bob", "approve", true)); // crumbed POST, as the page does
        r.assertBuildStatusSuccess(r.waitForCompletion(b));
        String log = JenkinsRule.getLog(b);
        assertEquals(3, log.split("deployed sha256:", -1).length - 1, log);
        r.assertLogContains("VERIFIED digest dist/app.txt.sha256", b);
        assertEquals(3, b.getAction(io.jenkins.plugins.securedeploy.jenkins.credentials.CredentialLeasesAction.class)
                .getLeases().size());
        assertTrue(b.getArtifactManager().root().child("secure-deploy/attest/scan.intoto.json").exists());
        assertTrue(b.getAction(io.jenkins.plugins.securedeploy.jenkins.approval.ApprovalAction.class).getApprovals()
                .get(0).getEvidence().contains("payloadType"));
    }

    @Test
    void shouldRunTheScriptedReleaseAsDocumented(JenkinsRule r) throws Exception {
        approveAndAssertTheRelease(r, startRelease(r, "release-scripted"));
    }

    @Test
    void shouldRunTheDeclarativeReleaseAsDocumented(JenkinsRule r) throws Exception {
        approveAndAssertTheRelease(r, startRelease(r, "release-declarative"));
    }

    /** The secureDeploy section's setup: the documented policy in the workspace, the evidence key, the audience. */
    private static WorkflowJob secureDeployJob(JenkinsRule r, String name) throws Exception {
        String doc = Files.readString(repo().resolve("docs/pipelines.md"), StandardCharsets.UTF_8);
        int marker = doc.indexOf("<!-- tested-policy:secure-deploy -->");
        assertTrue(marker >= 0, "policy marker in docs/pipelines.md");
        int start = doc.indexOf("```yaml\n", marker) + "```yaml\n".length();
        String policy = doc.substring(start, doc.indexOf("```", start));
        CredentialsProvider.lookupStores(r.jenkins).iterator().next().addCredentials(Domain.global(),
                new StringCredentialsImpl(CredentialsScope.GLOBAL, "evidence-key", "", Secret.fromString(pem())));
        io.jenkins.plugins.securedeploy.jenkins.config.IssuerConfiguration issuer =
                ExtensionList.lookupSingleton(io.jenkins.plugins.securedeploy.jenkins.config.IssuerConfiguration.class);
        issuer.setIssuerUrl(r.getURL() + io.jenkins.plugins.securedeploy.jenkins.config.IssuerConfiguration.URL_NAME);
        issuer.setAudiences(List.of(new io.jenkins.plugins.securedeploy.jenkins.config.AudienceConfig("deploy-staging")));
        WorkflowJob p = r.createProject(WorkflowJob.class, "app");
        p.setDefinition(new CpsFlowDefinition(pipeline(name), true));
        r.jenkins.getWorkspaceFor(p).child(".secure-deploy.yml").write(policy, "UTF-8");
        return p;
    }

    private static String pem() throws Exception {
        return new String(io.jenkins.plugins.securedeploy.engine.sign.SignFixtures.resource(
                "keys/test-p256.TESTKEY-private.pem"), StandardCharsets.US_ASCII);
    }

    /** The secureDeploy section: the documented policy in the workspace, staging then qa, both SUCCEEDED. */
    @Test
    void shouldRunTheSecureDeployPipelineAsDocumented(JenkinsRule r) throws Exception {
        WorkflowJob p = secureDeployJob(r, "secure-deploy");
        String pem = pem();
        WorkflowRun b = r.buildAndAssertSuccess(p);
        r.assertLogContains("deployed to staging", b);
        r.assertLogContains("staging: SUCCEEDED sha256:", b);
        r.assertLogContains("passed staging", b);
        r.assertLogContains("deployed to qa", b);
        r.assertLogContains("to qa SUCCEEDED", b);
        SecretCanary.of(pem.strip()).assertAbsentFromDirectory(b.getRootDir().toPath());
    }

    /** The prod pipeline: staging, then prod waits for alice's approval on the Approvals page, then deploys. */
    @Test
    void shouldRunTheSecureDeployProdPipelineAsDocumented(JenkinsRule r) throws Exception {
        JenkinsRule.DummySecurityRealm realm = r.createDummySecurityRealm();
        r.jenkins.setSecurityRealm(realm);
        r.jenkins.setAuthorizationStrategy(new org.jvnet.hudson.test.MockAuthorizationStrategy()
                .grant(jenkins.model.Jenkins.READ, hudson.model.Item.READ, hudson.model.Item.CANCEL).everywhere()
                .to("alice").grant(jenkins.model.Jenkins.ADMINISTER).everywhere().to("admin"));
        hudson.model.User.getById("alice", true);
        WorkflowRun b = secureDeployJob(r, "secure-deploy-prod").scheduleBuild2(0).waitForStart();
        r.waitForMessage("waiting for approval build-1-prod/prod (1 of [alice], timeout PT1H) before deploying "
                + "dist/app.txt sha256:", b);
        r.assertLogContains("deployed to staging", b);
        r.assertLogNotContains("deployed to prod", b);
        assertEquals(200, ApprovalTestSupport.vote(r, b, "alice", "approve", true)); // crumbed POST, as the page does
        r.assertBuildStatusSuccess(r.waitForCompletion(b));
        r.assertLogContains("deployed to prod", b);
        r.assertLogContains("prod: SUCCEEDED sha256:", b);
        assertTrue(b.getArtifactManager().root().child("secure-deploy/deployments/build-1-prod/bundle/approval/"
                + "approval-ledger.json").exists());
    }

    /** The secureDeploy example: the block deploys to staging with the token, the deployment succeeds. */
    @Test
    void shouldRunTheWithSecureDeployPipelineAsDocumented(JenkinsRule r) throws Exception {
        WorkflowRun b = r.buildAndAssertSuccess(secureDeployJob(r, "with-secure-deploy"));
        r.assertLogContains("credentials for the body: DEPLOY_TOKEN", b);
        r.assertLogContains("deployed to staging from a block", b);
        r.assertLogContains("revoke PASSED", b);
        r.assertLogContains("staging: SUCCEEDED sha256:", b);
    }
}
