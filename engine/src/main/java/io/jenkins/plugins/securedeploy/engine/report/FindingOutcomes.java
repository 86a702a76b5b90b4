package io.jenkins.plugins.securedeploy.engine.report;

import io.jenkins.plugins.securedeploy.engine.policy.FindingOutcome;
import java.io.IOException;
import java.util.List;

/**
 * Every finding of a gate run in the report's order (worst first, then tool, fingerprint, arrival), readable as many
 * times as a writer needs: a list in memory, or a gate's spool on disk for reports of any size.
 */
@FunctionalInterface
public interface FindingOutcomes {
    /** Receives one finding. */
    @FunctionalInterface
    interface Visitor {
        void visit(FindingOutcome outcome) throws IOException;
    }

    /** Visits every finding, in order. */
    void forEach(Visitor visitor) throws IOException;

    /** The findings of a list (already in order). */
    static FindingOutcomes of(List<FindingOutcome> list) {
        List<FindingOutcome> copy = List.copyOf(list);
        return visitor -> {
            for (FindingOutcome o : copy) {
                visitor.visit(o);
            }
        };
    }
}
