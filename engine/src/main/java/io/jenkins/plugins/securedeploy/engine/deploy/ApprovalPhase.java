package io.jenkins.plugins.securedeploy.engine.deploy;

import io.jenkins.plugins.securedeploy.engine.approval.ApprovalLedger;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalRequest;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalRule;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalStatus;
import io.jenkins.plugins.securedeploy.engine.approval.Shown;
import io.jenkins.plugins.securedeploy.engine.core.DigestSet;
import io.jenkins.plugins.securedeploy.engine.gate.GateOutcome;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

/**
 * The approve phase over the environment's rule: opens the ledger (approvers are shown the digest and the gate's
 * decision) and waits; reads it back on every resume; APPROVED goes on, REJECTED or EXPIRED (the timeout is a
 * rejection) stops the flow. A ledger that shows another digest than the one deployed never counts.
 */
final class ApprovalPhase {
    private ApprovalPhase() {}

    /** The ledger id of a deployment's approval. */
    static String ledgerId(DeploymentState state) {
        return state.approvalId();
    }

    static PhaseResult run(DeploymentState state, DeploymentRequest r, ApprovalStore store, GateOutcome gate,
            Clock clock) throws IOException {
        Optional<ApprovalRule> rule = r.environment().approval();
        if (rule.isEmpty()) {
            return PhaseResult.skipped(Phase.APPROVE, state.environment() + " needs no approval", clock.instant());
        }
        String id = ledgerId(state);
        Optional<ApprovalLedger> stored = store.load(id);
        DigestSet digest = DigestSet.of(state.artifactDigest());
        if (stored.isEmpty()) {
            if (gate == null) {
                return PhaseResult.error(Phase.APPROVE, "approval " + id + " is missing and the gate decision "
                        + "approvers must be shown is not in this process; deploy again", clock.instant());
            }
            Shown shown = Shown.of(digest, gate.decision(), null, null);
            ApprovalLedger opened = ApprovalLedger.open(new ApprovalRequest(id, rule.get(), shown, r.actor(),
                    r.commitAuthors()), clock);
            store.save(opened);
            return PhaseResult.pending(Phase.APPROVE, "approval " + id + " requested: " + opened.describe(),
                    clock.instant());
        }
        ApprovalLedger ledger = stored.get().expireIfDue(clock);
        if (!ledger.request().shown().artifactDigest().matches(digest)) {
            return PhaseResult.failed(Phase.APPROVE, "approval " + id + " was given for another artifact, not "
                    + state.artifactDigest(), clock.instant());
        }
        if (ledger.status() != stored.get().status()) {
            store.save(ledger);
        }
        ApprovalStatus status = ledger.status();
        if (status == ApprovalStatus.PENDING) {
            return PhaseResult.pending(Phase.APPROVE, "approval " + id + ": " + ledger.describe(), clock.instant());
        }
        String headline = ledger.decision().map(d -> d.headline()).orElse(ledger.describe());
        return status.allowsDeployment() ? PhaseResult.passed(Phase.APPROVE, headline, clock.instant())
                : PhaseResult.failed(Phase.APPROVE, "approval " + id + " " + headline, clock.instant());
    }
}
