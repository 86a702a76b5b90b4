package io.jenkins.plugins.securedeploy.jenkins.credentials;

import hudson.model.InvisibleAction;
import hudson.model.Run;
import io.jenkins.plugins.securedeploy.engine.credentials.RevocationRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * The short-lived credentials a run obtained and what became of each (REVOKED, EXPIRES at, or FAILED with why):
 * the revocation proof, secret-free (labels such as {@code vault database/creds/app}, never a token or lease id).
 * In the REST API with the build as {@code leases}.
 */
@ExportedBean(defaultVisibility = 2)
public class CredentialLeasesAction extends InvisibleAction {
    private final ArrayList<Lease> leases = new ArrayList<>();

    static CredentialLeasesAction on(Run<?, ?> run) {
        synchronized (run) {
            CredentialLeasesAction a = run.getAction(CredentialLeasesAction.class);
            if (a == null) {
                a = new CredentialLeasesAction();
                run.addAction(a);
            }
            return a;
        }
    }

    synchronized void add(String profile, RevocationRecord record) {
        leases.add(new Lease(profile, record.toMap()));
    }

    synchronized void addLost(String profile, String label, String expiresAt) {
        leases.add(new Lease(profile, Map.of("provider", "", "lease", label, "outcome", "FAILED", "detail",
                "the controller restarted while the body ran; revocation was not possible, the credential expires at "
                        + expiresAt, "expiresAt", expiresAt)));
    }

    @Exported
    public synchronized List<Lease> getLeases() {
        return List.copyOf(leases);
    }

    /** One lease's record. */
    @ExportedBean(defaultVisibility = 3)
    public static final class Lease {
        private final String profile;
        private final String provider;
        private final String label;
        private final String outcome;
        private final String detail;
        private final String expiresAt;

        Lease(String profile, Map<String, String> record) {
            this.profile = profile;
            this.provider = record.getOrDefault("provider", "");
            this.label = record.getOrDefault("lease", "");
            this.outcome = record.getOrDefault("outcome", "");
            this.detail = record.getOrDefault("detail", "");
            this.expiresAt = record.getOrDefault("expiresAt", "");
        }

        @Exported
        public String getProfile() {
            return profile;
        }

        @Exported
        public String getProvider() {
            return provider;
        }

        @Exported
        public String getLabel() {
            return label;
        }

        /** REVOKED, EXPIRES or FAILED. */
        @Exported
        public String getOutcome() {
            return outcome;
        }

        @Exported
        public String getDetail() {
            return detail;
        }

        @Exported
        public String getExpiresAt() {
            return expiresAt;
        }
    }
}
