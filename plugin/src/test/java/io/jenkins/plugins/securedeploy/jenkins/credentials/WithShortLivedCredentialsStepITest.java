package io.jenkins.plugins.securedeploy.jenkins.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.ExtensionList;
import hudson.FilePath;
import hudson.model.Result;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.IdTokenVerifier;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.TokenCheck;
import io.jenkins.plugins.securedeploy.engine.testing.SecretCanary;
import io.jenkins.plugins.securedeploy.jenkins.config.AudienceConfig;
import io.jenkins.plugins.securedeploy.jenkins.config.CredentialProfileConfig;
import io.jenkins.plugins.securedeploy.jenkins.config.IssuerConfiguration;
import java.time.Instant;
import java.util.List;
import org.htmlunit.Page;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * withShortLivedCredentials with the {@code local} provider (the minted ID token itself, no network): the body gets
 * a token that verifies against the JWKS this Jenkins serves anonymously, the log never shows it, the variable is
 * gone after the block, and a refused audience issues nothing and never runs the body.
 */
@WithJenkins
class WithShortLivedCredentialsStepITest {
    private static IssuerConfiguration issuer(JenkinsRule r, String allowedAudience) throws Exception {
        IssuerConfiguration c = ExtensionList.lookupSingleton(IssuerConfiguration.class);
        c.setIssuerUrl(r.getURL().toString() + IssuerConfiguration.URL_NAME); // http on localhost: tests only
        c.setAudiences(List.of(new AudienceConfig(allowedAudience)));
        c.setProfiles(List.of(new CredentialProfileConfig("demo", "local", "audience=demo-service")));
        return c;
    }

    private static WorkflowRun run(JenkinsRule r, String script, Result expected) throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class, "app");
        p.setDefinition(new CpsFlowDefinition(script, true));
        return r.buildAndAssertStatus(expected, p);
    }

    @Test
    void shouldGiveTheBodyAVerifiableMaskedTokenAndRecordItsEnd(JenkinsRule r) throws Exception {
        IssuerConfiguration c = issuer(r, "demo-service");
        WorkflowRun b = run(r, "node { withShortLivedCredentials(profile: 'demo', environment: 'prod') {\n"
                + "writeFile file: 'token.txt', text: env.SECURE_DEPLOY_ID_TOKEN\n"
                + "echo \"token=${env.SECURE_DEPLOY_ID_TOKEN}\" }\n"
                + "echo \"after=${env.SECURE_DEPLOY_ID_TOKEN}\" }", Result.SUCCESS);
        FilePath ws = r.jenkins.getWorkspaceFor(b.getParent());
        String token = ws.child("token.txt").readToString();
        r.assertLogContains("token=****", b);
        r.assertLogContains("after=null", b);
        SecretCanary.of(token).assertAbsentFromDirectory(b.getRootDir().toPath());

        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()); // anonymous may read nothing
        JenkinsRule.WebClient anonymous = r.createWebClient();
        Page jwks = anonymous.goTo(IssuerConfiguration.URL_NAME + "/jwks", "application/json");
        String issuerUrl = c.toSettings(java.util.Optional.empty()).issuerId();
        TokenCheck check = IdTokenVerifier.of(jwks.getWebResponse().getContentAsString(), issuerUrl)
                .verify(token, "demo-service", Instant.now());
        assertTrue(check.verified(), check.reasons().toString());
        assertEquals("prod", check.claims().get("environment"));
        assertEquals("app", check.claims().get("job"));
        String discovery = anonymous.goTo(IssuerConfiguration.URL_NAME + "/.well-known/openid-configuration",
                "application/json").getWebResponse().getContentAsString();
        assertTrue(discovery.contains("\"jwks_uri\""), discovery);

        CredentialLeasesAction leases = b.getAction(CredentialLeasesAction.class);
        assertEquals("EXPIRES", leases.getLeases().get(0).getOutcome());
    }

    @Test
    void shouldIssueNothingAndNotRunTheBodyWhenTheAudienceIsNotAllowed(JenkinsRule r) throws Exception {
        issuer(r, "some-other-service");
        WorkflowRun b = run(r, "node { withShortLivedCredentials(profile: 'demo') { echo 'BODY RAN' } }",
                Result.FAILURE);
        r.assertLogContains("nothing was issued, the body did not run", b);
        r.assertLogContains("not in the admin's audience allow-list", b);
        r.assertLogNotContains("BODY RAN", b);
    }

    @Test
    void shouldRefuseAnUnknownProfile(JenkinsRule r) throws Exception {
        issuer(r, "demo-service");
        WorkflowRun b = run(r, "node { withShortLivedCredentials(profile: 'nope') { echo 'BODY RAN' } }",
                Result.FAILURE);
        r.assertLogContains("no credential profile named nope", b);
        r.assertLogNotContains("BODY RAN", b);
    }

    @Test
    void shouldServeNothingWhenUnconfiguredOrForOtherPaths(JenkinsRule r) throws Exception {
        JenkinsRule.WebClient wc = r.createWebClient();
        wc.setThrowExceptionOnFailingStatusCode(false);
        assertEquals(404, wc.goTo(IssuerConfiguration.URL_NAME + "/private", "text/html").getWebResponse()
                .getStatusCode());
    }

    @Test
    void shouldRoundTripTheStep(JenkinsRule r) throws Exception {
        WithShortLivedCredentialsStep step = new WithShortLivedCredentialsStep("demo");
        step.setEnvironment("prod");
        new SnippetizerTester(r).assertRoundTrip(step,
                "withShortLivedCredentials(environment: 'prod', profile: 'demo') {\n    // some block\n}");
    }
}
