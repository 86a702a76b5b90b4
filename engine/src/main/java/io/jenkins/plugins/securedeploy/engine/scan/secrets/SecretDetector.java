package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Finds secrets in one line (or window of a long line): one pass of the keyword automaton over the text, then each
 * rule with a keyword hit tries its regular expression anchored at each of its hits ({@link Matcher#lookingAt()}
 * over a region of at most {@value #LOOK_AHEAD} characters). Lines without any keyword cost one table lookup per
 * character; lines with keywords cost one anchored match attempt per hit, not a regex search over the line. Not
 * thread-safe (reuses its matchers and buffers); create one per scan.
 */
final class SecretDetector {
    /** How far after a keyword hit a match may end. */
    static final int LOOK_AHEAD = 4096;

    private final List<SecretRule> rules;
    private final KeywordAutomaton automaton;
    private final int[][] rulesByKeyword;
    private final Matcher[] matchers;
    /** {@link #hit}, made once: a method reference made in {@link #detect} would be a new object every line. */
    private final KeywordAutomaton.HitSink hitSink = this::hit;
    private int[] hitRule = new int[16];
    private int[] hitStart = new int[16];
    private int hits;

    SecretDetector(List<SecretRule> rules) {
        this.rules = List.copyOf(rules);
        List<String> keywords = new ArrayList<>();
        List<Boolean> cased = new ArrayList<>();
        List<int[]> owners = new ArrayList<>();
        for (int r = 0; r < this.rules.size(); r++) {
            SecretRule rule = this.rules.get(r);
            for (String k : rule.keywords()) {
                int existing = indexOf(keywords, cased, k, rule.casedKeywords());
                if (existing < 0) {
                    keywords.add(k);
                    cased.add(rule.casedKeywords());
                    owners.add(new int[] {r});
                } else {
                    int[] o = owners.get(existing);
                    int[] grown = Arrays.copyOf(o, o.length + 1);
                    grown[o.length] = r;
                    owners.set(existing, grown);
                }
            }
        }
        boolean[] exact = new boolean[cased.size()];
        for (int k = 0; k < exact.length; k++) {
            exact[k] = cased.get(k);
        }
        this.automaton = keywords.isEmpty() ? new KeywordAutomaton(List.of("\u0001"))
                : new KeywordAutomaton(keywords, exact);
        this.rulesByKeyword = owners.toArray(new int[0][]);
        this.matchers = matchers(this.rules);
    }

    /** The keyword entry for {@code k} in that case ({@code cased}) or in any case, or -1. */
    private static int indexOf(List<String> keywords, List<Boolean> cased, String k, boolean exact) {
        for (int i = 0; i < keywords.size(); i++) {
            if (keywords.get(i).equals(k) && cased.get(i) == exact) {
                return i;
            }
        }
        return -1;
    }

    /** The tables of {@link SecretRules#defaults()}, built once per JVM by the first scan (or warm-up) that needs them. */
    private static final class Defaults {
        static final SecretDetector TABLES = new SecretDetector(SecretRules.defaults());

        private Defaults() {}
    }

    /**
     * A detector for {@code rules} on the calling thread: for the default rules a {@link #copy()} of the tables built
     * once per JVM, otherwise a new one.
     */
    static SecretDetector of(List<SecretRule> rules) {
        return rules.equals(SecretRules.defaults()) ? Defaults.TABLES.copy() : new SecretDetector(rules);
    }

    /** A detector for another thread: shares this one's immutable tables (no second build), has its own matchers. */
    private SecretDetector(SecretDetector tables) {
        this.rules = tables.rules;
        this.automaton = tables.automaton;
        this.rulesByKeyword = tables.rulesByKeyword;
        this.matchers = matchers(rules);
    }

    /**
     * A detector with the same rules for another thread, without building the keyword tables again (their build is
     * most of a detector's cost, single-threaded at the start of a scan).
     */
    SecretDetector copy() {
        return new SecretDetector(this);
    }

    private static Matcher[] matchers(List<SecretRule> rules) {
        return rules.stream().map(r -> r.pattern().matcher("")
                .useTransparentBounds(true).useAnchoringBounds(false)).toArray(Matcher[]::new);
    }

    /** The keyword prefilter (immutable, may be shared). */
    KeywordAutomaton keywords() {
        return automaton;
    }

    /** Confirmed detections in {@code line}, in rule order, without overlaps (the earlier rule wins). */
    List<Detection> detect(String line) {
        hits = 0;
        boolean any = automaton.scan(line, hitSink);
        if (!any || hits == 0) {
            return List.of();
        }
        List<Detection> found = new ArrayList<>(2);
        for (int r = 0; r < rules.size(); r++) {
            for (int i = 0; i < hits; i++) {
                if (hitRule[i] == r) {
                    confirm(r, hitStart[i], line, found);
                }
            }
        }
        return found;
    }

    private void hit(int keyword, int start) {
        if (keyword >= rulesByKeyword.length) {
            return;
        }
        for (int r : rulesByKeyword[keyword]) {
            if (hits == hitRule.length) {
                hitRule = Arrays.copyOf(hitRule, hits * 2);
                hitStart = Arrays.copyOf(hitStart, hits * 2);
            }
            hitRule[hits] = r;
            hitStart[hits] = start;
            hits++;
        }
    }

    private void confirm(int r, int at, String line, List<Detection> found) {
        SecretRule rule = rules.get(r);
        Matcher m = matchers[r].reset(line);
        m.region(at, (int) Math.min(line.length(), (long) at + LOOK_AHEAD));
        if (m.lookingAt()) {
            int g = SecretRule.secretGroup(m);
            Detection d = new Detection(rule, m.start(g), m.end(g), m.group(g));
            if (accept(rule, d.secret()) && found.stream().noneMatch(d::overlaps)
                    && !(rule.generic() && ValueFilters.isOwnFingerprint(line, d.start()))) {
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
