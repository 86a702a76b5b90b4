package io.jenkins.plugins.securedeploy.jenkins.deploy;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.securedeploy.engine.core.TextLists;
import io.jenkins.plugins.securedeploy.jenkins.facade.JenkinsFacade;
import io.jenkins.plugins.securedeploy.jenkins.host.CredentialsListing;
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
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code secureDeployCommand(environment: 'prod', artifact: 'dist/app.tar.gz', command: './deploy.sh')}: runs the engine's
 * deployment phase machine (verify, gate, approval, credentials, the deploy command, revoke, attest, record) for one
 * artifact of the workspace, with a command string as the deploy body ({@code secureDeploy} is the same flow with a
 * {@code { }} block, {@link WithSecureDeployStep}). The environment's requirements, approval rule and credential profile come from the
 * policy's {@code environments}; an approval rule makes the step wait, durably and without a thread, for the vote on
 * the build's "Approvals" page. Fails the build with the one reason of the phase that decided; returns the outcome.
 */
public class SecureDeployStep extends Step {
    /** The policy file read when none is named (as securityGate). */
    public static final String DEFAULT_POLICY = ".secure-deploy.yml";

    private final String environment;
    private final String artifact;
    private String command = "";
    private String policy = DEFAULT_POLICY;
    private List<String> signatures = new ArrayList<>();
    private String keyCredentialsId = "";

    @DataBoundConstructor
    public SecureDeployStep(String environment, String artifact) {
        this.environment = environment == null ? "" : environment.strip();
        this.artifact = artifact == null ? "" : artifact.strip();
    }

    public String getEnvironment() {
        return environment;
    }

    public String getArtifact() {
        return artifact;
    }

    public String getCommand() {
        return command;
    }

    /** The deploy command, run on the agent in the workspace with the credentials in its environment. */
    @DataBoundSetter
    public void setCommand(String command) {
        this.command = command == null ? "" : command.strip();
    }

    public String getPolicy() {
        return policy;
    }

    @DataBoundSetter
    public void setPolicy(String policy) {
        this.policy = policy == null || policy.isBlank() ? DEFAULT_POLICY : policy.strip();
    }

    public List<String> getSignatures() {
        return List.copyOf(signatures);
    }

    /** Signature / attestation files in the workspace about the artifact; split on line breaks and commas. */
    @DataBoundSetter
    public void setSignatures(List<String> signatures) {
        this.signatures = new ArrayList<>(TextLists.normalise(signatures));
    }

    /** The signatures as the Snippet Generator's box shows them (not a step parameter). */
    public String getSignaturesText() {
        return TextLists.format(signatures);
    }

    public String getKeyCredentialsId() {
        return keyCredentialsId;
    }

    @DataBoundSetter
    public void setKeyCredentialsId(String keyCredentialsId) {
        this.keyCredentialsId = keyCredentialsId == null ? "" : keyCredentialsId.strip();
    }

    /** Whether the step's { } block is the deploy body ({@link WithSecureDeployStep}). */
    boolean takesBody() {
        return false;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new SecureDeployExecution(context, this);
    }

    @Extension
    @Symbol("secureDeployCommand")
    public static class DescriptorImpl extends StepDescriptor {
        private final JenkinsFacade jenkins = new JenkinsFacade();

        @Override
        public String getFunctionName() {
            return "secureDeployCommand";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Secure Deploy: verify, gate, approve and deploy an artifact to an environment";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FilePath.class, Launcher.class);
        }

        @Override
        public Step newInstance(StaplerRequest req, JSONObject formData) throws FormException {
            SecureDeployStep bound = (SecureDeployStep) super.newInstance(req, formData);
            bound.setSignatures(TextLists.parse(formData.optString("signaturesText", "")));
            return bound;
        }

        @POST
        public ListBoxModel doFillKeyCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String value) {
            if (!jenkins.hasPermission(Item.CONFIGURE, item)) {
                return CredentialsListing.currentOnly(value);
            }
            return CredentialsListing.stringCredentials(item, value);
        }

        @POST
        public FormValidation doCheckEnvironment(@AncestorInPath Item item, @QueryParameter String value) {
            if (!jenkins.hasPermission(Item.CONFIGURE, item)) {
                return FormValidation.ok();
            }
            return value == null || value.isBlank() ? FormValidation.error("Name the environment.")
                    : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckArtifact(@AncestorInPath Item item, @QueryParameter String value) {
            if (!jenkins.hasPermission(Item.CONFIGURE, item)) {
                return FormValidation.ok();
            }
            return value == null || value.isBlank() ? FormValidation.error("Name the artifact file.")
                    : FormValidation.ok();
        }
    }
}
