package io.jenkins.plugins.securedeploy.jenkins.credentials;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.securedeploy.jenkins.facade.GlobalConfigurationFacade;
import io.jenkins.plugins.securedeploy.jenkins.facade.JenkinsFacade;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code withShortLivedCredentials(profile: 'aws-prod') { sh 'aws s3 ls' }}: mints an ID token from this Jenkins'
 * OIDC issuer for the profile's audience, exchanges it with the provider (AWS STS, Vault, GCP, Azure, or the token
 * itself for {@code local}), gives the body the credentials as environment variables (masked in its log), and
 * revokes them when the body ends, whatever the outcome. A failed exchange issues nothing and the body never runs.
 */
public class WithShortLivedCredentialsStep extends Step {
    private final String profile;
    private String audience = "";
    private String environment = "";

    @DataBoundConstructor
    public WithShortLivedCredentialsStep(String profile) {
        this.profile = profile == null ? "" : profile.strip();
    }

    /** The admin's credential profile (Manage Jenkins » Security » Secure Deploy issuer). */
    public String getProfile() {
        return profile;
    }

    public String getAudience() {
        return audience;
    }

    /** Overrides the profile's token audience; it must still be on the admin's allow-list. */
    @DataBoundSetter
    public void setAudience(String audience) {
        this.audience = audience == null ? "" : audience.strip();
    }

    public String getEnvironment() {
        return environment;
    }

    /** The deployment environment, as the token's {@code environment} claim (providers can trust on it). */
    @DataBoundSetter
    public void setEnvironment(String environment) {
        this.environment = environment == null ? "" : environment.strip();
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new WithShortLivedCredentialsExecution(context, profile, audience, environment);
    }

    @Extension
    @Symbol("withShortLivedCredentials")
    public static class DescriptorImpl extends StepDescriptor {
        private final JenkinsFacade jenkins = new JenkinsFacade();

        @Override
        public String getFunctionName() {
            return "withShortLivedCredentials";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Secure Deploy: short-lived cloud credentials for a block";
        }

        @Override
        public boolean takesImplicitBlockArgument() {
            return true;
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, EnvVars.class);
        }

        /** The configured profile names (names only: profiles hold no secret). */
        @POST
        public ListBoxModel doFillProfileItems(@AncestorInPath Item item) {
            ListBoxModel items = new ListBoxModel();
            if (!jenkins.hasPermission(Item.CONFIGURE, item)) {
                return items;
            }
            new GlobalConfigurationFacade().getIssuer().getProfiles().forEach(p -> items.add(p.getName()));
            return items;
        }

        @POST
        public FormValidation doCheckProfile(@AncestorInPath Item item, @QueryParameter String value) {
            if (!jenkins.hasPermission(Item.CONFIGURE, item)) {
                return FormValidation.ok();
            }
            return new GlobalConfigurationFacade().getIssuer().profile(value == null ? "" : value.strip()).isPresent()
                    ? FormValidation.ok() : FormValidation.error("No credential profile of that name.");
        }
    }
}
