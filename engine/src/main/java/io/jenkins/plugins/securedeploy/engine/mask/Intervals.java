package io.jenkins.plugins.securedeploy.engine.mask;

import java.util.Arrays;

/**
 * Sorted, disjoint, non-adjacent ranges of stream positions to mask. A new match merges with every range it
 * overlaps or touches, so overlapping and adjacent secrets become one {@code ****} and the longest match wins.
 * Matches arrive in order of their end, and never start before a range that was already taken off the front.
 */
final class Intervals {
    private long[] starts = new long[8];
    private long[] ends = new long[8];
    private int head;
    private int tail;

    void add(long start, long end) {
        long s = start;
        long e = end;
        while (tail > head && ends[tail - 1] >= s) {
            tail--;
            s = Math.min(s, starts[tail]);
            e = Math.max(e, ends[tail]);
        }
        if (tail == starts.length) {
            if (head > 0) {
                System.arraycopy(starts, head, starts, 0, tail - head);
                System.arraycopy(ends, head, ends, 0, tail - head);
                tail -= head;
                head = 0;
            }
            if (tail == starts.length) {
                starts = Arrays.copyOf(starts, tail * 2);
                ends = Arrays.copyOf(ends, tail * 2);
            }
        }
        starts[tail] = s;
        ends[tail] = e;
        tail++;
    }

    boolean isEmpty() {
        return head == tail;
    }

    int size() {
        return tail - head;
    }

    long firstStart() {
        return starts[head];
    }

    long firstEnd() {
        return ends[head];
    }

    long start(int i) {
        return starts[head + i];
    }

    long end(int i) {
        return ends[head + i];
    }

    void removeFirst() {
        head++;
        if (head == tail) {
            head = 0;
            tail = 0;
        }
    }
}
