package io.jenkins.plugins.securedeploy.jenkins.sbom;

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
 * {@code recordSbom(lockfiles: ['package-lock.json'], artifacts: 'target/*.jar', spec: '1.6')} generates a
 * CycloneDX SBOM; {@code recordSbom(ingest: 'bom.json')} validates an existing CycloneDX/SPDX SBOM. Either way the
 * SBOM is archived, fingerprinted and recorded as gate evidence.
 */
public class RecordSbomStep extends Step {
    /** Default CycloneDX version of generated SBOMs. */
    public static final String DEFAULT_SPEC = "1.6";

    private List<String> lockfiles = new ArrayList<>();
    private String artifacts = "";
    private String ingest = "";
    private String spec = DEFAULT_SPEC;

    @DataBoundConstructor
    public RecordSbomStep() {
        // either lockfiles (generate) or ingest (validate an existing SBOM); checked by the execution
    }

    public List<String> getLockfiles() {
        return List.copyOf(lockfiles);
    }

    /** Items are split on line breaks and commas, trimmed; blanks and duplicates are dropped. */
    @DataBoundSetter
    public void setLockfiles(List<String> lockfiles) {
        this.lockfiles = new ArrayList<>(TextLists.normalise(lockfiles));
    }

    /** The lockfiles as the Snippet Generator's text box shows them, one per line (not a step parameter). */
    public String getLockfilesText() {
        return TextLists.format(lockfiles);
    }

    public String getArtifacts() {
        return artifacts;
    }

    @DataBoundSetter
    public void setArtifacts(String artifacts) {
        this.artifacts = artifacts == null ? "" : artifacts.trim();
    }

    public String getIngest() {
        return ingest;
    }

    @DataBoundSetter
    public void setIngest(String ingest) {
        this.ingest = ingest == null ? "" : ingest.trim();
    }

    public String getSpec() {
        return spec;
    }

    @DataBoundSetter
    public void setSpec(String spec) {
        this.spec = spec == null || spec.isBlank() ? DEFAULT_SPEC : spec.trim();
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new RecordSbomExecution(context, this);
    }

    @Extension
    @Symbol("recordSbom")
    public static class DescriptorImpl extends StepDescriptor {
        private final JenkinsFacade jenkins = new JenkinsFacade();

        @Override
        public String getFunctionName() {
            return "recordSbom";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Secure Deploy: record an SBOM";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FilePath.class, Launcher.class);
        }

        /**
         * The Snippet Generator form: the {@code lockfilesText} box becomes the {@code lockfiles} list (one per line
         * or comma-separated; an empty box is none), as workflow-basic-steps' {@code withEnv} does for its list.
         */
        @Override
        public Step newInstance(StaplerRequest req, JSONObject formData) throws FormException {
            RecordSbomStep step = (RecordSbomStep) super.newInstance(req, formData);
            step.setLockfiles(TextLists.parse(formData.optString("lockfilesText", "")));
            return step;
        }

        @POST
        public FormValidation doCheckSpec(@AncestorInPath Item item, @QueryParameter String value) {
            if (!jenkins.hasPermission(Item.CONFIGURE, item)) {
                return FormValidation.ok();
            }
            return SbomChecks.spec(value);
        }
    }
}
