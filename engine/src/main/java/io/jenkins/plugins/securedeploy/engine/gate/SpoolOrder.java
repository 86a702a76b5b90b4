package io.jenkins.plugins.securedeploy.engine.gate;

import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.report.CompactFinding;
import java.util.ArrayList;
import java.util.List;

/**
 * The two orders of a {@link GateSpool}, on its records as they are (a source number, then a compact finding:
 * {@link CompactFinding}), never decoded: the report's - worst first (severity as the gate ranks it), then tool,
 * fingerprint (what the in-memory report sorted; arrival breaks ties) - and the next baseline's - fingerprint.
 *
 * <p>The packed key of a record, for the in-memory sort of a chunk: the report's holds the gate's rank (3 bits, worst
 * lowest), the tool's place among the chunk's distinct tools (when there are at most {@value #TOOLS}) and as many
 * characters of the fingerprint after the prefix every fingerprint of the chunk shares ({@code sha256:}) as fit in 8
 * bits each; the baseline's seven characters. A character is packed so that the key never orders two records other
 * than the strings do: {@code c + 1} below U+00FE, the end of the string 0 and anything from U+00FE up 0xFF, after
 * which (end or wide character) the rest of the key is the same filler, so records that differ only there are left to
 * {@link ExternalSort.Order#compare}.
 */
final class SpoolOrder implements ExternalSort.Order {
    /** Distinct tools of a chunk the report key tells apart; more, and the key holds the rank only. */
    static final int TOOLS = 64;
    private static final int[] RANK = ranks();

    private final int at;
    private final boolean report;

    private SpoolOrder(int at, boolean report) {
        this.at = at;
        this.report = report;
    }

    /** The report's order, on records whose compact finding starts {@code at} bytes in. */
    static SpoolOrder report(int at) {
        return new SpoolOrder(at, true);
    }

    /** The next baseline's order, on records whose compact finding (or its baseline part) starts {@code at} in. */
    static SpoolOrder baseline(int at) {
        return new SpoolOrder(at, false);
    }

    private static int[] ranks() {
        Severity[] all = Severity.values();
        int[] r = new int[all.length];
        for (Severity s : all) {
            r[s.ordinal()] = s.gateRank();
        }
        return r;
    }

    @Override
    public int compare(byte[] a, int ao, byte[] b, int bo) {
        int x = ao + at;
        int y = bo + at;
        if (report) {
            int c = Integer.compare(RANK[CompactFinding.severity(b, y)], RANK[CompactFinding.severity(a, x)]);
            if (c != 0) {
                return c;
            }
            c = CompactFinding.compareText(a, CompactFinding.tool(a, x), b, CompactFinding.tool(b, y));
            if (c != 0) {
                return c;
            }
        }
        return CompactFinding.compareText(a, CompactFinding.fingerprint(x), b, CompactFinding.fingerprint(y));
    }

    /** In the baseline, a later entry of the same fingerprint and input: the first one is the entry. */
    @Override
    public boolean redundant(byte[] a, int ao, byte[] b, int bo) {
        return !report && GateSpool.source(a, ao) == GateSpool.source(b, bo) && CompactFinding.compareText(a,
                CompactFinding.fingerprint(ao + at), b, CompactFinding.fingerprint(bo + at)) == 0;
    }

    @Override
    public void keys(byte[] records, int[] offsets, int n, long[] keys) {
        if (n == 0) {
            return;
        }
        int shared = sharedPrefix(records, offsets, n);
        if (!report) {
            for (int i = 0; i < n; i++) {
                keys[i] = chars(records, CompactFinding.fingerprint(offsets[i] + at), shared, 7, 56);
            }
            return;
        }
        int[] tool = new int[n];
        int tools = tools(records, offsets, n, tool);
        int toolBits = tools <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(tools - 1);
        int free = 60 - toolBits;
        for (int i = 0; i < n; i++) {
            int x = offsets[i] + at;
            long rank = 7 - RANK[CompactFinding.severity(records, x)];
            long key = rank << 60;
            if (tools <= TOOLS) {
                key |= (long) tool[i] << free;
                key |= chars(records, CompactFinding.fingerprint(x), shared, free / 8, free);
            }
            keys[i] = key;
        }
    }

    /** The length of the prefix all {@code n} fingerprints share. */
    private int sharedPrefix(byte[] records, int[] offsets, int n) {
        int first = CompactFinding.fingerprint(offsets[0] + at);
        int shared = CompactFinding.textLength(records, first);
        for (int i = 1; i < n && shared > 0; i++) {
            int fp = CompactFinding.fingerprint(offsets[i] + at);
            int k = Math.min(shared, CompactFinding.textLength(records, fp));
            int j = 0;
            while (j < k && CompactFinding.textChar(records, first, j) == CompactFinding.textChar(records, fp, j)) {
                j++;
            }
            shared = j;
        }
        return shared;
    }

    /**
     * Each record's tool as its place among the distinct tools of the chunk, sorted, into {@code tool}; returns how
     * many distinct tools there are (past {@value #TOOLS} it stops counting and returns more than that).
     */
    private int tools(byte[] records, int[] offsets, int n, int[] tool) {
        List<Integer> distinct = new ArrayList<>(); // the tool slot of the first record with each tool
        int last = -1;
        int lastId = -1;
        for (int i = 0; i < n; i++) {
            int t = CompactFinding.tool(records, offsets[i] + at);
            if (last >= 0 && CompactFinding.compareText(records, last, records, t) == 0) {
                tool[i] = lastId;
                continue;
            }
            int id = -1;
            for (int d = 0; d < distinct.size(); d++) {
                if (CompactFinding.compareText(records, distinct.get(d), records, t) == 0) {
                    id = d;
                    break;
                }
            }
            if (id < 0) {
                if (distinct.size() == TOOLS) {
                    return TOOLS + 1;
                }
                id = distinct.size();
                distinct.add(t);
            }
            tool[i] = id;
            last = t;
            lastId = id;
        }
        List<Integer> byName = new ArrayList<>(distinct);
        byName.sort((p, q) -> CompactFinding.compareText(records, p, records, q));
        int[] place = new int[distinct.size()];
        for (int d = 0; d < byName.size(); d++) {
            place[distinct.indexOf(byName.get(d))] = d;
        }
        for (int i = 0; i < n; i++) {
            tool[i] = place[tool[i]];
        }
        return distinct.size();
    }

    /** {@code count} characters of the slot's string from {@code from}, packed 8 bits each below bit {@code top}. */
    static long chars(byte[] b, int slot, int from, int count, int top) {
        int length = CompactFinding.textLength(b, slot);
        long key = 0;
        int shift = top;
        long filler = -1;
        for (int k = 0; k < count; k++) {
            shift -= 8;
            long c;
            if (filler >= 0) {
                c = filler;
            } else if (from + k >= length) {
                c = 0;
                filler = 0;
            } else {
                char ch = CompactFinding.textChar(b, slot, from + k);
                if (ch >= 0xFE) {
                    c = 0xFF;
                    filler = 0xFF;
                } else {
                    c = ch + 1;
                }
            }
            key |= c << shift;
        }
        return key;
    }
}
