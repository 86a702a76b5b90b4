package io.jenkins.plugins.securedeploy.jenkins.approval;

import io.jenkins.plugins.securedeploy.engine.approval.ApprovalLedger;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalSummary;
import java.time.Clock;
import java.util.List;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * One approval as the page and the REST API show it: getters over the engine's {@link ApprovalSummary} (the view
 * model, tested in the engine), so the Jelly holds no logic and no JEXL reserved word is a property name.
 */
@ExportedBean(defaultVisibility = 3)
public final class ApprovalView {
    private final ApprovalSummary summary;
    private final String evidence;

    ApprovalView(ApprovalLedger ledger, Clock clock, String evidence) {
        this.summary = ApprovalSummary.of(ledger, clock);
        this.evidence = evidence == null ? "" : evidence;
    }

    @Exported
    public String getId() {
        return summary.id();
    }

    /** PENDING, APPROVED, REJECTED or EXPIRED (a request past its deadline shows EXPIRED). */
    @Exported
    public String getStatus() {
        return summary.status();
    }

    @Exported
    public String getHeadline() {
        return summary.headline();
    }

    /** Whether votes are still taken (the page shows the form only then). */
    public boolean isOpen() {
        return summary.pending();
    }

    @Exported
    public String getRequestedAt() {
        return summary.requestedAt();
    }

    @Exported
    public String getDeadline() {
        return summary.deadline();
    }

    @Exported
    public List<String> getArtifactDigests() {
        return summary.artifactDigests();
    }

    @Exported
    public String getGateVerdict() {
        return summary.gateVerdict();
    }

    @Exported
    public List<String> getGateReasons() {
        return summary.gateReasons();
    }

    @Exported
    public List<String> getFindings() {
        return summary.findings();
    }

    @Exported
    public List<String> getWaivers() {
        return summary.waivers();
    }

    @Exported
    public String getRule() {
        return summary.rule();
    }

    @Exported
    public List<String> getRelaxations() {
        return summary.relaxations();
    }

    @Exported
    public List<Vote> getVotes() {
        return summary.votes().stream().map(Vote::new).toList();
    }

    /** Posted back with a vote: a vote for anything else than what is shown now is refused. */
    @Exported
    public String getShownFingerprint() {
        return summary.shownFingerprint();
    }

    /** The signed approval statement (DSSE JSON), or why it is unsigned; empty while pending. */
    @Exported(visibility = 4)
    public String getEvidence() {
        return evidence;
    }

    /** One ballot. */
    @ExportedBean(defaultVisibility = 4)
    public static final class Vote {
        private final ApprovalSummary.Row row;

        Vote(ApprovalSummary.Row row) {
            this.row = row;
        }

        @Exported
        public String getApprover() {
            return row.approver();
        }

        /** approve or reject. */
        @Exported
        public String getVote() {
            return row.vote();
        }

        @Exported
        public String getReason() {
            return row.reason();
        }

        @Exported
        public String getAt() {
            return row.at();
        }

        /** COUNTED, REFUSED or VOIDED. */
        @Exported
        public String getStatus() {
            return row.status();
        }

        /** Why it was refused or voided. */
        @Exported
        public String getNote() {
            return row.note();
        }
    }
}
