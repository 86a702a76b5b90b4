package io.jenkins.plugins.securedeploy.engine.mask;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Aho-Corasick over bytes, compact and immutable: nodes are numbered in breadth-first order so each node's children
 * are consecutive ids (no edge arrays), the root has a 256-entry table, and a Wu-Manber shift table on 4-byte grams
 * lets the scan jump over text where no pattern can start (most of a log). Shared by all streams of one masker.
 */
final class Automaton {
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int GRAM = 4;
    private static final int MAX_WINDOW = 16;
    private static final int LINEAR_SEARCH = 8;
    /**
     * The shift table stays within 256 KiB (L2-resident): the skip loop is a chain of dependent loads, so a cache miss
     * per window costs more than the few extra false candidates a smaller table lets through (measured: 1000 secrets
     * went from 0.67 to 0.98 GB/s per core when the cap went from 2^20 to 2^18).
     */
    private static final int MAX_TABLE_BITS = 18;

    /** Called for every match: the longest pattern ending just before {@code end} (an index into the scanned array). */
    interface Sink {
        void match(int end, int length);
    }

    private final int[] rootNext = new int[256];
    private final byte[] label;
    private final int[] firstChild;
    private final int[] fail;
    private final int[] out;
    private final int[] live;
    private final int maxLength;
    private final int window;
    private final byte[] shift;
    private final int shiftBits;

    /** @param patterns distinct, non-empty, sorted by {@link Arrays#compareUnsigned(byte[], byte[])} */
    Automaton(byte[][] patterns) {
        int capacity = 1;
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (byte[] p : patterns) {
            capacity += p.length;
            min = Math.min(min, p.length);
            max = Math.max(max, p.length);
        }
        maxLength = max;
        byte[] labels = new byte[capacity];
        int[] first = new int[capacity + 1];
        int[] depths = new int[capacity];
        int[] lo = new int[capacity];
        int[] hi = new int[capacity];
        boolean[] terminal = new boolean[capacity];
        hi[0] = patterns.length;
        int next = 1;
        for (int id = 0; id < next; id++) {
            int d = depths[id];
            int i = lo[id];
            int end = hi[id];
            if (i < end && patterns[i].length == d) {
                terminal[id] = true;
                i++;
            }
            first[id] = next;
            while (i < end) {
                byte c = patterns[i][d];
                int j = i + 1;
                while (j < end && patterns[j][d] == c) {
                    j++;
                }
                labels[next] = c;
                depths[next] = d + 1;
                lo[next] = i;
                hi[next] = j;
                next++;
                i = j;
            }
        }
        first[next] = next;
        label = Arrays.copyOf(labels, next);
        firstChild = Arrays.copyOf(first, next + 1);
        fail = new int[next];
        out = new int[next];
        live = new int[next];
        for (int c = firstChild[0]; c < firstChild[1]; c++) {
            rootNext[label[c] & 0xff] = c;
            out[c] = terminal[c] ? 1 : 0;
            live[c] = firstChild[c + 1] > firstChild[c] ? 1 : 0;
        }
        for (int id = 1; id < next; id++) {
            for (int c = firstChild[id]; c < firstChild[id + 1]; c++) {
                int f = step(fail[id], label[c] & 0xff);
                fail[c] = f;
                out[c] = terminal[c] ? depths[c] : out[f];
                live[c] = firstChild[c + 1] > firstChild[c] ? depths[c] : live[f];
            }
        }
        if (patterns.length > 0 && min >= GRAM) {
            window = Math.min(min, MAX_WINDOW);
            long grams = (long) patterns.length * (window - GRAM + 1);
            shiftBits = Math.max(12, Math.min(MAX_TABLE_BITS, 64 - Long.numberOfLeadingZeros(grams * 8)));
            shift = new byte[1 << shiftBits];
            Arrays.fill(shift, (byte) (window - GRAM + 1));
            for (byte[] p : patterns) {
                for (int j = GRAM; j <= window; j++) {
                    int h = hash(gramAt(p, j - GRAM));
                    shift[h] = (byte) Math.min(shift[h], window - j);
                }
            }
        } else {
            window = 0;
            shiftBits = 0;
            shift = new byte[0];
        }
    }

    int maxLength() {
        return maxLength;
    }

    int nodeCount() {
        return label.length;
    }

    /**
     * The live prefix of a state: how many of the last bytes may still become the start of a match (the longest
     * suffix of the text that is a pattern prefix and can still be extended).
     */
    int live(int state) {
        return live[state];
    }

    /** Approximate retained heap of the tables, in bytes. */
    long footprintBytes() {
        return label.length * 17L + 256L * 4 + shift.length;
    }

    @SuppressWarnings("cast") // the cast selects the VarHandle's signature-polymorphic return type
    private static int gramAt(byte[] b, int at) {
        return (int) INT_LE.get(b, at);
    }

    private int hash(int gram) {
        return (gram * 0x9E3779B1) >>> (32 - shiftBits);
    }

    private int child(int node, int c) {
        int from = firstChild[node];
        int to = firstChild[node + 1];
        if (to - from <= LINEAR_SEARCH) {
            for (int i = from; i < to; i++) {
                if ((label[i] & 0xff) == c) {
                    return i;
                }
            }
            return 0;
        }
        int l = from;
        int h = to - 1;
        while (l <= h) {
            int m = (l + h) >>> 1;
            int v = label[m] & 0xff;
            if (v < c) {
                l = m + 1;
            } else if (v > c) {
                h = m - 1;
            } else {
                return m;
            }
        }
        return 0;
    }

    private int step(int state, int c) {
        int s = state;
        while (s != 0) {
            int t = child(s, c);
            if (t != 0) {
                return t;
            }
            s = fail[s];
        }
        return rootNext[c];
    }

    /**
     * Scans {@code buf[from, to)} continuing from {@code state}, reporting every position where a pattern ends (with
     * the longest such pattern), and returns the state after the last byte. Positions before {@code from} are never
     * read: the skip only looks at windows inside the range.
     */
    int scan(byte[] buf, int from, int to, int state, Sink sink) {
        final int w = window;
        final int last = to - w;
        final byte[] shifts = shift;
        final int[] lives = live;
        final int[] outs = out;
        int s = state;
        int p = from;
        while (p < to) {
            if (w != 0 && p <= last) {
                int start = p - lives[s];
                if (start >= from) {
                    int sh = shifts[hash(gramAt(buf, start + w - GRAM))];
                    if (start + sh > p) {
                        // no pattern starts in [start, start + sh): every live prefix is dead; skip ahead
                        start += sh;
                        while (start <= last) {
                            sh = shifts[hash(gramAt(buf, start + w - GRAM))];
                            if (sh == 0) {
                                break;
                            }
                            start += sh;
                        }
                        p = start;
                        s = 0;
                        if (p >= to) {
                            break;
                        }
                    }
                }
            }
            s = step(s, buf[p] & 0xff);
            p++;
            int o = outs[s];
            if (o != 0) {
                sink.match(p, o);
            }
        }
        return s;
    }
}
