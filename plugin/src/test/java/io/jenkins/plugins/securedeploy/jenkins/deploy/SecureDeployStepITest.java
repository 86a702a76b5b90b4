package io.jenkins.plugins.securedeploy.jenkins.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.ExtensionList;
import hudson.FilePath;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.securedeploy.engine.audit.AuditVerifier;
import io.jenkins.plugins.securedeploy.engine.sign.EvidenceFile;
import io.jenkins.plugins.securedeploy.engine.sign.SignFixtures;
import io.jenkins.plugins.securedeploy.engine.sign.keys.PemKeys;
import io.jenkins.plugins.securedeploy.engine.testing.SecretCanary;
import io.jenkins.plugins.securedeploy.jenkins.config.AudienceConfig;
import io.jenkins.plugins.securedeploy.jenkins.config.IssuerConfiguration;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
 * environment with an approval rule fails closed without running the command.
 */
@WithJenkins
class SecureDeployStepITest {
    private static final String POLICY = "version: 1\n"
            + "environments:\n"
            + "  staging:\n"
            + "    credentials: {provider: local, audience: deploy-staging, variable: DEPLOY_TOKEN}\n"
            + "  prod:\n"
            + "    requires: staging\n"
            + "    approval: {required: 1, approvers: [alice], timeout: PT1H}\n"
            + "  qa:\n"
            + "    requires: staging\n";

    private static String pem() throws Exception {
        return new String(SignFixtures.resource("keys/test-p256.TESTKEY-private.pem"), StandardCharsets.US_ASCII);
    }

    private static WorkflowJob job(JenkinsRule r, String deploys) throws Exception {
        CredentialsProvider.lookupStores(r.jenkins).iterator().next().addCredentials(Domain.global(),
                new StringCredentialsImpl(CredentialsScope.GLOBAL, "evidence-key", "", Secret.fromString(pem())));
        IssuerConfiguration c = ExtensionList.lookupSingleton(IssuerConfiguration.class);
        c.setIssuerUrl(r.getURL().toString() + IssuerConfiguration.URL_NAME); // http on localhost: tests only
        c.setAudiences(List.of(new AudienceConfig("deploy-staging")));
        WorkflowJob p = r.createProject(WorkflowJob.class, "app");
        p.setDefinition(new CpsFlowDefinition("node {\n"
                + "writeFile file: '.secure-deploy.yml', text: '''" + POLICY + "'''\n"
                + "writeFile file: 'app.bin', text: 'release 1.0'\n"
                + deploys + "}", true));
        return p;
    }

    private static String deploy(String env) {
        return "def d = secureDeploy(environment: '" + env + "', artifact: 'app.bin', keyCredentialsId: "
                + "'evidence-key', command: 'printf %s \"$DEPLOY_TOKEN\" > token-" + env + ".txt; echo \"token "
                + "$DEPLOY_TOKEN\"; echo ran-" + env + "')\necho \"deployed ${d.status} ${d.digest}\"\n";
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

    @Test
    void shouldFailClosedWhenTheEnvironmentNeedsAnApproval(JenkinsRule r) throws Exception {
        WorkflowRun b = r.buildAndAssertStatus(Result.FAILURE, job(r, deploy("staging") + deploy("prod")));
        r.assertLogContains("to staging SUCCEEDED", b);
        r.assertLogContains("environment prod needs an approval", b);
        r.assertLogNotContains("ran-prod", b);
        assertFalse(r.jenkins.getWorkspaceFor(b.getParent()).child("token-prod.txt").exists());
    }

    @Test
    void shouldNameAnUndeclaredEnvironment(JenkinsRule r) throws Exception {
        WorkflowRun b = r.buildAndAssertStatus(Result.FAILURE, job(r, deploy("nowhere")));
        r.assertLogContains("environment 'nowhere' is not declared (declared: staging, prod, qa)", b);
        r.assertLogNotContains("ran-nowhere", b);
    }
}
