package io.jenkins.plugins.securedeploy.jenkins.approval;

import hudson.model.Run;
import hudson.scm.ChangeLogSet;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalLedger;
import io.jenkins.plugins.securedeploy.engine.deploy.ApprovalStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jenkins.scm.RunWithSCM;

/**
 * The engine's {@link ApprovalStore} over the build's {@link ApprovalAction}: the ledger secureDeploy's approve
 * phase opens is the one the build's "Approvals" page shows and takes votes on (POST, crumb, Job/Cancel, the
 * engine's eligibility), persisted with build.xml, so the phase reads the same ledger after a vote or a restart.
 */
public final class RunApprovalStore implements ApprovalStore {
    private final Run<?, ?> run;
    private final String subjectName;

    /** {@code subjectName}: the artifact's name, for the approval evidence. */
    public RunApprovalStore(Run<?, ?> run, String subjectName) {
        this.run = run;
        this.subjectName = subjectName;
    }

    /** Authors of the build's changes (user ids), who may not approve them under separation of duties. */
    public static List<String> commitAuthors(Run<?, ?> run) {
        List<String> out = new ArrayList<>();
        if (run instanceof RunWithSCM<?, ?> scm) {
            for (ChangeLogSet<? extends ChangeLogSet.Entry> set : scm.getChangeSets()) {
                for (ChangeLogSet.Entry e : set) {
                    out.add(e.getAuthor().getId());
                }
            }
        }
        return out;
    }

    @Override
    public Optional<ApprovalLedger> load(String id) {
        ApprovalAction action = run.getAction(ApprovalAction.class);
        return action == null ? Optional.empty() : action.ledger(id);
    }

    @Override
    public void save(ApprovalLedger ledger) throws IOException {
        ApprovalAction.on(run).keep(ledger, subjectName);
    }
}
