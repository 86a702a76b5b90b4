package io.jenkins.plugins.securedeploy.jenkins.mask;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import io.jenkins.plugins.securedeploy.engine.core.TextLists;
import io.jenkins.plugins.securedeploy.jenkins.facade.JenkinsFacade;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code maskSecrets(secrets: ['deploy-token']) { ... }}: masks the values of these "Secret text" credentials, in
 * all encoded forms, in the console output of the block.
 */
public class MaskSecretsStep extends Step {
    private final List<String> secrets;

    /** Items are split on line breaks and commas, trimmed; blanks and duplicates are dropped. */
    @DataBoundConstructor
    public MaskSecretsStep(List<String> secrets) {
        this.secrets = new ArrayList<>(TextLists.normalise(secrets));
    }

    /** Credentials ids. */
    public List<String> getSecrets() {
        return List.copyOf(secrets);
    }

    /** The ids as the Snippet Generator's text box shows them, one per line (not a step parameter). */
    public String getSecretsText() {
        return TextLists.format(secrets);
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

        /**
         * The Snippet Generator form: the {@code secretsText} box becomes the {@code secrets} list (one id per line or
         * comma-separated), as workflow-basic-steps' {@code withEnv} builds its list from a text area.
         */
        @Override
        public Step newInstance(StaplerRequest req, JSONObject formData) throws FormException {
            return new MaskSecretsStep(TextLists.parse(formData.optString("secretsText", "")));
        }

        /** Never echoes the value: a secret may have been pasted where an id belongs. */
        @POST
        public FormValidation doCheckSecretsText(@AncestorInPath Item item, @QueryParameter String value) {
            if (!jenkins.hasPermission(Item.CONFIGURE, item)) {
                return FormValidation.ok();
            }
            return TextLists.parse(value).isEmpty() ? FormValidation.error("Name at least one credentials id.")
                    : FormValidation.ok();
        }
    }
}
