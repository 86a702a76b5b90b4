package io.jenkins.plugins.securedeploy.engine.gate;

import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.report.CompactFinding;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.List;

/**
 * The two orders of a {@link GateSpool}, on its records as they are (a source number, for the report a tool number,
 * then a compact finding: {@link CompactFinding}), never decoded: the report's - worst first (severity as the gate
 * ranks it), then tool, fingerprint (what the in-memory report sorted; arrival breaks ties) - and the next
 * baseline's - fingerprint.
 *
 * <p>The packed key of a record, compared before anything else: the report's holds the gate's rank (3 bits, worst
 * lowest), the tool's place among every tool's name sorted (when there are at most {@value #TOOLS}) and as many
 * characters of the fingerprint after the prefix every fingerprint shares ({@code sha256:}) as fit in 8 bits each;
 * the baseline's seven characters. A chunk's keys ({@link #keys}) skip the prefix that chunk's fingerprints share,
 * the merge's ({@link #key}) the one all share. A character is packed so that the key never orders two records
 * other than the strings do: {@code c + 1} below U+00FE, the end of the string 0 and anything from U+00FE up 0xFF,
 * after which (end or wide character) the rest of the key is the same filler, so records that differ only there are
 * left to {@link #compare}.
 */
final class SpoolOrder implements ExternalSort.Order {
    /** Distinct tools the report key tells apart; more, and the key holds the rank only. */
    static final int TOOLS = 4096;
    private static final int[] RANK = ranks();
    private static final VarHandle BIG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final long ONES = 0x0101010101010101L;

    private final int at;
    private final List<String> tools;
    private int[] places = new int[0];
    private int toolBits;
    private String firstFingerprint;
    private int shared;
    /** Records of the chunk keyed as they were added ({@link #added}), or -1 when {@link #keys} must key them all. */
    private int addedCount = -1;
    /** The fingerprint slot of the chunk's first record. */
    private int chunkFirst;
    /** The prefix the fingerprints added to the chunk share. */
    private int chunkShared;
    /** Keys from here up were made with {@link #chunkShared} and the tools' places as they are. */
    private int fresh;

    private SpoolOrder(int at, List<String> tools) {
        this.at = at;
        this.tools = tools;
    }

    /**
     * The report's order, on records of a source, a tool (its number in {@code tools}, which holds the name of every
     * tool added so far) and then, {@code at} bytes in, a compact finding.
     */
    static SpoolOrder report(int at, List<String> tools) {
        return new SpoolOrder(at, tools);
    }

    /** The next baseline's order, on records whose compact finding (or its baseline part) starts {@code at} in. */
    static SpoolOrder baseline(int at) {
        return new SpoolOrder(at, null);
    }

    private static int[] ranks() {
        Severity[] all = Severity.values();
        int[] r = new int[all.length];
        for (Severity s : all) {
            r[s.ordinal()] = s.gateRank();
        }
        return r;
    }

    private static int tool(byte[] b, int off) {
        return GateSpool.source(b, off + 4);
    }

    @Override
    public int compare(byte[] a, int ao, byte[] b, int bo) {
        int x = ao + at;
        int y = bo + at;
        if (tools != null) {
            int c = Integer.compare(RANK[CompactFinding.severity(b, y)], RANK[CompactFinding.severity(a, x)]);
            if (c != 0) {
                return c;
            }
            int t = tool(a, ao);
            int u = tool(b, bo);
            if (t != u) {
                c = tools.get(t).compareTo(tools.get(u));
                if (c != 0) {
                    return c;
                }
            }
        }
        return CompactFinding.compareText(a, CompactFinding.fingerprint(x), b, CompactFinding.fingerprint(y));
    }

    /** In the baseline, a later entry of the same fingerprint and input: the first one is the entry. */
    @Override
    public boolean redundant(byte[] a, int ao, byte[] b, int bo) {
        return tools == null && GateSpool.source(a, ao) == GateSpool.source(b, bo) && CompactFinding.compareText(a,
                CompactFinding.fingerprint(ao + at), b, CompactFinding.fingerprint(bo + at)) == 0;
    }

    /**
     * The baseline keeps a chunk in memory without its repeated entries: it has one entry per fingerprint, so a
     * report whose findings repeat a few thousand fingerprints sorts in memory, without a run.
     */
    @Override
    public boolean compacts() {
        return tools == null;
    }

    /**
     * Equal keys decide when the fingerprint's last character packed is the end of the string (0): the rest of both
     * strings is then in the key (and so are the rank and the tool, when the key holds the tool), so the records
     * compare equal.
     */
    @Override
    public boolean decides(long key) {
        if (tools == null) {
            return (key & 0xFF) == 0;
        }
        if (toolBits < 0) {
            return false;
        }
        int free = 60 - toolBits;
        return free >= 8 && (key >>> (free - free / 8 * 8) & 0xFF) == 0;
    }

    /**
     * Keys the record while it is at hand: after the prefix the chunk's fingerprints share so far, which only
     * shrinks, so when it does (or a new tool moves the tools' places) the keys made before are made again in
     * {@link #keys}, and only those.
     */
    @Override
    public void added(byte[] records, int[] offsets, int i, long[] keys) {
        int fp = CompactFinding.fingerprint(offsets[i] + at);
        if (i == 0) {
            chunkFirst = fp;
            chunkShared = CompactFinding.textLength(records, fp);
            fresh = 0;
        } else if (i != addedCount) {
            addedCount = -1;
            return;
        } else if (chunkShared > 0) {
            int common = CompactFinding.commonPrefix(records, chunkFirst, records, fp, chunkShared);
            if (common < chunkShared) {
                chunkShared = common;
                fresh = i;
            }
        }
        if (tools != null && places.length != tools.size()) {
            places();
            fresh = i;
        }
        keys[i] = key(records, offsets[i], chunkShared);
        addedCount = i + 1;
    }

    @Override
    public void keys(byte[] records, int[] offsets, int n, long[] keys) {
        if (n == 0) {
            return;
        }
        int first = CompactFinding.fingerprint(offsets[0] + at);
        if (n == addedCount && (tools == null || places.length == tools.size())) {
            share(records, first, chunkShared);
            for (int i = 0; i < fresh; i++) {
                keys[i] = key(records, offsets[i], chunkShared);
            }
            return;
        }
        int local = sharedPrefix(records, offsets, n, first);
        share(records, first, local);
        for (int i = 0; i < n; i++) {
            keys[i] = key(records, offsets[i], local);
        }
    }

    @Override
    public long key(byte[] b, int off) {
        return key(b, off, shared);
    }

    private long key(byte[] b, int off, int from) {
        int x = off + at;
        int fp = CompactFinding.fingerprint(x);
        if (tools == null) {
            return chars(b, fp, from, 7, 56);
        }
        if (places.length != tools.size()) {
            places();
        }
        long key = (long) (7 - RANK[CompactFinding.severity(b, x)]) << 60;
        if (toolBits < 0) {
            return key;
        }
        int free = 60 - toolBits;
        return key | (long) places[tool(b, off)] << free | chars(b, fp, from, free / 8, free);
    }

    /** Each tool's place among the names sorted, and how many bits a place takes (-1: too many tools). */
    private void places() {
        int n = tools.size();
        Integer[] byName = new Integer[n];
        for (int i = 0; i < n; i++) {
            byName[i] = i;
        }
        java.util.Arrays.sort(byName, (p, q) -> tools.get(p).compareTo(tools.get(q)));
        int[] place = new int[n];
        for (int i = 0; i < n; i++) {
            place[byName[i]] = i;
        }
        places = place;
        toolBits = n > TOOLS ? -1 : n <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(n - 1);
    }

    /** Keeps {@link #shared} the prefix every fingerprint keyed so far shares. */
    private void share(byte[] b, int first, int local) {
        int n = CompactFinding.textLength(b, first);
        if (firstFingerprint == null) {
            StringBuilder text = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                text.append(CompactFinding.textChar(b, first, i));
            }
            firstFingerprint = text.toString();
            shared = local;
            return;
        }
        int k = Math.min(Math.min(shared, local), n);
        int j = 0;
        while (j < k && firstFingerprint.charAt(j) == CompactFinding.textChar(b, first, j)) {
            j++;
        }
        shared = j;
    }

    /** The length of the prefix all {@code n} fingerprints share. */
    private int sharedPrefix(byte[] records, int[] offsets, int n, int first) {
        int shared = CompactFinding.textLength(records, first);
        for (int i = 1; i < n && shared > 0; i++) {
            shared = CompactFinding.commonPrefix(records, first, records,
                    CompactFinding.fingerprint(offsets[i] + at), shared);
        }
        return shared;
    }

    /** {@code count} characters of the slot's string from {@code from}, packed 8 bits each below bit {@code top}. */
    static long chars(byte[] b, int slot, int from, int count, int top) {
        int length = CompactFinding.textLength(b, slot);
        int plain = CompactFinding.plainText(b, slot);
        if (plain >= 0 && from + count <= length) { // the common case: printable ASCII, long enough
            int at = plain + from;
            if (count > 0 && count < Long.BYTES && at <= b.length - Long.BYTES) {
                // the count bytes at once, first highest, each plus one (printable ASCII: no carry)
                int unused = Long.SIZE - Byte.SIZE * count;
                return ((long) BIG.get(b, at) >>> unused) + (ONES >>> unused) << top - Byte.SIZE * count;
            }
            long key = 0;
            for (int k = 0; k < count; k++) {
                key = key << 8 | (b[plain + from + k] & 0xFF) + 1;
            }
            return key << top - 8 * count;
        }
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
