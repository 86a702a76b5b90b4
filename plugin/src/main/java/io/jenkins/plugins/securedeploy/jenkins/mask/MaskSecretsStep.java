package io.jenkins.plugins.securedeploy.jenkins.mask;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import io.jenkins.plugins.securedeploy.jenkins.facade.JenkinsFacade;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code maskSecrets(secrets: ['deploy-token']) { ... }}: masks the values of these "Secret text" credentials, in
 * all encoded forms, in the console output of the block.
 */
public class MaskSecretsStep extends Step {
    private final List<String> secrets;

    @DataBoundConstructor
    public MaskSecretsStep(List<String> secrets) {
        this.secrets = secrets == null ? new ArrayList<>() : new ArrayList<>(secrets);
    }

    /** Credentials ids. */
    public List<String> getSecrets() {
        return List.copyOf(secrets);
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new MaskSecretsExecution(context, getSecrets());
    }

    @Extension
    @Symbol("maskSecrets")
    public static class DescriptorImpl extends StepDescriptor {
        private final JenkinsFacade jenkins = new JenkinsFacade();

        @Override
        public String getFunctionName() {
            return "maskSecrets";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Secure Deploy: mask secrets in the console";
        }

        @Override
        public boolean takesImplicitBlockArgument() {
            return true;
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        @POST
        public FormValidation doCheckSecrets(@AncestorInPath Item item, @QueryParameter String value) {
            if (!jenkins.hasPermission(Item.CONFIGURE, item)) {
                return FormValidation.ok();
            }
            return value == null || value.isBlank() ? FormValidation.error("Name at least one credentials id.")
                    : FormValidation.ok();
        }
    }
}
