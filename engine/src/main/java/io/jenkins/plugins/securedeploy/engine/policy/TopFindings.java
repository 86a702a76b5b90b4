package io.jenkins.plugins.securedeploy.engine.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The {@code limit} worst findings seen, in the report's order: severity as the gate ranks it (worst first), then
 * tool, then fingerprint. A heap whose top is the least of those kept, so each offer is O(log limit) and memory is
 * bounded by {@code limit} whatever the number of findings.
 */
final class TopFindings {
    static final Comparator<FindingOutcome> WORST_FIRST = Comparator
            .comparingInt((FindingOutcome o) -> -o.finding().severity().gateRank())
            .thenComparing(o -> o.finding().tool()).thenComparing(o -> o.finding().fingerprint());

    private final int limit;
    private final PriorityQueue<FindingOutcome> heap;
    private final List<FindingOutcome> all;

    TopFindings(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("cannot keep " + limit + " findings");
        }
        this.limit = limit;
        boolean unbounded = limit == Integer.MAX_VALUE;
        this.heap = unbounded ? null : new PriorityQueue<>(Math.min(limit, 4096) + 1, WORST_FIRST.reversed());
        this.all = unbounded ? new ArrayList<>() : null;
    }

    void offer(FindingOutcome o) {
        if (all != null) {
            all.add(o);
            return;
        }
        if (limit == 0) {
            return;
        }
        if (heap.size() < limit) {
            heap.add(o);
        } else if (WORST_FIRST.compare(o, heap.peek()) < 0) {
            heap.poll();
            heap.add(o);
        }
    }

    /** Those kept, worst first (every finding, in arrival order, when unbounded). */
    List<FindingOutcome> kept() {
        if (all != null) {
            return List.copyOf(all);
        }
        List<FindingOutcome> out = new ArrayList<>(heap);
        out.sort(WORST_FIRST);
        return List.copyOf(out);
    }
}
