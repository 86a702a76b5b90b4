package io.jenkins.plugins.securedeploy.jenkins.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import io.jenkins.plugins.securedeploy.jenkins.facade.JenkinsFacade;
import java.util.Arrays;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** One default scanner in the admin configuration: tool id, executable, arguments (one per line) and timeout. */
public class ScannerConfig extends AbstractDescribableImpl<ScannerConfig> {
    /** Default timeout: ten minutes. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 600;

    private final String toolId;
    private String executable = "";
    private String arguments = "";
    private int timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;

    @DataBoundConstructor
    public ScannerConfig(String toolId) {
        String id = toolId == null ? "" : toolId.trim();
        ConfigChecks.requireValid(ConfigChecks.toolId(id), "toolId");
        this.toolId = id;
    }

    public String getToolId() {
        return toolId;
    }

    public String getExecutable() {
        return executable;
    }

    @DataBoundSetter
    public void setExecutable(String executable) {
        String value = executable == null ? "" : executable.trim();
        ConfigChecks.requireValid(ConfigChecks.executable(value), "executable");
        this.executable = value;
    }

    public String getArguments() {
        return arguments;
    }

    /** Arguments, one per line; each line is one argument (no shell, no splitting on spaces). */
    @DataBoundSetter
    public void setArguments(String arguments) {
        this.arguments = arguments == null ? "" : arguments.replace("\r\n", "\n").strip();
    }

    public int getTimeoutSeconds() {
        return timeoutSeconds;
    }

    @DataBoundSetter
    public void setTimeoutSeconds(int timeoutSeconds) {
        ConfigChecks.requireValid(ConfigChecks.timeout(Integer.toString(timeoutSeconds)), "timeoutSeconds");
        this.timeoutSeconds = timeoutSeconds;
    }

    /** The plain value the steps use. */
    public FloorValues.ScannerDefault toScannerDefault() {
        List<String> args = arguments.isEmpty() ? List.of()
                : Arrays.stream(arguments.split("\n")).map(String::strip).filter(a -> !a.isEmpty()).toList();
        return new FloorValues.ScannerDefault(toolId, executable, args, timeoutSeconds);
    }

    /** Form checks for a scanner entry; only administrators may call them. */
    @Extension
    @Symbol("scanner")
    public static class DescriptorImpl extends Descriptor<ScannerConfig> {
        private final JenkinsFacade jenkins = new JenkinsFacade();

        @NonNull
        @Override
        public String getDisplayName() {
            return "Scanner";
        }

        @POST
        public FormValidation doCheckToolId(@QueryParameter String value) {
            jenkins.checkPermission(Jenkins.ADMINISTER);
            return FormChecks.toValidation(ConfigChecks.toolId(value));
        }

        @POST
        public FormValidation doCheckExecutable(@QueryParameter String value) {
            jenkins.checkPermission(Jenkins.ADMINISTER);
            return FormChecks.toValidation(ConfigChecks.executable(value));
        }

        @POST
        public FormValidation doCheckTimeoutSeconds(@QueryParameter String value) {
            jenkins.checkPermission(Jenkins.ADMINISTER);
            return FormChecks.toValidation(ConfigChecks.timeout(value));
        }
    }
}
