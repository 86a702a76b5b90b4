package io.jenkins.plugins.securedeploy.jenkins.sign;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import io.jenkins.plugins.securedeploy.engine.core.TextLists;
import io.jenkins.plugins.securedeploy.engine.sign.registry.VerificationOptions.Relaxation;
import io.jenkins.plugins.securedeploy.engine.sign.registry.VerificationOptions;
import io.jenkins.plugins.securedeploy.jenkins.facade.JenkinsFacade;
import java.util.ArrayList;
import java.util.EnumSet;
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
 * {@code verifySignature(evidence: 'app.intoto.json', artifact: 'app.tar.gz')}: verifies signature evidence of any
 * engine family (dsse, cosign, sigstore, pgp, x509, digest; detected or {@code type}) against the admin's trust
 * material, strict unless a relaxation the admin allows is asked for. Fails the build on FAILED or ERROR with the
 * reason; returns the result as a map (status, family, signers, subjectDigests, relaxations).
 */
public class VerifySignatureStep extends Step {
    private final String evidence;
    private String artifact = "";
    private String type = "";
    private String expectedDigest = "";
    private String predicateType = "";
    private List<String> allowedKeyIds = new ArrayList<>();
    private String identity = "";
    private String identityIssuer = "";
    private boolean noArtifact;
    private boolean anySignature;
    private boolean allowUnknownFields;
    private boolean noTransparencyLog;

    @DataBoundConstructor
    public VerifySignatureStep(String evidence) {
        this.evidence = evidence == null ? "" : evidence.strip();
    }

    public String getEvidence() {
        return evidence;
    }

    public String getArtifact() {
        return artifact;
    }

    @DataBoundSetter
    public void setArtifact(String artifact) {
        this.artifact = artifact == null ? "" : artifact.strip();
    }

    public String getType() {
        return type;
    }

    @DataBoundSetter
    public void setType(String type) {
        this.type = type == null ? "" : type.strip();
    }

    public String getExpectedDigest() {
        return expectedDigest;
    }

    @DataBoundSetter
    public void setExpectedDigest(String expectedDigest) {
        this.expectedDigest = expectedDigest == null ? "" : expectedDigest.strip();
    }

    public String getPredicateType() {
        return predicateType;
    }

    @DataBoundSetter
    public void setPredicateType(String predicateType) {
        this.predicateType = predicateType == null ? "" : predicateType.strip();
    }

    public List<String> getAllowedKeyIds() {
        return List.copyOf(allowedKeyIds);
    }

    @DataBoundSetter
    public void setAllowedKeyIds(List<String> allowedKeyIds) {
        this.allowedKeyIds = new ArrayList<>(TextLists.normalise(allowedKeyIds));
    }

    /** The key ids as the Snippet Generator's text box shows them (not a step parameter). */
    public String getAllowedKeyIdsText() {
        return TextLists.format(allowedKeyIds);
    }

    public String getIdentity() {
        return identity;
    }

    @DataBoundSetter
    public void setIdentity(String identity) {
        this.identity = identity == null ? "" : identity.strip();
    }

    public String getIdentityIssuer() {
        return identityIssuer;
    }

    @DataBoundSetter
    public void setIdentityIssuer(String identityIssuer) {
        this.identityIssuer = identityIssuer == null ? "" : identityIssuer.strip();
    }

    public boolean isNoArtifact() {
        return noArtifact;
    }

    @DataBoundSetter
    public void setNoArtifact(boolean noArtifact) {
        this.noArtifact = noArtifact;
    }

    public boolean isAnySignature() {
        return anySignature;
    }

    @DataBoundSetter
    public void setAnySignature(boolean anySignature) {
        this.anySignature = anySignature;
    }

    public boolean isAllowUnknownFields() {
        return allowUnknownFields;
    }

    @DataBoundSetter
    public void setAllowUnknownFields(boolean allowUnknownFields) {
        this.allowUnknownFields = allowUnknownFields;
    }

    public boolean isNoTransparencyLog() {
        return noTransparencyLog;
    }

    @DataBoundSetter
    public void setNoTransparencyLog(boolean noTransparencyLog) {
        this.noTransparencyLog = noTransparencyLog;
    }

    /** The step's fields as the engine's options value. */
    VerificationOptions toOptions() {
        Set<Relaxation> relaxations = EnumSet.noneOf(Relaxation.class);
        if (noArtifact) {
            relaxations.add(Relaxation.NO_ARTIFACT);
        }
        if (anySignature) {
            relaxations.add(Relaxation.ANY_SIGNATURE);
        }
        if (allowUnknownFields) {
            relaxations.add(Relaxation.UNKNOWN_FIELDS);
        }
        if (noTransparencyLog) {
            relaxations.add(Relaxation.NO_TRANSPARENCY_LOG);
        }
        return new VerificationOptions(type, expectedDigest, predicateType, allowedKeyIds, identity, identityIssuer,
                relaxations);
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new VerifySignatureExecution(context, this);
    }

    @Extension
    @Symbol("verifySignature")
    public static class DescriptorImpl extends StepDescriptor {
        private final JenkinsFacade jenkins = new JenkinsFacade();

        @Override
        public String getFunctionName() {
            return "verifySignature";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Secure Deploy: verify a signature, attestation or digest pin";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FilePath.class);
        }

        /** The {@code allowedKeyIdsText} box becomes the {@code allowedKeyIds} list, as {@code withEnv} does. */
        @Override
        public Step newInstance(StaplerRequest req, JSONObject formData) throws FormException {
            VerifySignatureStep step = (VerifySignatureStep) super.newInstance(req, formData);
            step.setAllowedKeyIds(TextLists.parse(formData.optString("allowedKeyIdsText", "")));
            return step;
        }

        @POST
        public FormValidation doCheckEvidence(@AncestorInPath Item item, @QueryParameter String value) {
            if (!jenkins.hasPermission(Item.CONFIGURE, item)) {
                return FormValidation.ok();
            }
            return value == null || value.isBlank() ? FormValidation.error("Name the evidence file in the workspace.")
                    : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckType(@AncestorInPath Item item, @QueryParameter String value) {
            if (!jenkins.hasPermission(Item.CONFIGURE, item)) {
                return FormValidation.ok();
            }
            return SignChecks.family(value);
        }
    }
}
