package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Aho-Corasick automaton over ASCII keywords, matched case-insensitively, compiled to a dense transition table: one
 * array lookup per character, whatever the number of keywords. Characters outside ASCII reset to the root (no
 * keyword contains them). Immutable and thread-safe.
 *
 * <p>{@link #firstHit(byte[], int, int)} runs the same automaton over raw bytes, before any decoding: in UTF-8 every
 * byte below 0x80 is one ASCII character and every byte of a multi-byte (or malformed) sequence is at least 0x80, so
 * the bytes hold a keyword exactly where the decoded text does. A table of the keywords' first two bytes (every case)
 * lets it step over text where no keyword can start without walking the automaton, whose next state depends on the
 * last one; the automaton's byte table is compressed to the characters keywords contain.
 */
final class KeywordAutomaton {
    private static final int ALPHABET = 128;
    private static final char[] FOLD = new char[ALPHABET];

    static {
        for (int c = 0; c < ALPHABET; c++) {
            FOLD[c] = (char) (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
        }
    }

    /** Receives keyword hits: the keyword's index and the index of its first character. */
    interface HitSink {
        void hit(int keyword, int start);
    }

    private final int[] delta;
    private final int[][] outputs;
    private final int[] lengths;
    private final byte[] byteClass = new byte[256];
    private final int[] byteNext;
    private final long[] pairs = new long[1024];
    /** Non-zero per hashed, case-folded first three bytes of a keyword; null when a keyword is shorter than three. */
    private final byte[] grams;
    /** Per hash, the keywords (lower-case bytes) whose first three bytes hash there. */
    private final byte[][][] bucket;

    KeywordAutomaton(List<String> keywords) {
        lengths = new int[keywords.size()];
        List<int[]> trie = new ArrayList<>();
        List<List<Integer>> out = new ArrayList<>();
        trie.add(newRow());
        out.add(new ArrayList<>());
        for (int k = 0; k < keywords.size(); k++) {
            String word = keywords.get(k).toLowerCase(Locale.ROOT);
            if (word.isEmpty()) {
                throw new IllegalArgumentException("empty keyword");
            }
            lengths[k] = word.length();
            int state = 0;
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                if (c >= ALPHABET) {
                    throw new IllegalArgumentException("keywords must be ASCII");
                }
                c = FOLD[c];
                if (trie.get(state)[c] < 0) {
                    trie.get(state)[c] = trie.size();
                    trie.add(newRow());
                    out.add(new ArrayList<>());
                }
                state = trie.get(state)[c];
            }
            out.get(state).add(k);
        }
        int states = trie.size();
        delta = new int[states * ALPHABET];
        int[] fail = new int[states];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < ALPHABET; c++) {
            int s = trie.get(0)[c];
            delta[c] = s < 0 ? 0 : s;
            if (s > 0) {
                queue.add(s);
            }
        }
        while (!queue.isEmpty()) {
            int r = queue.poll();
            out.get(r).addAll(out.get(fail[r]));
            for (int c = 0; c < ALPHABET; c++) {
                int s = trie.get(r)[c];
                if (s >= 0) {
                    fail[s] = delta[fail[r] * ALPHABET + c];
                    delta[r * ALPHABET + c] = s;
                    queue.add(s);
                } else {
                    delta[r * ALPHABET + c] = delta[fail[r] * ALPHABET + c];
                }
            }
        }
        outputs = new int[states][];
        for (int s = 0; s < states; s++) {
            outputs[s] = out.get(s).isEmpty() ? null : out.get(s).stream().mapToInt(Integer::intValue).toArray();
        }
        byteNext = compileBytes(keywords, states);
        boolean allLong = keywords.stream().allMatch(k -> k.length() >= GRAM);
        grams = allLong ? new byte[1 << GRAM_BITS] : null;
        bucket = allLong ? new byte[1 << GRAM_BITS][][] : null;
        if (allLong) {
            for (String k : keywords) {
                byte[] word = k.toLowerCase(Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                int h = gramHash(word[0] | word[1] << 8 | word[2] << 16);
                grams[h] = 1;
                byte[][] old = bucket[h] == null ? new byte[0][] : bucket[h];
                byte[][] grown = Arrays.copyOf(old, old.length + 1);
                grown[old.length] = word;
                bucket[h] = grown;
            }
        }
    }

    private static final int GRAM = 3;
    /** 4 KiB of filter: stays in the L1 cache; the few more false candidates cost one short comparison each. */
    private static final int GRAM_BITS = 12;
    private static final int FOLD_BITS = 0x20202020;
    private static final java.lang.invoke.VarHandle INTS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(int[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /**
     * Hash of three bytes (the low 24 bits) folded with {@code | 0x20} (A-Z to a-z; other bytes may collide, which only
     * costs a check).
     */
    private static int gramHash(int threeBytes) {
        return hashFolded((threeBytes | FOLD_BITS) & 0xFFFFFF);
    }

    private static int hashFolded(int folded) {
        return (folded * 0x9E3779B1) >>> (32 - GRAM_BITS);
    }

    /**
     * Byte classes (0: a byte no keyword contains, which always leads back to the root) and the transition table over
     * them, each entry the next state's row offset, complemented ({@code ~offset}, negative) when that state ends a
     * keyword. Also fills the table of first byte pairs.
     */
    private int[] compileBytes(List<String> keywords, int states) {
        char[] representative = new char[ALPHABET];
        int classes = 1;
        for (String k : keywords) {
            for (char c : k.toLowerCase(Locale.ROOT).toCharArray()) {
                if (byteClass[c] == 0) {
                    representative[classes] = c;
                    byteClass[c] = (byte) classes;
                    classes++;
                }
            }
        }
        for (int c = 'A'; c <= 'Z'; c++) {
            byteClass[c] = byteClass[c + ('a' - 'A')];
        }
        int stride = Integer.highestOneBit(classes - 1) << 1;
        int[] next = new int[states * stride];
        for (int s = 0; s < states; s++) {
            for (int k = 1; k < classes; k++) {
                int t = delta[s * ALPHABET + representative[k]];
                next[s * stride + k] = outputs[t] == null ? t * stride : ~(t * stride);
            }
        }
        for (String k : keywords) {
            String word = k.toLowerCase(Locale.ROOT);
            for (char a : cases(word.charAt(0))) {
                if (word.length() == 1) {
                    for (int b = 0; b < 256; b++) {
                        setPair(a, b);
                    }
                } else {
                    for (char b : cases(word.charAt(1))) {
                        setPair(a, b);
                    }
                }
            }
        }
        return next;
    }

    private static char[] cases(char c) {
        char upper = Character.toUpperCase(c);
        return upper == c || upper >= ALPHABET ? new char[] {c} : new char[] {c, upper};
    }

    private void setPair(int first, int second) {
        int pair = first << 8 | second;
        pairs[pair >>> 6] |= 1L << pair;
    }

    /**
     * The index of the last byte of the first keyword occurrence that ends in {@code bytes[from, to)}, found by an
     * automaton started at the root at {@code from}, or -1 when there is none. Callers start at line starts, where
     * the automaton is at the root anyway (no keyword contains a line break).
     */
    int firstHit(byte[] bytes, int from, int to) {
        return grams == null ? firstHitByAutomaton(bytes, from, to) : firstHitByGrams(bytes, from, to);
    }

    /**
     * Every position's first three bytes, case-folded and hashed, looked up in a 4 KiB table of the keywords' first
     * three bytes — one cached load per position, independent of the last position's (unlike an automaton step), two
     * positions per four-byte read — and a hit confirmed by comparing the keywords of that hash. Returns the last byte
     * of the first keyword found — the one that starts first, which is on the same line as the one that ends first.
     */
    @SuppressWarnings("cast") // the cast selects the VarHandle's signature-polymorphic return type
    private int firstHitByGrams(byte[] bytes, int from, int to) {
        final byte[] g = grams;
        int i = from;
        for (; i + 4 <= to; i += 2) {
            int x = (int) INTS.get(bytes, i) | FOLD_BITS;
            if (g[hashFolded(x & 0xFFFFFF)] != 0) {
                int end = confirm(bytes, i, to, hashFolded(x & 0xFFFFFF));
                if (end >= 0) {
                    return end;
                }
            }
            if (g[hashFolded(x >>> 8)] != 0) {
                int end = confirm(bytes, i + 1, to, hashFolded(x >>> 8));
                if (end >= 0) {
                    return end;
                }
            }
        }
        for (; i + GRAM <= to; i++) {
            int h = gramHash((bytes[i] & 0xff) | (bytes[i + 1] & 0xff) << 8 | (bytes[i + 2] & 0xff) << 16);
            if (g[h] != 0) {
                int end = confirm(bytes, i, to, h);
                if (end >= 0) {
                    return end;
                }
            }
        }
        return -1;
    }

    /** The last index of a keyword of bucket {@code h} starting at {@code at} and ending before {@code to}, or -1. */
    private int confirm(byte[] bytes, int at, int to, int h) {
        for (byte[] word : bucket[h]) {
            int n = word.length;
            if (at + n > to) {
                continue;
            }
            int j = 0;
            while (j < n) {
                int b = bytes[at + j];
                if (b >= 'A' && b <= 'Z') {
                    b += 'a' - 'A';
                }
                if (b != word[j]) {
                    break;
                }
                j++;
            }
            if (j == n) {
                return at + n - 1;
            }
        }
        return -1;
    }

    /** For keyword sets with a keyword shorter than three bytes: the automaton, stepping over unlikely pairs. */
    private int firstHitByAutomaton(byte[] bytes, int from, int to) {
        final long[] p = pairs;
        final byte[] cls = byteClass;
        final int[] next = byteNext;
        int i = from;
        while (i < to) {
            while (i + 1 < to) {
                int pair = (bytes[i] & 0xff) << 8 | (bytes[i + 1] & 0xff);
                if ((p[pair >>> 6] & 1L << pair) != 0) {
                    break;
                }
                i++;
            }
            int s = 0;
            do {
                s = next[s + cls[bytes[i] & 0xff]];
                if (s < 0) {
                    return i;
                }
                i++;
            } while (s != 0 && i < to);
        }
        return -1;
    }

    private static int[] newRow() {
        int[] row = new int[ALPHABET];
        Arrays.fill(row, -1);
        return row;
    }

    /** Reports every keyword occurrence in {@code text}; returns whether there was any. */
    boolean scan(CharSequence text, HitSink sink) {
        int[] d = delta;
        int[][] o = outputs;
        int state = 0;
        boolean any = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            state = c < ALPHABET ? d[state * ALPHABET + FOLD[c]] : 0;
            int[] hits = o[state];
            if (hits != null) {
                any = true;
                for (int k : hits) {
                    sink.hit(k, i - lengths[k] + 1);
                }
            }
        }
        return any;
    }
}
