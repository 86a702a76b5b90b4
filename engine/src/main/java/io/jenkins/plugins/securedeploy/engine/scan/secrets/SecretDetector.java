package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Finds secrets in one line (or window of a long line): one pass of the keyword automaton over the text, then each
 * rule with a keyword hit runs its regular expression only from a little before its first hit to a bounded distance
 * after its last hit. Lines without any keyword cost one table lookup per character. Not thread-safe (reuses its
 * matchers); create one per scanning thread.
 */
final class SecretDetector {
    /** How far before a keyword hit a match may start (e.g. {@code -----BEGIN ENCRYPTED} before the keyword). */
    static final int LOOK_BEHIND = 64;
    /** How far after the last keyword hit a match may end. */
    static final int LOOK_AHEAD = 4096;

    private final List<SecretRule> rules;
    private final KeywordAutomaton automaton;
    private final int[][] rulesByKeyword;
    private final Matcher[] matchers;
    private final int[] firstHit;
    private final int[] lastHit;

    SecretDetector(List<SecretRule> rules) {
        this.rules = List.copyOf(rules);
        List<String> keywords = new ArrayList<>();
        List<int[]> owners = new ArrayList<>();
        for (int r = 0; r < this.rules.size(); r++) {
            for (String k : this.rules.get(r).keywords()) {
                int existing = keywords.indexOf(k);
                if (existing < 0) {
                    keywords.add(k);
                    owners.add(new int[] {r});
                } else {
                    int[] o = owners.get(existing);
                    int[] grown = Arrays.copyOf(o, o.length + 1);
                    grown[o.length] = r;
                    owners.set(existing, grown);
                }
            }
        }
        this.automaton = new KeywordAutomaton(keywords.isEmpty() ? List.of("\u0001") : keywords);
        this.rulesByKeyword = owners.toArray(new int[0][]);
        this.matchers = this.rules.stream().map(r -> r.pattern().matcher("")).toArray(Matcher[]::new);
        this.firstHit = new int[this.rules.size()];
        this.lastHit = new int[this.rules.size()];
    }

    /** Confirmed detections in {@code line}, in rule order, without overlaps (the earlier rule wins). */
    List<Detection> detect(String line) {
        Arrays.fill(firstHit, -1);
        boolean any = automaton.scan(line, (keyword, start) -> {
            if (keyword >= rulesByKeyword.length) {
                return;
            }
            for (int r : rulesByKeyword[keyword]) {
                if (firstHit[r] < 0) {
                    firstHit[r] = start;
                }
                lastHit[r] = start;
            }
        });
        if (!any) {
            return List.of();
        }
        List<Detection> found = new ArrayList<>(2);
        for (int r = 0; r < rules.size(); r++) {
            if (firstHit[r] >= 0) {
                confirm(r, line, found);
            }
        }
        return found;
    }

    private void confirm(int r, String line, List<Detection> found) {
        SecretRule rule = rules.get(r);
        Matcher m = matchers[r].reset(line);
        m.useTransparentBounds(true).useAnchoringBounds(false);
        int from = Math.max(0, firstHit[r] - LOOK_BEHIND);
        int to = (int) Math.min(line.length(), (long) lastHit[r] + LOOK_AHEAD);
        m.region(from, to);
        while (m.find()) {
            int g = SecretRule.secretGroup(m);
            Detection d = new Detection(rule, m.start(g), m.end(g), m.group(g));
            if (accept(rule, d.secret()) && found.stream().noneMatch(d::overlaps)) {
                found.add(d);
            }
        }
        m.reset("");
    }

    private static boolean accept(SecretRule rule, String secret) {
        if (rule.generic() && ValueFilters.isPlaceholder(secret)) {
            return false;
        }
        return rule.minEntropy() <= 0 || ValueFilters.shannonEntropy(secret) >= rule.minEntropy();
    }
}
