package io.jenkins.plugins.securedeploy.engine.deploy;

import io.jenkins.plugins.securedeploy.engine.approval.ApprovalLedger;
import java.io.IOException;
import java.util.Optional;

/**
 * Where the host keeps a deployment's approval ledger between phases (the CLI: a JSON file {@code approve} votes on;
 * Jenkins: the run), so a vote cast in another process, or after a restart, is what the flow reads next.
 */
public interface ApprovalStore {
    Optional<ApprovalLedger> load(String id) throws IOException;

    void save(ApprovalLedger ledger) throws IOException;
}
