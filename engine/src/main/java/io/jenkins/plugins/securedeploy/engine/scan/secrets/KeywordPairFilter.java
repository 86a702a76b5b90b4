package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The byte prefilter for keyword sets whose every keyword has at least three bytes: finds the first line of raw bytes
 * that holds a keyword (ASCII, case-insensitively) without walking an automaton over every byte.
 *
 * <p>Each keyword is represented by two of its adjacent byte pairs, at offsets {@code j} and {@code j + 1}, chosen
 * where its letters are rarest in source code and text ({@code secret} by {@code ec}/{@code cr}, {@code password} by
 * {@code sw}/{@code wo}). Only every second position is looked at — a keyword of three or more bytes covers both pairs,
 * one of which starts at an even distance from the start — so eight bytes are one 64-bit read, four table lookups and
 * one branch. A pair in the table is a candidate, confirmed by comparing the keywords that own that pair at their
 * offset. The table is indexed by the two bytes with bit 5 set ({@code | 0x20}: A-Z to a-z, and a few other bytes
 * onto others, which only makes more candidates); a byte of 0x80 or more is never part of a keyword, so the bytes hold
 * a keyword exactly where the decoded UTF-8 text does. Immutable and thread-safe.
 */
final class KeywordPairFilter {
    /** Shortest keyword the filter can find (both pairs must lie inside it). */
    static final int MIN_LENGTH = 3;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long FOLD = 0x2020202020202020L;
    private static final int BUCKET_BITS = 12;
    /**
     * Byte pairs from the most to the least frequent in source code and English prose (rough, by rank; English from
     * letter-pair counts of a large corpus, code pairs first): a keyword is looked for by its two adjacent pairs that
     * rank lowest. Pairs not listed count as rare. Only speed depends on this list, never what is found.
     */
    private static final List<String> COMMON_PAIRS = List.of((" *,*/,//,/*,**,--,(),);,th,he,in,er,an,re,on,at,en,"
            + "nd,ti,es,or,te,of,ed,is,it,al,ar,st,to,nt,ng,se,ha,as,ou,io,le,ve,co,me,de,hi,ri,ro,ic,ne,ea,ra,ce,li,"
            + "ch,ll,be,ma,si,om,ur,ca,el,ta,la,ns,di,fo,ho,pe,ec,pr,no,ct,us,ac,ot,il,tr,ly,nc,et,ut,ss,so,rs,un,lo,"
            + "wa,ge,ie,wh,ee,wi,em,ad,ol,rt,po,we,na,ul,ni,ts,mo,ow,pa,im,mi,ai,sh,ir,su,id,os,iv,ia,am,fi,ci,vi,pl,"
            + "ig,tu,ev,ld,ry,mp,fe,bl,ab,gh,ty,op,wo,sa,ay,ex,ke,fr,oo,av,ag,if,ap,gr,od,bo,sp,rd,do,uc,bu,ei,ov,by,"
            + "rm,ep,tt,oc,fa,ef,cu,rn,sc,gi,da,yo,cr,cl,du,ga,qu,ue,ff,ba,ey,ls,va,um,pp,ua,up,lu,go,ht,ru,ug,ds,lt,"
            + "pi,rc,rr,eg,au,ck,ew,mu,br,bi,pt,ak,pu,ui,rg,ib,tl,ny,ki,rk,ys,ob,mm,fu,ph,og,ms,ye,ud,mb,ip,ub,oi,rl")
            .split(","));

    private final byte[] pairs = new byte[1 << 16];
    /** Per hashed pair, the keywords (lower-case bytes) that own it and the pair's offset in each. */
    private final byte[][][] words = new byte[1 << BUCKET_BITS][][];
    private final int[][] offsets = new int[1 << BUCKET_BITS][];

    KeywordPairFilter(List<String> keywords) {
        for (String k : keywords) {
            byte[] word = k.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
            if (word.length < MIN_LENGTH) {
                throw new IllegalArgumentException("keywords of the pair filter have at least three bytes");
            }
            int j = rarestPairs(word);
            add(word, j);
            add(word, j + 1);
        }
    }

    /** The offset {@code j} whose pairs {@code j} and {@code j + 1} are the least common. */
    private static int rarestPairs(byte[] word) {
        int best = 0;
        double cost = Double.MAX_VALUE;
        for (int j = 0; j + 2 < word.length; j++) {
            double c = frequency(word[j], word[j + 1]) + frequency(word[j + 1], word[j + 2]);
            if (c < cost) {
                cost = c;
                best = j;
            }
        }
        return best;
    }

    private static double frequency(byte a, byte b) {
        int rank = COMMON_PAIRS.indexOf(new String(new byte[] {a, b}, StandardCharsets.US_ASCII));
        return rank < 0 ? 0.0001 : 1.0 / (20 + rank);
    }

    private void add(byte[] word, int offset) {
        int pair = fold(word[offset]) | fold(word[offset + 1]) << 8;
        pairs[pair] = 1;
        int h = bucket(pair);
        byte[][] ws = words[h] == null ? new byte[0][] : words[h];
        int[] os = offsets[h] == null ? new int[0] : offsets[h];
        words[h] = Arrays.copyOf(ws, ws.length + 1);
        words[h][ws.length] = word;
        offsets[h] = Arrays.copyOf(os, os.length + 1);
        offsets[h][os.length] = offset;
    }

    private static int fold(int b) {
        return (b | 0x20) & 0xff;
    }

    private static int bucket(int pair) {
        return (pair * 0x9E3779B1) >>> (32 - BUCKET_BITS);
    }

    /**
     * The index of the last byte of a keyword occurrence in {@code bytes[from, to)} on the first line there that holds
     * one (no keyword holds a line break), or -1 when there is none; of the keywords confirmed at the same position,
     * the one that starts first.
     */
    @SuppressWarnings("cast") // the cast selects the VarHandle's signature-polymorphic return type
    int firstHit(byte[] bytes, int from, int to) {
        final byte[] t = pairs;
        int i = from;
        for (; i + 16 <= to; i += 16) {
            long x = (long) LONGS.get(bytes, i) | FOLD;
            long y = (long) LONGS.get(bytes, i + 8) | FOLD;
            if ((t[(int) x & 0xFFFF] | t[(int) (x >>> 16) & 0xFFFF] | t[(int) (x >>> 32) & 0xFFFF]
                    | t[(int) (x >>> 48)] | t[(int) y & 0xFFFF] | t[(int) (y >>> 16) & 0xFFFF]
                    | t[(int) (y >>> 32) & 0xFFFF] | t[(int) (y >>> 48)]) != 0) {
                int end = block(bytes, i, x, from, to);
                if (end < 0) {
                    end = block(bytes, i + 8, y, from, to);
                }
                if (end >= 0) {
                    return end;
                }
            }
        }
        for (; i + 1 < to; i += 2) {
            int pair = fold(bytes[i]) | fold(bytes[i + 1]) << 8;
            if (t[pair] != 0) {
                int end = candidate(bytes, i, pair, from, to);
                if (end >= 0) {
                    return end;
                }
            }
        }
        return -1;
    }

    /** The candidates among the four pairs of the folded 8 bytes {@code x} read at {@code i}, in order. */
    private int block(byte[] bytes, int i, long x, int from, int to) {
        for (int k = 0; k < 4; k++) {
            int pair = (int) (x >>> (16 * k)) & 0xFFFF;
            if (pairs[pair] != 0) {
                int end = candidate(bytes, i + 2 * k, pair, from, to);
                if (end >= 0) {
                    return end;
                }
            }
        }
        return -1;
    }

    /** A keyword owning {@code pair}, found at {@code p} and confirmed inside {@code [from, to)}: its last index, or -1. */
    private int candidate(byte[] bytes, int p, int pair, int from, int to) {
        int h = bucket(pair);
        byte[][] ws = words[h];
        int[] os = offsets[h];
        int start = Integer.MAX_VALUE;
        int end = -1;
        for (int q = 0; q < ws.length; q++) {
            byte[] word = ws[q];
            int at = p - os[q];
            if (at < from || at >= start || at + word.length > to) {
                continue;
            }
            if (matches(bytes, at, word)) {
                start = at;
                end = at + word.length - 1;
            }
        }
        return end;
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
