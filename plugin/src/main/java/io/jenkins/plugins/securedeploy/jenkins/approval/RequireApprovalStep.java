package io.jenkins.plugins.securedeploy.jenkins.approval;

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
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code requireApproval(id: 'prod', artifact: 'dist/app.tar.gz', rule: 'prod')}: pauses the build, like
 * {@code input} but without holding an executor, until the approval rule decides: N distinct eligible people approve
 * (separation of duties: not who started the build nor a commit author; every required role among them), anyone
 * eligible rejects, or the timeout passes (a rejection). Approvers vote on the build's "Approvals" page, bound to the
 * artifact digest and this build's gate decision. Give either an admin {@code rule} or {@code approvers} (+
 * {@code required}, {@code requiredRoles}, {@code timeoutMinutes}); only admin rules can relax the defaults.
 */
public class RequireApprovalStep extends Step {
    private String id = "approval";
    private String rule = "";
    private List<String> approvers = new ArrayList<>();
    private int required = 1;
    private List<String> requiredRoles = new ArrayList<>();
    private int timeoutMinutes = 24 * 60;
    private String artifact = "";
    private String digest = "";

    @DataBoundConstructor
    public RequireApprovalStep() {
        // every parameter is named; the execution refuses a call without an artifact or digest, or without a rule
    }

    public String getId() {
        return id;
    }

    @DataBoundSetter
    public void setId(String id) {
        this.id = id == null || id.isBlank() ? "approval" : id.strip();
    }

    public String getRule() {
        return rule;
    }

    @DataBoundSetter
    public void setRule(String rule) {
        this.rule = rule == null ? "" : rule.strip();
    }

    public List<String> getApprovers() {
        return List.copyOf(approvers);
    }

    /** User ids and {@code group:<name>} entries. */
    @DataBoundSetter
    public void setApprovers(List<String> approvers) {
        this.approvers = new ArrayList<>(TextLists.normalise(approvers));
    }

    public String getApproversText() {
        return TextLists.format(approvers);
    }

    public int getRequired() {
        return required;
    }

    @DataBoundSetter
    public void setRequired(int required) {
        this.required = required;
    }

    public List<String> getRequiredRoles() {
        return List.copyOf(requiredRoles);
    }

    @DataBoundSetter
    public void setRequiredRoles(List<String> requiredRoles) {
        this.requiredRoles = new ArrayList<>(TextLists.normalise(requiredRoles));
    }

    public String getRequiredRolesText() {
        return TextLists.format(requiredRoles);
    }

    public int getTimeoutMinutes() {
        return timeoutMinutes;
    }

    @DataBoundSetter
    public void setTimeoutMinutes(int timeoutMinutes) {
        this.timeoutMinutes = timeoutMinutes;
    }

    /** The artifact in the workspace (hashed on the agent); or give {@link #setDigest digest}. */
    public String getArtifact() {
        return artifact;
    }

    @DataBoundSetter
    public void setArtifact(String artifact) {
        this.artifact = artifact == null ? "" : artifact.strip();
    }

    public String getDigest() {
        return digest;
    }

    /** {@code sha256:<hex>} of the artifact, when the step runs outside {@code node} (no workspace). */
    @DataBoundSetter
    public void setDigest(String digest) {
        this.digest = digest == null ? "" : digest.strip();
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new RequireApprovalExecution(context, new ApprovalAsk(id, rule, approvers, required, requiredRoles,
                timeoutMinutes, artifact, digest));
    }

    @Extension
    @Symbol("requireApproval")
    public static class DescriptorImpl extends StepDescriptor {
        private final JenkinsFacade jenkins = new JenkinsFacade();

        @Override
        public String getFunctionName() {
            return "requireApproval";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Secure Deploy: require approval (quorum, separation of duties, timeout)";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        @Override
        public Step newInstance(StaplerRequest req, JSONObject formData) throws FormException {
            RequireApprovalStep step = (RequireApprovalStep) super.newInstance(req, formData);
            step.setApprovers(TextLists.parse(formData.optString("approversText", "")));
            step.setRequiredRoles(TextLists.parse(formData.optString("requiredRolesText", "")));
            return step;
        }

        @POST
        public FormValidation doCheckRequired(@AncestorInPath Item item, @QueryParameter int value) {
            if (!jenkins.hasPermission(Item.CONFIGURE, item)) {
                return FormValidation.ok();
            }
            return value < 1 ? FormValidation.error("At least one approval.")
                    : value == 1 ? FormValidation.warning("One person can approve alone.") : FormValidation.ok();
        }
    }
}
