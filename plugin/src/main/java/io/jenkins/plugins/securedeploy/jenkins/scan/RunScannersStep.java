package io.jenkins.plugins.securedeploy.jenkins.scan;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
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
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code runScanners(tools: ['bandit'], reports: 'reports/*.sarif', format: '', failOnError: true)}: runs scanners
 * and/or ingests report files on the agent, and records the results on the run for {@code securityGate}.
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

    @DataBoundSetter
    public void setTools(List<String> tools) {
        this.tools = tools == null ? new ArrayList<>() : new ArrayList<>(tools);
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
