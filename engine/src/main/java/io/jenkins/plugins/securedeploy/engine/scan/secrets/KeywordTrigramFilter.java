package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The byte prefilter for keyword sets whose every keyword has at least three bytes: finds the first line of raw bytes
 * that holds a keyword (ASCII, case-insensitively; a cased one only as written) without walking an automaton over
 * every byte.
 *
 * <p>Every second position starts a <em>window</em> of three bytes, and each byte is reduced to its low five bits
 * ({@code b & 0x1F}: the same for a letter in either case), so a window is a 15-bit number that indexes a 32 KiB table
 * directly. Each keyword of four bytes or more is represented by two windows that start at adjacent offsets {@code j}
 * and {@code j + 1} inside it, chosen where its letters are rarest; one of them starts at an even distance from any
 * position, so it is looked at. A keyword of three bytes is represented by the window of its three bytes and by the
 * window starting at its second byte, whose third byte may be anything (32 entries). Sixteen bytes are two 64-bit
 * reads (the next block's first one read ahead, for the last window's third byte), some shifts and masks that pack the
 * eight windows' 15-bit numbers into two longs (SWAR), eight table lookups and one branch; about one block in a hundred
 * of source code has a candidate, which is confirmed by comparing the keywords that own that window at their offset
 * (a cased keyword byte for byte, the others in any case). Five bits fold more than case together (digits onto
 * letters, some punctuation onto others), which only makes more candidates; a byte of 0x80 or more is never part of a
 * keyword, so the bytes hold a keyword exactly where the decoded UTF-8 text does. Immutable and thread-safe.
 */
final class KeywordTrigramFilter {
    /** Shortest keyword the filter can find. */
    static final int MIN_LENGTH = 3;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** The low five bits of each byte. */
    private static final long LOW5 = 0x1F1F1F1F1F1F1F1FL;
    /** Bytes 0, 2, 4, 6 (each window's first byte, in place). */
    private static final long EVEN5 = 0x001F001F001F001FL;
    /** Bytes 1, 3, 5, 7 (each window's second byte, moved down by three bits to bits 5-9 of its window). */
    private static final long ODD5 = 0x1F001F001F001F00L;
    /** Bits 10-14 of each 16-bit lane (each window's third byte: the next window's first, moved down six bits). */
    private static final long THIRD = 0x7C007C007C007C00L;
    private static final int WINDOWS = 1 << 15;
    /**
     * Byte pairs from the most to the least frequent in source code and English prose (rough, by rank; English from
     * letter-pair counts of a large corpus, code pairs first): a keyword is looked for by its two adjacent windows
     * whose pairs rank lowest. Pairs not listed count as rare. Only speed depends on this list, never what is found.
     * Held as ranks by pair (1-based, 0 for a pair not listed): a keyword's windows are ranked without a list search.
     */
    private static final short[] PAIR_RANKS = ranks(" *,*/,//,/*,**,--,(),);,th,he,in,er,an,re,on,at,en,"
            + "nd,ti,es,or,te,of,ed,is,it,al,ar,st,to,nt,ng,se,ha,as,ou,io,le,ve,co,me,de,hi,ri,ro,ic,ne,ea,ra,ce,li,"
            + "ch,ll,be,ma,si,om,ur,ca,el,ta,la,ns,di,fo,ho,pe,ec,pr,no,ct,us,ac,ot,il,tr,ly,nc,et,ut,ss,so,rs,un,lo,"
            + "wa,ge,ie,wh,ee,wi,em,ad,ol,rt,po,we,na,ul,ni,ts,mo,ow,pa,im,mi,ai,sh,ir,su,id,os,iv,ia,am,fi,ci,vi,pl,"
            + "ig,tu,ev,ld,ry,mp,fe,bl,ab,gh,ty,op,wo,sa,ay,ex,ke,fr,oo,av,ag,if,ap,gr,od,bo,sp,rd,do,uc,bu,ei,ov,by,"
            + "rm,ep,tt,oc,fa,ef,cu,rn,sc,gi,da,yo,cr,cl,du,ga,qu,ue,ff,ba,ey,ls,va,um,pp,ua,up,lu,go,ht,ru,ug,ds,lt,"
            + "pi,rc,rr,eg,au,ck,ew,mu,br,bi,pt,ak,pu,ui,rg,ib,tl,ny,ki,rk,ys,ob,mm,fu,ph,og,ms,ye,ud,mb,ip,ub,oi,rl");

    /** 1 where a window can belong to a keyword. */
    private final byte[] windows = new byte[WINDOWS];
    /**
     * The windows that can, ascending; for each, the keywords (lower-case bytes, or as written when cased), whether each
     * is cased, and the window's offset in each.
     */
    private final int[] keys;
    private final byte[][][] words;
    private final boolean[][] cased;
    private final int[][] offsets;

    /** A filter for keywords that count in any case. */
    KeywordTrigramFilter(List<String> keywords) {
        this(keywords, new boolean[keywords.size()]);
    }

    /**
     * {@code cased[k]}: keyword {@code k} counts only in the case it is written in (a rule's pattern can begin a match
     * only there), so a line holding it only in another case is not a hit.
     */
    KeywordTrigramFilter(List<String> keywords, boolean[] cased) {
        List<Keyword> distinct = new ArrayList<>();
        for (int k = 0; k < keywords.size(); k++) {
            String text = keywords.get(k);
            if (text.length() < MIN_LENGTH) {
                throw new IllegalArgumentException("keywords of the trigram filter have at least three bytes");
            }
            Keyword keyword = new Keyword(text.toLowerCase(Locale.ROOT), cased[k] ? text : null);
            if (indexOf(distinct, keyword) < 0) {
                distinct.add(keyword);
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (Keyword k : distinct) {
            if (coveredByAnother(distinct, k)) {
                continue; // a line holding it holds the other keyword: finding that one is enough
            }
            byte[] lower = k.lower.getBytes(StandardCharsets.US_ASCII);
            byte[] word = k.exact == null ? lower : k.exact.getBytes(StandardCharsets.US_ASCII);
            int j = word.length == MIN_LENGTH ? 0 : rarestWindows(lower);
            add(entries, word, k.exact != null, j);
            add(entries, word, k.exact != null, j + 1);
        }
        entries.sort((a, b) -> Integer.compare(a.key, b.key));
        int distinctKeys = (int) entries.stream().mapToInt(Entry::key).distinct().count();
        keys = new int[distinctKeys];
        words = new byte[distinctKeys][][];
        this.cased = new boolean[distinctKeys][];
        offsets = new int[distinctKeys][];
        int slot = -1;
        for (Entry e : entries) {
            if (slot < 0 || keys[slot] != e.key) {
                slot++;
                keys[slot] = e.key;
                words[slot] = new byte[0][];
                this.cased[slot] = new boolean[0];
                offsets[slot] = new int[0];
            }
            int n = words[slot].length;
            words[slot] = Arrays.copyOf(words[slot], n + 1);
            words[slot][n] = e.word;
            this.cased[slot] = Arrays.copyOf(this.cased[slot], n + 1);
            this.cased[slot][n] = e.cased;
            offsets[slot] = Arrays.copyOf(offsets[slot], n + 1);
            offsets[slot][n] = e.offset;
            windows[e.key] = 1;
        }
    }

    /**
     * A keyword: lower-cased, and as written when it counts only in that case (else null). Compared field by field
     * below, not by the record's {@code equals}: the tables are built once per JVM, by then still interpreted, where a
     * record's generated {@code equals} links and runs method handles (a few ms of a worker's start).
     */
    private record Keyword(String lower, String exact) {
        boolean same(Keyword k) {
            return lower.equals(k.lower) && (exact == null ? k.exact == null : exact.equals(k.exact));
        }

        /** Whether every occurrence of {@code k} that counts holds an occurrence of this keyword that counts. */
        boolean covers(Keyword k) {
            return exact == null ? k.lower.contains(lower) : k.exact != null && k.exact.contains(exact);
        }
    }

    private static int indexOf(List<Keyword> keywords, Keyword k) {
        for (int i = 0; i < keywords.size(); i++) {
            if (keywords.get(i).same(k)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean coveredByAnother(List<Keyword> distinct, Keyword k) {
        for (Keyword o : distinct) {
            if (o != k && o.covers(k)) {
                return true;
            }
        }
        return false;
    }

    private record Entry(int key, byte[] word, boolean cased, int offset) {}

    /** The window at {@code offset} of {@code word}; where it reaches past the word's end, every third byte. */
    private static void add(List<Entry> entries, byte[] word, boolean cased, int offset) {
        int pair = low5(word[offset]) | low5(word[offset + 1]) << 5;
        if (offset + 2 < word.length) {
            entries.add(new Entry(pair | low5(word[offset + 2]) << 10, word, cased, offset));
        } else {
            for (int third = 0; third < 32; third++) {
                entries.add(new Entry(pair | third << 10, word, cased, offset));
            }
        }
    }

    /** The offset {@code j} whose windows {@code j} and {@code j + 1} are the least common (a keyword of 4+ bytes). */
    private static int rarestWindows(byte[] word) {
        int best = 0;
        double cost = Double.MAX_VALUE;
        for (int j = 0; j + 3 < word.length; j++) {
            double c = frequency(word, j) + frequency(word, j + 1);
            if (c < cost) {
                cost = c;
                best = j;
            }
        }
        return best;
    }

    /** A rough frequency of the three bytes at {@code j}: the product of its two pairs' frequencies. */
    private static double frequency(byte[] word, int j) {
        return frequency(word[j], word[j + 1]) * frequency(word[j + 1], word[j + 2]);
    }

    private static double frequency(byte a, byte b) {
        int rank = PAIR_RANKS[(a & 0x7F) << 7 | b & 0x7F] - 1;
        return rank < 0 ? 0.0001 : 1.0 / (20 + rank);
    }

    /** The ranks of the comma-separated two-byte pairs of {@code list}, by pair (first rank wins). */
    private static short[] ranks(String list) {
        short[] ranks = new short[128 * 128];
        for (int i = 0, rank = 1; i + 1 < list.length(); i += 3, rank++) {
            int pair = (list.charAt(i) & 0x7F) << 7 | list.charAt(i + 1) & 0x7F;
            if (ranks[pair] == 0) {
                ranks[pair] = (short) rank;
            }
        }
        return ranks;
    }

    private static int low5(int b) {
        return b & 0x1F;
    }

    /**
     * The index of the last byte of a keyword occurrence in {@code bytes[from, to)} on the first line there that holds
     * one (no keyword holds a line break), or -1 when there is none.
     */
    @SuppressWarnings("cast") // the cast selects the VarHandle's signature-polymorphic return type
    int firstHit(byte[] bytes, int from, int to) {
        final byte[] t = windows;
        int i = from;
        if (i + 24 <= to) {
            long x = (long) LONGS.get(bytes, i) & LOW5;
            // the last window of a block reads the next block's first byte: the next block's first long, read ahead
            // (one 64-bit read instead of a bounds-checked byte read per block: ~10 % of the loop under C1)
            for (; i + 24 <= to; i += 16) {
                long y = (long) LONGS.get(bytes, i + 8) & LOW5;
                long next = (long) LONGS.get(bytes, i + 16) & LOW5;
                long xe = x & EVEN5;
                long ye = y & EVEN5;
                // 16-bit lane k: the window at 2k, its bytes' five bits at bits 0-4, 5-9 and 10-14
                long wx = xe | (x & ODD5) >>> 3 | (xe >>> 6 & THIRD) | ye << 58;
                long wy = ye | (y & ODD5) >>> 3 | (ye >>> 6 & THIRD) | next << 58;
                if ((t[(int) wx & 0x7FFF] | t[(int) (wx >>> 16) & 0x7FFF] | t[(int) (wx >>> 32) & 0x7FFF]
                        | t[(int) (wx >>> 48)] | t[(int) wy & 0x7FFF] | t[(int) (wy >>> 16) & 0x7FFF]
                        | t[(int) (wy >>> 32) & 0x7FFF] | t[(int) (wy >>> 48)]) != 0) {
                    int end = windowsFrom(bytes, i, i + 16, from, to);
                    if (end >= 0) {
                        return end;
                    }
                }
                x = next;
            }
        }
        return windowsFrom(bytes, i, to, from, to);
    }

    /** The windows starting at {@code i, i + 2, ...} before {@code limit}, one at a time, in order. */
    private int windowsFrom(byte[] bytes, int i, int limit, int from, int to) {
        for (int p = i; p < limit && p + 1 < to; p += 2) {
            int pair = low5(bytes[p]) | low5(bytes[p + 1]) << 5;
            if (p + 2 < to) {
                int key = pair | low5(bytes[p + 2]) << 10;
                if (windows[key] != 0) {
                    int end = confirm(bytes, p, key, from, to);
                    if (end >= 0) {
                        return end;
                    }
                }
            } else {
                // the window reaches past the range: only a keyword ending at to - 1 can start in it
                for (int third = 0; third < 32; third++) {
                    int key = pair | third << 10;
                    if (windows[key] != 0) {
                        int end = confirm(bytes, p, key, from, to);
                        if (end >= 0) {
                            return end;
                        }
                    }
                }
            }
        }
        return -1;
    }

    /**
     * A keyword owning window {@code key}, found with that window at {@code p} and lying inside {@code [from, to)}: its
     * last index, or -1; of several, the one that starts first.
     */
    private int confirm(byte[] bytes, int p, int key, int from, int to) {
        int slot = Arrays.binarySearch(keys, key);
        byte[][] ws = words[slot];
        boolean[] cs = cased[slot];
        int[] os = offsets[slot];
        int start = Integer.MAX_VALUE;
        int end = -1;
        for (int q = 0; q < ws.length; q++) {
            byte[] word = ws[q];
            int at = p - os[q];
            if (at < from || at >= start || at + word.length > to) {
                continue;
            }
            if (cs[q] ? matchesExactly(bytes, at, word) : matches(bytes, at, word)) {
                start = at;
                end = at + word.length - 1;
            }
        }
        return end;
    }

    private static boolean matchesExactly(byte[] bytes, int at, byte[] word) {
        for (int j = 0; j < word.length; j++) {
            if (bytes[at + j] != word[j]) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(byte[] bytes, int at, byte[] word) {
        for (int j = 0; j < word.length; j++) {
            int b = bytes[at + j];
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            if (b != word[j]) {
                return false;
            }
        }
        return true;
    }
}
