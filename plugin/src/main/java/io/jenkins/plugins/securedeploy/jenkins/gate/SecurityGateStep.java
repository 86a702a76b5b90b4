package io.jenkins.plugins.securedeploy.jenkins.gate;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
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
 * {@code securityGate(policy: '.secure-deploy.yml', baseline: 'baseline.json')}: decides the run's recorded scan
 * results and evidence against the project policy merged with the admin floor; archives the report; fails the run
 * (FAILURE, with the reasons) when the gate is FAILED or ERROR. Returns the verdict.
 */
public class SecurityGateStep extends Step {
    /** The policy file read when none is named; when it is absent the secure defaults and the floor apply. */
    public static final String DEFAULT_POLICY = ".secure-deploy.yml";

    private String policy = DEFAULT_POLICY;
    private String baseline = "";

    @DataBoundConstructor
    public SecurityGateStep() {
        // all parameters optional
    }

    public String getPolicy() {
        return policy;
    }

    @DataBoundSetter
    public void setPolicy(String policy) {
        this.policy = policy == null || policy.isBlank() ? DEFAULT_POLICY : policy.trim();
    }

    public String getBaseline() {
        return baseline;
    }

    @DataBoundSetter
    public void setBaseline(String baseline) {
        this.baseline = baseline == null ? "" : baseline.trim();
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new SecurityGateExecution(context, this);
    }

    @Extension
    @Symbol("securityGate")
    public static class DescriptorImpl extends StepDescriptor {
        private final JenkinsFacade jenkins = new JenkinsFacade();

        @Override
        public String getFunctionName() {
            return "securityGate";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Secure Deploy: security gate";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FilePath.class, Launcher.class);
        }

        @POST
        public FormValidation doCheckPolicy(@AncestorInPath Item item, @QueryParameter String value) {
            if (!jenkins.hasPermission(Item.CONFIGURE, item)) {
                return FormValidation.ok();
            }
            return GateChecks.workspacePath(value);
        }

        @POST
        public FormValidation doCheckBaseline(@AncestorInPath Item item, @QueryParameter String value) {
            if (!jenkins.hasPermission(Item.CONFIGURE, item)) {
                return FormValidation.ok();
            }
            return GateChecks.workspacePath(value);
        }
    }
}
