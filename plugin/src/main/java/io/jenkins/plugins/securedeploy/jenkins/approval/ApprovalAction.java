package io.jenkins.plugins.securedeploy.jenkins.approval;

import hudson.model.Item;
import hudson.model.Run;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalLedger;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalLedgerReader;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalLedgerWriter;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalRequest;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalService;
import io.jenkins.plugins.securedeploy.engine.approval.Ballot;
import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.jenkins.facade.GlobalConfigurationFacade;
import io.jenkins.plugins.securedeploy.jenkins.facade.JenkinsFacade;
import io.jenkins.plugins.securedeploy.jenkins.host.JobAuditLog;
import io.jenkins.plugins.securedeploy.jenkins.host.RealmApproverDirectory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;
import org.kohsuke.stapler.verb.POST;

/**
 * The approvals of a build: each request's ledger (the engine's secret-free JSON, so it survives a restart with
 * build.xml) and, once decided, its evidence. The page ({@code index.jelly}) shows what is asked and takes votes:
 * {@link #doVote} is POST only (crumb checked by Jenkins), needs Job/Cancel on the job (as {@code input} does),
 * and the engine decides eligibility (listed approver or group, not the submitter or a commit author, reason given,
 * before the deadline, for exactly what was shown). In the REST API as {@code approvals}.
 */
@ExportedBean(defaultVisibility = 2)
public class ApprovalAction implements RunAction2 {
    public static final String URL = "secure-deploy-approvals";

    private final LinkedHashMap<String, ApprovalRecord> approvals = new LinkedHashMap<>();
    private transient Run<?, ?> run;

    /** The run's action, added on first use. */
    static ApprovalAction on(Run<?, ?> run) {
        synchronized (run) {
            ApprovalAction a = run.getAction(ApprovalAction.class);
            if (a == null) {
                a = new ApprovalAction();
                run.addAction(a);
            }
            return a;
        }
    }

    /** Opens a request (recorded in the job's audit log) and persists its ledger with the build. */
    synchronized ApprovalLedger open(ApprovalRequest request, String subjectName) throws IOException {
        ApprovalLedger ledger = service().open(request);
        approvals.put(ledger.id(), new ApprovalRecord(subjectName, json(ledger)));
        run.save();
        return ledger;
    }

    /**
     * Keeps a ledger another flow opened or moved on (the engine's approve phase, through {@link RunApprovalStore}):
     * a new one is recorded for the page; one that became final here (expired) gets its evidence, as a vote's does.
     */
    synchronized void keep(ApprovalLedger ledger, String subjectName) throws IOException {
        ApprovalRecord r = approvals.get(ledger.id());
        if (r == null) {
            approvals.put(ledger.id(), new ApprovalRecord(subjectName, json(ledger)));
            run.save();
        } else if (ledger.status().isFinal() && !read(r).status().isFinal()) {
            decided(r, ledger);
        } else {
            r.ledgerJson = json(ledger);
            run.save();
        }
    }

    /** A request id not used yet in this build. */
    synchronized String uniqueId(String base) {
        String id = base;
        for (int i = 2; approvals.containsKey(id); i++) {
            id = base + "-" + i;
        }
        return id;
    }

    synchronized Optional<ApprovalLedger> ledger(String id) {
        ApprovalRecord r = approvals.get(id);
        return r == null ? Optional.empty() : Optional.of(read(r));
    }

    /** Expires the request when its deadline passed; the ledger when this call decided it. */
    synchronized Optional<ApprovalLedger> expireIfDue(String id) throws IOException {
        ApprovalRecord r = approvals.get(id);
        if (r == null) {
            return Optional.empty();
        }
        ApprovalService.Step step = service().expireIfDue(read(r));
        if (!step.decidedNow()) {
            return Optional.empty();
        }
        decided(r, step.ledger());
        return Optional.of(step.ledger());
    }

    /** One vote: approve or reject, with the reason and the fingerprint of what the voter saw. */
    @POST
    public HttpResponse doVote(@QueryParameter String id, @QueryParameter String vote, @QueryParameter String reason,
            @QueryParameter String shown) throws IOException {
        JenkinsFacade jenkins = new JenkinsFacade();
        jenkins.checkPermission(Item.CANCEL, run.getParent());
        String voter = jenkins.currentUserId().orElseThrow(HttpResponses::forbidden);
        Digest seen;
        try {
            seen = Digest.parse(shown == null ? "" : shown.strip());
        } catch (IllegalArgumentException e) {
            throw HttpResponses.error(400, "the form did not say what you reviewed; reload the page");
        }
        ApprovalService.Step step;
        synchronized (this) {
            ApprovalRecord r = approvals.get(id);
            if (r == null) {
                throw HttpResponses.notFound();
            }
            step = service().vote(read(r), new Ballot(voter, "approve".equals(vote), reason, seen),
                    new RealmApproverDirectory(jenkins, new GlobalConfigurationFacade().getApprovals()
                            .roleAssignments()));
            if (step.decidedNow()) {
                decided(r, step.ledger());
            } else {
                r.ledgerJson = json(step.ledger());
                run.save();
            }
        }
        if (step.decidedNow()) {
            ApprovalWaitExecution.resume(id, step.ledger());
        }
        return HttpResponses.redirectToDot();
    }

    /** Records the final ledger and its evidence (the decision signed with the admin's evidence key, if any). */
    private void decided(ApprovalRecord r, ApprovalLedger ledger) throws IOException {
        r.ledgerJson = json(ledger);
        r.evidence = ApprovalEvidenceSigner.envelope(run, service(), ledger, r.subjectName);
        run.save();
    }

    /** Every approval of the build, as the page and the REST API show it. */
    @Exported
    public synchronized List<ApprovalView> getApprovals() {
        List<ApprovalView> out = new ArrayList<>();
        approvals.values().forEach(r -> out.add(new ApprovalView(read(r), Clock.systemUTC(), r.evidence)));
        return out;
    }

    private ApprovalService service() {
        return new ApprovalService(Clock.systemUTC(), new JobAuditLog(run.getParent().getRootDir(),
                Clock.systemUTC()));
    }

    private static ApprovalLedger read(ApprovalRecord r) {
        return new ApprovalLedgerReader().read(r.ledgerJson.getBytes(StandardCharsets.UTF_8), "approval ledger");
    }

    private static String json(ApprovalLedger ledger) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ApprovalLedgerWriter().write(ledger, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    public Run<?, ?> getOwner() {
        return run;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    /** Shown in the side panel while an approval is pending. */
    @Override
    public String getIconFileName() {
        return "symbol-person";
    }

    @Override
    public String getDisplayName() {
        return "Approvals";
    }

    @Override
    public String getUrlName() {
        return URL;
    }

    /** One request as persisted: plain strings (XStream-safe). */
    static final class ApprovalRecord {
        final String subjectName;
        String ledgerJson;
        String evidence = "";

        ApprovalRecord(String subjectName, String ledgerJson) {
            this.subjectName = subjectName;
            this.ledgerJson = ledgerJson;
        }
    }
}
