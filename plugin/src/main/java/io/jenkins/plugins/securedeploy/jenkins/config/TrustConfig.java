package io.jenkins.plugins.securedeploy.jenkins.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.securedeploy.engine.sign.registry.TrustEntry;
import io.jenkins.plugins.securedeploy.jenkins.facade.JenkinsFacade;
import java.nio.charset.StandardCharsets;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** One trusted item (public, so kept in plain text): its kind, a name for reasons, and its PEM / armored content. */
public class TrustConfig extends AbstractDescribableImpl<TrustConfig> {
    private final String name;
    private final String kind;
    private final String content;

    @DataBoundConstructor
    public TrustConfig(String name, String kind, String content) {
        this.name = name == null ? "" : name.strip();
        this.kind = kind == null ? "" : kind.strip();
        this.content = content == null ? "" : content.replace("\r\n", "\n").strip();
        if (this.name.isEmpty() || this.content.isEmpty()) {
            throw new IllegalArgumentException("trust: name and content are required");
        }
        toEntry();
    }

    public String getName() {
        return name;
    }

    public String getKind() {
        return kind;
    }

    public String getContent() {
        return content;
    }

    public TrustEntry toEntry() {
        TrustEntry.Kind k = TrustEntry.Kind.parse(kind).orElseThrow(() -> new IllegalArgumentException(
                "kind must be publicKey, keyring, root or sigstoreTrustedRoot"));
        return new TrustEntry(k, name, (content + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Extension
    @Symbol("trusted")
    public static class DescriptorImpl extends Descriptor<TrustConfig> {
        private final JenkinsFacade jenkins = new JenkinsFacade();

        @NonNull
        @Override
        public String getDisplayName() {
            return "Trusted key or root";
        }

        @POST
        public ListBoxModel doFillKindItems() {
            ListBoxModel items = new ListBoxModel();
            if (!jenkins.hasPermission(Jenkins.ADMINISTER)) {
                return items;
            }
            for (TrustEntry.Kind k : TrustEntry.Kind.values()) {
                items.add(k.id());
            }
            return items;
        }

        @POST
        public FormValidation doCheckName(@QueryParameter String value) {
            jenkins.checkPermission(Jenkins.ADMINISTER);
            return value == null || value.isBlank() ? FormValidation.error("Name the item (it appears in reasons).")
                    : FormValidation.ok();
        }
    }
}
