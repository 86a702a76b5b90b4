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
