package io.jenkins.plugins.securedeploy.jenkins.sign;

import hudson.model.InvisibleAction;
import hudson.model.Run;
import io.jenkins.plugins.securedeploy.engine.sign.registry.VerificationSummary;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * Every {@code verifySignature} of a run, in order, as plain fields (XStream-safe). In the REST API with the build:
 * {@code verifications} (status, family, subject, headline, signers, subject digests, reasons, relaxations), so a
 * later stage or another job can read what was verified.
 */
@ExportedBean(defaultVisibility = 2)
public class SignatureVerificationsAction extends InvisibleAction {
    private final ArrayList<Verification> verifications = new ArrayList<>();

    /** The run's action, added on first use (parallel branches may call this concurrently). */
    static SignatureVerificationsAction on(Run<?, ?> run) {
        synchronized (run) {
            SignatureVerificationsAction a = run.getAction(SignatureVerificationsAction.class);
            if (a == null) {
                a = new SignatureVerificationsAction();
                run.addAction(a);
            }
            return a;
        }
    }

    synchronized void add(VerificationSummary s) {
        verifications.add(new Verification(s));
    }

    @Exported
    public synchronized List<Verification> getVerifications() {
        return List.copyOf(verifications);
    }

    /** One verification as recorded. */
    @ExportedBean(defaultVisibility = 3)
    public static final class Verification {
        private final String status;
        private final String family;
        private final String subject;
        private final String headline;
        private final ArrayList<String> signers;
        private final ArrayList<String> subjectDigests;
        private final ArrayList<String> reasons;
        private final ArrayList<String> relaxations;

        Verification(VerificationSummary s) {
            this.status = s.status().name();
            this.family = s.family();
            this.subject = s.subject();
            this.headline = s.headline();
            this.signers = new ArrayList<>(s.signers());
            this.subjectDigests = new ArrayList<>(s.subjectDigests());
            this.reasons = new ArrayList<>(s.reasons());
            this.relaxations = new ArrayList<>(s.relaxations());
        }

        /** VERIFIED, FAILED or ERROR. */
        @Exported
        public String getStatus() {
            return status;
        }

        @Exported
        public String getFamily() {
            return family;
        }

        @Exported
        public String getSubject() {
            return subject;
        }

        @Exported
        public String getHeadline() {
            return headline;
        }

        @Exported
        public List<String> getSigners() {
            return List.copyOf(signers);
        }

        @Exported
        public List<String> getSubjectDigests() {
            return List.copyOf(subjectDigests);
        }

        @Exported
        public List<String> getReasons() {
            return List.copyOf(reasons);
        }

        @Exported
        public List<String> getRelaxations() {
            return List.copyOf(relaxations);
        }
    }
}
