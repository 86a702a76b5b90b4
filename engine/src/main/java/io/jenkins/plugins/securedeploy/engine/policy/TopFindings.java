package io.jenkins.plugins.securedeploy.engine.policy;

import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The {@code limit} worst findings seen, in the report's order: severity as the gate ranks it (worst first), then
 * tool, then fingerprint, then arrival (so the selection is exactly the head of a stable sort of every finding). A
 * heap whose top is the least of those kept, so each offer is O(log limit) and memory is bounded by {@code limit}
 * whatever the number of findings.
 */
final class TopFindings {
    static final Comparator<FindingOutcome> WORST_FIRST = Comparator
            .comparingInt((FindingOutcome o) -> -o.finding().severity().gateRank())
            .thenComparing(o -> o.finding().tool()).thenComparing(o -> o.finding().fingerprint());

    /** One kept outcome and when it arrived. */
    record Entry(long seq, FindingOutcome outcome) {}

    /** {@link #WORST_FIRST}, then arrival: a plain comparator, as the heap compares on every finding it keeps. */
    static final Comparator<Entry> ORDER = new Order();

    private static final class Order implements Comparator<Entry> {
        @Override
        public int compare(Entry a, Entry b) {
            Finding x = a.outcome().finding();
            Finding y = b.outcome().finding();
            int c = Integer.compare(-x.severity().gateRank(), -y.severity().gateRank());
            if (c == 0) {
                c = x.tool().compareTo(y.tool());
            }
            if (c == 0) {
                c = x.fingerprint().compareTo(y.fingerprint());
            }
            return c != 0 ? c : Long.compare(a.seq(), b.seq());
        }
    }

    private final int limit;
    private final PriorityQueue<Entry> heap;
    private final List<FindingOutcome> all;

    TopFindings(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("cannot keep " + limit + " findings");
        }
        this.limit = limit;
        boolean unbounded = limit == Integer.MAX_VALUE;
        this.heap = unbounded ? null : new PriorityQueue<>(Math.min(limit, 4096) + 1, ORDER.reversed());
        this.all = unbounded ? new ArrayList<>() : null;
    }

    void offer(long seq, FindingOutcome o) {
        if (all != null) {
            all.add(o);
            return;
        }
        if (limit == 0) {
            return;
        }
        if (heap.size() < limit) {
            heap.add(new Entry(seq, o));
            return;
        }
        Entry least = heap.peek();
        int rank = o.finding().severity().gateRank();
        int leastRank = least.outcome().finding().severity().gateRank();
        if (rank < leastRank) {
            return; // ranked after the least kept (ORDER's first key), so not kept: no entry, no comparator chain
        }
        Entry e = new Entry(seq, o);
        if (rank > leastRank || ORDER.compare(e, least) < 0) {
            heap.poll();
            heap.add(e);
        }
    }

    /** Offers everything {@code other} kept (with its arrival numbers). */
    void absorb(TopFindings other) {
        if (other.all != null) {
            throw new IllegalStateException("an unbounded selection cannot be absorbed");
        }
        other.heap.forEach(e -> offer(e.seq(), e.outcome()));
    }

    /** Whether {@code o} (by identity) is among those kept. */
    boolean contains(FindingOutcome o) {
        if (all != null) {
            return true;
        }
        for (Entry e : heap) {
            if (e.outcome() == o) {
                return true;
            }
        }
        return false;
    }

    /** Those kept, worst first (every finding, in arrival order, when unbounded). */
    List<FindingOutcome> kept() {
        if (all != null) {
            return List.copyOf(all);
        }
        List<Entry> out = new ArrayList<>(heap);
        out.sort(ORDER);
        return out.stream().map(Entry::outcome).toList();
    }
}
