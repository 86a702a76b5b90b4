package io.jenkins.plugins.securedeploy.jenkins.attest;

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
 * {@code attest(artifacts: ['dist/app.tar.gz'], scan: true)}: signed in-toto statements about the artifacts (SLSA
 * provenance and/or the scan results of this build's security gate), signed on the controller with the PEM key of a
 * "Secret text" credential (default: the admin's evidence key), archived and fingerprinted under
 * {@code secure-deploy/attest/}. Returns the archived paths.
 */
public class AttestStep extends Step {
    private final List<String> artifacts;
    private boolean provenance = true;
    private boolean scan;
    private String keyCredentialsId = "";
    private String sbom = "";
    private String policy = "";

    /** Paths or globs in the workspace; split on line breaks and commas like every list field. */
    @DataBoundConstructor
    public AttestStep(List<String> artifacts) {
        this.artifacts = new ArrayList<>(TextLists.normalise(artifacts));
    }

    public List<String> getArtifacts() {
        return List.copyOf(artifacts);
    }

    /** The artifacts as the Snippet Generator's box shows them (not a step parameter). */
    public String getArtifactsText() {
        return TextLists.format(artifacts);
    }

    public boolean isProvenance() {
        return provenance;
    }

    @DataBoundSetter
    public void setProvenance(boolean provenance) {
        this.provenance = provenance;
    }

    public boolean isScan() {
        return scan;
    }

    @DataBoundSetter
    public void setScan(boolean scan) {
        this.scan = scan;
    }

    public String getKeyCredentialsId() {
        return keyCredentialsId;
    }

    @DataBoundSetter
    public void setKeyCredentialsId(String keyCredentialsId) {
        this.keyCredentialsId = keyCredentialsId == null ? "" : keyCredentialsId.strip();
    }

    public String getSbom() {
        return sbom;
    }

    @DataBoundSetter
    public void setSbom(String sbom) {
        this.sbom = sbom == null ? "" : sbom.strip();
    }

    public String getPolicy() {
        return policy;
    }

    @DataBoundSetter
    public void setPolicy(String policy) {
        this.policy = policy == null ? "" : policy.strip();
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new AttestExecution(context, this);
    }

    @Extension
    @Symbol("attest")
    public static class DescriptorImpl extends StepDescriptor {
        private final JenkinsFacade jenkins = new JenkinsFacade();

        @Override
        public String getFunctionName() {
            return "attest";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Secure Deploy: sign provenance and scan attestations";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FilePath.class, Launcher.class);
        }

        @Override
        public Step newInstance(StaplerRequest req, JSONObject formData) throws FormException {
            AttestStep step = new AttestStep(TextLists.parse(formData.optString("artifactsText", "")));
            AttestStep bound = (AttestStep) super.newInstance(req, formData);
            step.setProvenance(bound.isProvenance());
            step.setScan(bound.isScan());
            step.setKeyCredentialsId(bound.getKeyCredentialsId());
            step.setSbom(bound.getSbom());
            step.setPolicy(bound.getPolicy());
            return step;
        }

        @POST
        public ListBoxModel doFillKeyCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String value) {
            if (!jenkins.hasPermission(Item.CONFIGURE, item)) {
                return CredentialsListing.currentOnly(value);
            }
            return CredentialsListing.stringCredentials(item, value);
        }

        @POST
        public FormValidation doCheckArtifactsText(@AncestorInPath Item item, @QueryParameter String value) {
            if (!jenkins.hasPermission(Item.CONFIGURE, item)) {
                return FormValidation.ok();
            }
            return TextLists.parse(value).isEmpty() ? FormValidation.error("Name at least one artifact.")
                    : FormValidation.ok();
        }
    }
}
