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
 * the bytes hold a keyword exactly where the decoded text does. When every keyword has three bytes or more, a table
 * of three-byte windows does it ({@link KeywordTrigramFilter}); otherwise a table of the keywords' first two bytes
 * (every case) lets the automaton step over text where no keyword can start; its byte table is compressed to the
 * characters keywords contain. A keyword marked cased counts, for the trigram filter, only in the case it is written in.
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
    /** The byte prefilter when every keyword has three bytes or more, else null (the automaton is used). */
    private final KeywordTrigramFilter trigramFilter;

    KeywordAutomaton(List<String> keywords) {
        this(keywords, new boolean[keywords.size()]);
    }

    /**
     * {@code cased[k]}: keyword {@code k} only counts in the case it is written in ({@link SecretRule#casedKeywords()}).
     * {@link #scan} reports it in any case (its rules' patterns decide); {@link #firstHit} skips a line holding cased
     * keywords only in another case when the trigram filter runs (with shorter keywords it finds such lines too, which
     * only feeds a line that cannot match).
     */
    KeywordAutomaton(List<String> keywords, boolean[] cased) {
        if (cased.length != keywords.size()) {
            throw new IllegalArgumentException("one case flag per keyword");
        }
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
        trigramFilter = keywords.stream().allMatch(k -> k.length() >= KeywordTrigramFilter.MIN_LENGTH)
                ? new KeywordTrigramFilter(keywords, cased) : null;
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
     * The index of the last byte of a keyword occurrence in {@code bytes[from, to)} on the first line there holding
     * one, or -1 when there is none. Callers start at line starts, where the automaton is at the root anyway (no
     * keyword contains a line break). With a keyword shorter than three bytes, the automaton finds the occurrence that
     * ends first, in any case; otherwise {@link KeywordTrigramFilter} finds one on the same line, a cased keyword only
     * in its case (the first line holding an occurrence that can begin a match).
     */
    int firstHit(byte[] bytes, int from, int to) {
        return trigramFilter == null ? firstHitByAutomaton(bytes, from, to)
                : trigramFilter.firstHit(bytes, from, to);
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

    /**
     * Reports every keyword occurrence in {@code text}; returns whether there was any. A {@code String}, not any
     * {@code CharSequence}: the client compiler inlines neither an interface call nor what it reaches, once a character.
     */
    boolean scan(String text, HitSink sink) {
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
