package io.jenkins.plugins.securedeploy.jenkins.deploy;

import io.jenkins.plugins.securedeploy.engine.approval.ApprovalLedger;
import io.jenkins.plugins.securedeploy.engine.deploy.ApprovalStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The approval store of one secureDeploy execution: it holds the ledger the approve phase opens for as long as the
 * step runs. Nobody can vote on it, so an environment with an approval rule ends WAITING and the step fails closed.
 */
final class MemoryApprovalStore implements ApprovalStore {
    private final Map<String, ApprovalLedger> ledgers = new HashMap<>();

    @Override
    public synchronized Optional<ApprovalLedger> load(String id) {
        return Optional.ofNullable(ledgers.get(id));
    }

    @Override
    public synchronized void save(ApprovalLedger ledger) {
        ledgers.put(ledger.request().id(), ledger);
    }
}
