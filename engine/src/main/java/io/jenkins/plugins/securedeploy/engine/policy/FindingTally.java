package io.jenkins.plugins.securedeploy.engine.policy;

import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.policy.rules.PolicyRules;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The gate's view of findings, one at a time as they arrive: each is classified (waived by which waiver, new or
 * known from the baseline, counted or not) and added to additive counts per threshold scope; the totals, the
 * {@code keep} worst findings for display and the baseline fingerprints seen are kept — nothing else — so the memory
 * of a gate is independent of the number of findings ({@code keep = }{@link #ALL} keeps every outcome, as the
 * in-memory gate does). {@link GateEvaluator#evaluate(GateInput, FindingTally)} turns it into the decision; the
 * reasons are the same as for the same findings in memory. Not thread-safe: one parser feeds it at a time.
 */
public final class FindingTally {
    /** Keep every finding's outcome. */
    public static final int ALL = Integer.MAX_VALUE;

    /** One threshold scope: its rule prefix, what it narrows to, its limits and its counts. */
    private record Scope(String rule, String tool, Category category, Thresholds thresholds, ScopeCount total,
            ScopeCount fresh) {
        Scope(String rule, String tool, Category category, Thresholds t) {
            this(rule, tool, category, t, new ScopeCount(t.cvss()), new ScopeCount(null));
        }

        boolean applies(Finding f) {
            return (tool.isEmpty() || tool.equals(f.tool())) && (category == null || category == f.category());
        }
    }

    private final Policy policy;
    private final Baseline baseline;
    private final WaiverIndex waivers;
    private final Set<String> unwaivable;
    private final List<Scope> scopes = new ArrayList<>();
    private final long[] total = new long[Severity.values().length];
    private final long[] fresh = new long[Severity.values().length];
    private final long[] waived = new long[Severity.values().length];
    private final TopFindings top;
    private final BaselineSeen seenBaseline;
    /** Findings per applied waiver, in the order of first use (a counter per waiver: no boxing, no hashing of the
     * waiver record for a run of findings the same waiver applies to). */
    private final Map<Waiver, long[]> waiverUses = new LinkedHashMap<>();
    private Waiver lastWaiver;
    private long[] lastUses;
    /** The first outcome of each fingerprint a scope kept (a reason may name it), when not keeping all. */
    private final Map<String, TopFindings.Entry> named = new LinkedHashMap<>();
    private final int keep;
    private long findings;
    private long freshFindings;
    private long seq;

    public FindingTally(Policy policy, Baseline baseline, LocalDate today, int keep) {
        this(policy, baseline == null ? Baseline.NONE : baseline, new WaiverIndex(policy.waivers(), today), keep, 0,
                null);
    }

    private FindingTally(Policy policy, Baseline baseline, WaiverIndex waivers, int keep, long seq,
            BaselineSeen seen) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.baseline = baseline;
        this.seenBaseline = seen == null ? BaselineSeen.of(baseline) : seen;
        this.waivers = waivers;
        this.unwaivable = policy.unwaivableRuleIds();
        this.top = new TopFindings(keep);
        this.keep = keep;
        this.seq = seq;
        scopes.add(new Scope("thresholds", "", null, policy.effectiveThresholds()));
        policy.tools().forEach((tool, t) -> scopes.add(new Scope("tools." + tool, tool, null, t)));
        policy.effectiveCategories().forEach((c, t) -> scopes.add(new Scope("categories." + c, "", c, t)));
    }

    public Policy policy() {
        return policy;
    }

    public Baseline baseline() {
        return baseline;
    }

    /** Classifies and counts one finding; returns how the gate saw it. */
    public FindingOutcome add(Finding f) {
        boolean waivable = unwaivable.isEmpty() || !PolicyRules.TOOL.equals(f.tool())
                || !unwaivable.contains(f.ruleId());
        Waiver w = waivable ? waivers.match(f).orElse(null) : null;
        Waiver expired = w == null ? waivers.expiredMatch(f).orElse(null) : null;
        boolean counted = w == null && (!policy.isFixableOnly() || f.fixable());
        boolean known = seenBaseline.see(f.fingerprint());
        FindingOutcome o = new FindingOutcome(f, !known, w, expired, counted);
        int s = f.severity().ordinal();
        findings++;
        total[s]++;
        if (!known) {
            freshFindings++;
            fresh[s]++;
        }
        if (w != null) {
            waived[s]++;
            used(w, 1);
        }
        long n = seq++;
        if (counted) {
            boolean kept = false;
            for (Scope scope : scopes) {
                if (scope.applies(f)) {
                    kept |= scope.total().add(f);
                    if (!known) {
                        kept |= scope.fresh().add(f);
                    }
                }
            }
            if (kept && keep != ALL) {
                named.putIfAbsent(f.fingerprint(), new TopFindings.Entry(n, o));
            }
        }
        top.offer(n, o);
        return o;
    }

    private void used(Waiver w, long n) {
        if (w != lastWaiver) {
            lastUses = waiverUses.computeIfAbsent(w, k -> new long[1]);
            lastWaiver = w;
        }
        lastUses[0] += n;
    }

    /**
     * A tally for the findings of one more report, under the same policy, baseline and waivers, numbering its
     * findings after everything counted here; {@link #absorb} adds it once the report was read to its end (a report
     * that failed half-way is dropped whole, as the in-memory gate drops an ERROR result's findings).
     */
    public FindingTally fork() {
        if (keep == ALL) {
            throw new IllegalStateException("a tally keeping every finding is not forked");
        }
        return new FindingTally(policy, baseline, waivers, keep, seq, seenBaseline.fork());
    }

    /** Adds the counts and selections of {@code later}, a {@link #fork} of this tally fed after it. */
    public void absorb(FindingTally later) {
        if (later.policy != policy || later.baseline != baseline || later.waivers != waivers) {
            throw new IllegalArgumentException("the tally was counted under another policy, baseline or waivers");
        }
        findings += later.findings;
        freshFindings += later.freshFindings;
        for (int i = 0; i < total.length; i++) {
            total[i] += later.total[i];
            fresh[i] += later.fresh[i];
            waived[i] += later.waived[i];
        }
        later.waiverUses.forEach((w, n) -> used(w, n[0]));
        seenBaseline.absorb(later.seenBaseline);
        for (int i = 0; i < scopes.size(); i++) {
            scopes.get(i).total().absorb(later.scopes.get(i).total());
            scopes.get(i).fresh().absorb(later.scopes.get(i).fresh());
        }
        top.absorb(later.top);
        later.named.forEach(named::putIfAbsent);
        seq = Math.max(seq, later.seq);
    }

    /**
     * The outcomes of findings the reasons name (by fingerprint) that are not among {@link #kept()}, worst first:
     * with them a reason's top findings can be shown whatever was kept for display. Empty when keeping all.
     */
    public List<FindingOutcome> named() {
        if (keep == ALL) {
            return List.of();
        }
        Set<String> fingerprints = new HashSet<>();
        for (Scope scope : scopes) {
            scope.total().keptFingerprints(fingerprints);
            scope.fresh().keptFingerprints(fingerprints);
        }
        Set<FindingOutcome> shown = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        shown.addAll(top.kept());
        List<TopFindings.Entry> out = new ArrayList<>();
        named.forEach((fp, e) -> {
            if (fingerprints.contains(fp) && !shown.contains(e.outcome())) {
                out.add(e);
            }
        });
        out.sort(TopFindings.ORDER);
        return out.stream().map(TopFindings.Entry::outcome).toList();
    }

    public FindingTotals totals() {
        Map<Severity, FindingTotals.Counts> by = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            by.put(s, new FindingTotals.Counts(total[s.ordinal()], fresh[s.ordinal()], waived[s.ordinal()]));
        }
        Map<Waiver, Long> uses = new LinkedHashMap<>();
        waiverUses.forEach((w, n) -> uses.put(w, n[0]));
        return new FindingTotals(findings, freshFindings, by, uses);
    }

    /** The findings kept for display: the worst {@code keep}, or all in arrival order for {@link #ALL}. */
    public List<FindingOutcome> kept() {
        return top.kept();
    }

    /** Baseline entries no finding matched (of an indexed baseline: counted, read from disk when iterated). */
    List<BaselineEntry> fixed() {
        return seenBaseline.fixed();
    }

    /** The threshold reasons, in the policy's order: global, per tool, per category; total, new, CVSS. */
    void check(List<GateReason> reasons) {
        for (Scope scope : scopes) {
            String where = !scope.tool().isEmpty() ? " from " + scope.tool()
                    : scope.category() != null ? " in category " + scope.category().name() : "";
            String category = scope.category() == null ? "" : scope.category().name();
            Thresholds t = scope.thresholds();
            limits(reasons, scope.rule() + ".total", "", where, scope.tool(), category, t.total(), scope.total());
            limits(reasons, scope.rule() + ".new", "new ", where, scope.tool(), category, t.fresh(), scope.fresh());
            if (t.cvss() != null && scope.total().aboveCvss() > 0) {
                long n = scope.total().aboveCvss();
                reasons.add(new GateReason(Verdict.FAILED, scope.rule() + ".cvss", "", category, scope.tool(), n,
                        ">= " + t.cvss(), scope.total().cvssFingerprints(), n + " finding(s)" + where
                        + " with CVSS score >= " + t.cvss()));
            }
        }
    }

    private static void limits(List<GateReason> reasons, String rule, String adjective, String where, String tool,
            String category, SeverityLimits limits, ScopeCount count) {
        if (limits.isEmpty()) {
            return;
        }
        limits.bySeverity().forEach((severity, max) -> {
            long n = count.count(severity);
            if (n > max) {
                String sev = severity.name().toLowerCase(Locale.ROOT);
                reasons.add(new GateReason(Verdict.FAILED, rule + "." + sev, severity.name(), category, tool, n,
                        "max " + max, count.fingerprints(severity), n + " " + adjective + severity.name()
                        + (severity == Severity.CRITICAL ? "/UNKNOWN" : "") + " finding(s)" + where
                        + " (max " + max + ")"));
            }
        });
        if (limits.any() != null && count.any() > limits.any()) {
            reasons.add(new GateReason(Verdict.FAILED, rule + ".any", "", category, tool, count.any(),
                    "max " + limits.any(), count.anyFingerprints(), count.any() + " " + adjective + "finding(s)"
                    + where + " of any severity (max " + limits.any() + ")"));
        }
    }
}
