package io.jenkins.plugins.securedeploy.jenkins.scan;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
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
 * {@code runScanners(tools: ['secure-deploy-secrets', 'bandit'], reports: 'reports/*.sarif', format: '',
 * failOnError: true)}: runs scanners (the built-in secret scanner or admin-configured / known tools) and/or ingests
 * report files on the agent, and records the results on the run for {@code securityGate}.
 */
public class RunScannersStep extends Step {
    private List<String> tools = new ArrayList<>();
    private String reports = "";
    private String format = "";
    private boolean failOnError = true;

    @DataBoundConstructor
    public RunScannersStep() {
        // all parameters are optional; the execution refuses a call with neither tools nor reports
    }

    public List<String> getTools() {
        return List.copyOf(tools);
    }

    /** Items are split on line breaks and commas, trimmed; blanks and duplicates are dropped. */
    @DataBoundSetter
    public void setTools(List<String> tools) {
        this.tools = new ArrayList<>(TextLists.normalise(tools));
    }

    /** The tools as the Snippet Generator's text box shows them, one per line (not a step parameter). */
    public String getToolsText() {
        return TextLists.format(tools);
    }

    public String getReports() {
        return reports;
    }

    @DataBoundSetter
    public void setReports(String reports) {
        this.reports = reports == null ? "" : reports.trim();
    }

    public String getFormat() {
        return format;
    }

    @DataBoundSetter
    public void setFormat(String format) {
        this.format = format == null ? "" : format.trim();
    }

    public boolean isFailOnError() {
        return failOnError;
    }

    @DataBoundSetter
    public void setFailOnError(boolean failOnError) {
        this.failOnError = failOnError;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new RunScannersExecution(context, this);
    }

    @Extension
    @Symbol("runScanners")
    public static class DescriptorImpl extends StepDescriptor {
        private final JenkinsFacade jenkins = new JenkinsFacade();

        @Override
        public String getFunctionName() {
            return "runScanners";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Secure Deploy: run scanners or ingest their reports";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FilePath.class, Launcher.class);
        }

        /**
         * The Snippet Generator form: the {@code toolsText} box becomes the {@code tools} list (one per line or
         * comma-separated; an empty box is no tool), as workflow-basic-steps' {@code withEnv} does for its list.
         * Pipeline calls use {@code newInstance(Map)} and the {@code tools: [...]} list directly.
         */
        @Override
        public Step newInstance(StaplerRequest req, JSONObject formData) throws FormException {
            RunScannersStep step = (RunScannersStep) super.newInstance(req, formData);
            step.setTools(TextLists.parse(formData.optString("toolsText", "")));
            return step;
        }

        @POST
        public FormValidation doCheckToolsText(@AncestorInPath Item item, @QueryParameter String value) {
            if (!jenkins.hasPermission(Item.CONFIGURE, item)) {
                return FormValidation.ok();
            }
            return StepChecks.tools(TextLists.parse(value));
        }

        @POST
        public FormValidation doCheckReports(@AncestorInPath Item item, @QueryParameter String value) {
            if (!jenkins.hasPermission(Item.CONFIGURE, item)) {
                return FormValidation.ok();
            }
            return StepChecks.reportsGlob(value);
        }

        @POST
        public FormValidation doCheckFormat(@AncestorInPath Item item, @QueryParameter String value) {
            if (!jenkins.hasPermission(Item.CONFIGURE, item)) {
                return FormValidation.ok();
            }
            return StepChecks.format(value);
        }
    }
}
