package io.jenkins.plugins.securedeploy.jenkins.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.profiles.CredentialProfile;
import io.jenkins.plugins.securedeploy.engine.profiles.CredentialProfiles;
import io.jenkins.plugins.securedeploy.jenkins.facade.JenkinsFacade;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A named credential profile ({@code withShortLivedCredentials(profile: 'aws-prod')}): provider and its settings as
 * {@code key=value} lines. Validated by the engine ({@link CredentialProfiles}) when set, so JCasC and the form refuse
 * an unknown key or a missing required one.
 */
public class CredentialProfileConfig extends AbstractDescribableImpl<CredentialProfileConfig> {
    private final String name;
    private final String provider;
    private final String settings;

    @DataBoundConstructor
    public CredentialProfileConfig(String name, String provider, String settings) {
        this.name = name == null ? "" : name.strip();
        this.provider = provider == null ? "" : provider.strip();
        this.settings = settings == null ? "" : settings.replace("\r\n", "\n").strip();
        List<Problem> problems = CredentialProfiles.check(toProfile());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(ConfigChecks.describe(problems));
        }
    }

    public String getName() {
        return name;
    }

    public String getProvider() {
        return provider;
    }

    public String getSettings() {
        return settings;
    }

    /** The engine's profile; throws IllegalArgumentException / InvalidInputException naming what is wrong. */
    public CredentialProfile toProfile() {
        CredentialProfile.Provider p = CredentialProfile.Provider.parse(provider).orElseThrow(() ->
                new IllegalArgumentException("provider must be one of aws, vault, gcp, azure, local"));
        return new CredentialProfile(name, p, CredentialProfiles.parseSettings(settings, name));
    }

    @Extension
    @Symbol("profile")
    public static class DescriptorImpl extends Descriptor<CredentialProfileConfig> {
        private final JenkinsFacade jenkins = new JenkinsFacade();

        @NonNull
        @Override
        public String getDisplayName() {
            return "Credential profile";
        }

        @POST
        public ListBoxModel doFillProviderItems() {
            ListBoxModel items = new ListBoxModel();
            if (!jenkins.hasPermission(Jenkins.ADMINISTER)) {
                return items;
            }
            for (CredentialProfile.Provider p : CredentialProfile.Provider.values()) {
                items.add(p.id());
            }
            return items;
        }

        /** Checks the whole profile; messages name keys and lines, never values. */
        @POST
        public FormValidation doCheckSettings(@QueryParameter String value, @QueryParameter String name,
                @QueryParameter String provider) {
            jenkins.checkPermission(Jenkins.ADMINISTER);
            try {
                new CredentialProfileConfig(name == null || name.isBlank() ? "profile" : name, provider, value);
                return FormValidation.ok();
            } catch (InvalidInputException e) {
                return FormValidation.error(ConfigChecks.describe(e.problems()));
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
        }
    }
}
