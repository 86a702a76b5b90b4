package io.jenkins.plugins.securedeploy.jenkins.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.jenkins.plugins.securedeploy.engine.sign.registry.TrustEntry;
import io.jenkins.plugins.securedeploy.engine.sign.registry.VerificationOptions.Relaxation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import jenkins.model.GlobalConfiguration;
import jenkins.model.GlobalConfigurationCategory;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest;

/**
 * Signature verification trust and floor: the public keys, keyrings, roots and sigstore trusted root every
 * {@code verifySignature} trusts, and which relaxations a Jenkinsfile may ask for (none by default: strict).
 * JCasC: {@code security: secureDeployVerification: ...}.
 */
@Extension
@Symbol("secureDeployVerification")
public class VerificationConfiguration extends GlobalConfiguration {
    private List<TrustConfig> trust = new ArrayList<>();
    private boolean allowNoArtifact;
    private boolean allowAnySignature;
    private boolean allowUnknownFields;
    private boolean allowNoTransparencyLog;

    public VerificationConfiguration() {
        load();
    }

    @NonNull
    @Override
    public GlobalConfigurationCategory getCategory() {
        return GlobalConfigurationCategory.get(GlobalConfigurationCategory.Security.class);
    }

    @Override
    public boolean configure(StaplerRequest req, JSONObject json) throws FormException {
        trust = new ArrayList<>();
        return super.configure(req, json);
    }

    /** The relaxations a Jenkinsfile may ask for. */
    public Set<Relaxation> allowedRelaxations() {
        Set<Relaxation> out = EnumSet.noneOf(Relaxation.class);
        if (allowNoArtifact) {
            out.add(Relaxation.NO_ARTIFACT);
        }
        if (allowAnySignature) {
            out.add(Relaxation.ANY_SIGNATURE);
        }
        if (allowUnknownFields) {
            out.add(Relaxation.UNKNOWN_FIELDS);
        }
        if (allowNoTransparencyLog) {
            out.add(Relaxation.NO_TRANSPARENCY_LOG);
        }
        return out;
    }

    /** The trust entries as the engine's serializable items. */
    public List<TrustEntry> trustEntries() {
        return getTrust().stream().map(TrustConfig::toEntry).toList();
    }

    public List<TrustConfig> getTrust() {
        return trust == null ? List.of() : List.copyOf(trust);
    }

    @DataBoundSetter
    public void setTrust(List<TrustConfig> trust) {
        List<TrustConfig> list = trust == null ? List.of() : trust;
        TrustEntry.material(list.stream().map(TrustConfig::toEntry).toList()); // refuses two sigstore roots
        this.trust = new ArrayList<>(list);
        save();
    }

    public boolean isAllowNoArtifact() {
        return allowNoArtifact;
    }

    @DataBoundSetter
    public void setAllowNoArtifact(boolean allow) {
        this.allowNoArtifact = allow;
        save();
    }

    public boolean isAllowAnySignature() {
        return allowAnySignature;
    }

    @DataBoundSetter
    public void setAllowAnySignature(boolean allow) {
        this.allowAnySignature = allow;
        save();
    }

    public boolean isAllowUnknownFields() {
        return allowUnknownFields;
    }

    @DataBoundSetter
    public void setAllowUnknownFields(boolean allow) {
        this.allowUnknownFields = allow;
        save();
    }

    public boolean isAllowNoTransparencyLog() {
        return allowNoTransparencyLog;
    }

    @DataBoundSetter
    public void setAllowNoTransparencyLog(boolean allow) {
        this.allowNoTransparencyLog = allow;
        save();
    }
}
