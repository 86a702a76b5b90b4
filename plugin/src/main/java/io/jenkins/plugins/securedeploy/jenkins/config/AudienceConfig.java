package io.jenkins.plugins.securedeploy.jenkins.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import io.jenkins.plugins.securedeploy.engine.core.TextLists;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.AudienceRule;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** One entry of the issuer's audience allow-list: an audience (glob) and the jobs (globs) that may ask for it. */
public class AudienceConfig extends AbstractDescribableImpl<AudienceConfig> {
    private final String audience;
    private String jobs = "";

    @DataBoundConstructor
    public AudienceConfig(String audience) {
        this.audience = audience == null ? "" : audience.strip();
        toRule(); // refuses '*' and blanks (fail closed: an allow-list entry must name something)
    }

    public String getAudience() {
        return audience;
    }

    /** Job globs, one per line or comma-separated; empty: every job. */
    public String getJobs() {
        return jobs;
    }

    @DataBoundSetter
    public void setJobs(String jobs) {
        this.jobs = TextLists.format(TextLists.parse(jobs));
    }

    /** The engine's allow-list entry. */
    public AudienceRule toRule() {
        return new AudienceRule(audience, TextLists.parse(jobs));
    }

    @Extension
    @Symbol("audience")
    public static class DescriptorImpl extends Descriptor<AudienceConfig> {
        @NonNull
        @Override
        public String getDisplayName() {
            return "Allowed audience";
        }
    }
}
