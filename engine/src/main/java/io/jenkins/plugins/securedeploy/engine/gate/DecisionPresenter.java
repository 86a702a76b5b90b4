package io.jenkins.plugins.securedeploy.engine.gate;

import io.jenkins.plugins.securedeploy.engine.policy.FindingOutcome;
import io.jenkins.plugins.securedeploy.engine.policy.GateDecision;
import io.jenkins.plugins.securedeploy.engine.policy.GateOverride;
import io.jenkins.plugins.securedeploy.engine.policy.GateReason;
import io.jenkins.plugins.securedeploy.engine.policy.Relaxation;
import io.jenkins.plugins.securedeploy.engine.policy.Waiver;
import io.jenkins.plugins.securedeploy.engine.report.GateReport;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The one way a gate decision is told to a person, the same for every host (the CLI's {@code gate}, {@code demo}
 * and {@code deploy}, the Jenkins steps): a verdict line; each reason with, under it, the top findings it counted
 * (severity, tool, rule, where, title — worst first, at most {@link #TOP_FINDINGS}, then how many more the report
 * lists); the notes (relaxed settings, expired waivers); and what to do next, one line per thing to fix.
 */
public final class DecisionPresenter {
    /** Findings listed under one reason. */
    public static final int TOP_FINDINGS = 5;
    /** Indentation of a finding line under its reason. */
    public static final String FINDING_INDENT = "    - ";

    private static final Comparator<Finding> WORST_FIRST = Comparator
            .comparingInt((Finding f) -> -f.severity().gateRank())
            .thenComparing(Finding::tool)
            .thenComparing(f -> f.location().file())
            .thenComparingInt(f -> f.location().line())
            .thenComparing(Finding::ruleId);

    private DecisionPresenter() {}

    /** {@code Gate FAILED}, or {@code Gate FAILED - OVERRIDDEN by p until d: reason}. */
    public static String verdictLine(GateDecision decision) {
        return "Gate " + decision.verdict().name() + overrideSuffix(decision);
    }

    /** What follows the verdict word: empty, or {@code " - OVERRIDDEN by p until d: reason"}. */
    public static String overrideSuffix(GateDecision decision) {
        return decision.override().map(o -> " - OVERRIDDEN by " + o.person() + " until " + o.expires() + ": "
                + o.reason()).orElse("");
    }

    /**
     * Everything after the verdict line, indented by two spaces: the reasons with their findings, the notes, and
     * (unless the gate passed) "What to do next" with its steps.
     */
    public static List<String> lines(GateDecision decision) {
        List<String> out = new ArrayList<>();
        reasonLines(decision).forEach(l -> out.add("  " + l));
        noteLines(decision).forEach(l -> out.add("  " + l));
        List<String> next = nextSteps(decision);
        if (!next.isEmpty()) {
            out.add("What to do next:");
            next.forEach(l -> out.add("  - " + l));
        }
        return List.copyOf(out);
    }

    /** Every reason's line ({@link GateReason#describe()}) followed by its top findings; empty when PASSED. */
    public static List<String> reasonLines(GateDecision decision) {
        Objects.requireNonNull(decision, "decision");
        Map<String, Finding> byFingerprint = byFingerprint(decision);
        List<String> lines = new ArrayList<>();
        for (GateReason reason : decision.reasons()) {
            lines.add(reason.describe());
            lines.addAll(findingLines(reason, byFingerprint));
        }
        return List.copyOf(lines);
    }

    /** Relaxed settings and expired waivers (each with where it is written). */
    public static List<String> noteLines(GateDecision decision) {
        List<String> lines = new ArrayList<>();
        for (Relaxation r : decision.relaxations()) {
            lines.add("relaxed: " + r.describe());
        }
        for (Waiver w : decision.expiredWaivers()) {
            lines.add("expired waiver: " + w.describe() + " at " + w.declaredAt().describe()
                    + " no longer applies");
        }
        return List.copyOf(lines);
    }

    /** One line per thing to fix, in reason order, without repeats; empty when the gate passed. */
    public static List<String> nextSteps(GateDecision decision) {
        if (decision.reasons().isEmpty()) {
            return List.of();
        }
        Map<String, FindingOutcome> outcomes = new HashMap<>();
        for (FindingOutcome o : all(decision)) {
            outcomes.putIfAbsent(o.finding().fingerprint(), o);
        }
        Set<String> steps = new LinkedHashSet<>();
        for (GateReason reason : decision.reasons()) {
            List<FindingOutcome> involved = involved(reason, outcomes);
            if (involved.isEmpty()) {
                steps.add(forRule(reason, decision.override().orElse(null)));
                continue;
            }
            for (FindingOutcome o : involved.subList(0, Math.min(TOP_FINDINGS, involved.size()))) {
                steps.add(forFinding(o));
            }
        }
        return List.copyOf(steps);
    }

    private static List<FindingOutcome> involved(GateReason reason, Map<String, FindingOutcome> outcomes) {
        Map<String, FindingOutcome> out = new LinkedHashMap<>();
        for (String fp : reason.fingerprints()) {
            FindingOutcome o = outcomes.get(fp);
            if (o != null) {
                out.putIfAbsent(fp, o);
            }
        }
        List<FindingOutcome> list = new ArrayList<>(out.values());
        list.sort(Comparator.comparing(FindingOutcome::finding, WORST_FIRST));
        return list;
    }

    /** Fix it (upgrade, or change the code where it is), or renew / add an expiring waiver. */
    private static String forFinding(FindingOutcome o) {
        Finding f = o.finding();
        String fix = f.packageRef().filter(p -> p.fixable())
                .map(p -> "upgrade " + p.name() + (p.version().isEmpty() ? "" : " " + p.version()) + " to "
                        + p.fixedVersion())
                .orElseGet(() -> {
                    String where = GateReport.where(f);
                    return "fix " + f.tool() + " " + f.ruleId() + (where.isEmpty() ? "" : " at " + where);
                });
        if (o.expired().isPresent()) {
            Waiver w = o.expired().get();
            return fix + ", or renew the expired waiver at " + w.declaredAt().describe() + " (expired "
                    + w.expires() + ")";
        }
        return fix + ", or waive it until a date within the policy's waiverRules.maxDays (waiver fingerprint: "
                + f.fingerprint() + ")";
    }

    private static String forRule(GateReason reason, GateOverride override) {
        String rule = reason.rule();
        if (rule.equals("scanner.error")) {
            return "make " + reason.tool() + " run (see its error above) and gate again; a failed scanner never "
                    + "counts as 0 findings";
        }
        if (rule.equals("report.missing")) {
            return "run " + reason.tool() + " and pass its report, or remove it from the policy's requiredReports";
        }
        if (rule.equals("input.unreadable")) {
            return "fix or replace the unreadable input named above";
        }
        if (rule.equals("evidence.sbom")) {
            return "record an SBOM of the build (secure-deploy sbom generate, or the recordSbom step)";
        }
        if (rule.startsWith("evidence.signature") || rule.startsWith("evidence.provenance")) {
            String what = rule.startsWith("evidence.signature") ? "signature" : "provenance";
            return reason.count() > 0 || !reason.tool().isEmpty()
                    ? "check the " + what + " and the trusted keys (secure-deploy verify names what failed)"
                    : "sign the artifact and pass its verified " + what;
        }
        if (rule.equals("evidence.approvals")) {
            return "get the approvals the policy requires";
        }
        if (rule.equals("override.rejected")) {
            return override == null ? "correct the break-glass override (person, reason, expiry within "
                    + "overrideRules.maxDays), or fix the reasons above"
                    : "correct the break-glass override, or fix the reasons above";
        }
        return "resolve " + rule + ": " + reason.message();
    }

    private static Map<String, Finding> byFingerprint(GateDecision decision) {
        Map<String, Finding> byFingerprint = new HashMap<>();
        for (FindingOutcome o : all(decision)) {
            byFingerprint.putIfAbsent(o.finding().fingerprint(), o.finding());
        }
        return byFingerprint;
    }

    /** The findings kept for display and those the reasons name. */
    private static List<FindingOutcome> all(GateDecision decision) {
        if (decision.namedFindings().isEmpty()) {
            return decision.findings();
        }
        List<FindingOutcome> all = new ArrayList<>(decision.findings());
        all.addAll(decision.namedFindings());
        return all;
    }

    /** The top findings of one reason, as indented lines. */
    static List<String> findingLines(GateReason reason, Map<String, Finding> byFingerprint) {
        List<Finding> involved = new ArrayList<>();
        for (String fp : reason.fingerprints()) {
            Finding f = byFingerprint.get(fp);
            if (f != null && !involved.contains(f)) {
                involved.add(f);
            }
        }
        involved.sort(WORST_FIRST);
        List<String> lines = new ArrayList<>();
        int shown = Math.min(TOP_FINDINGS, involved.size());
        for (Finding f : involved.subList(0, shown)) {
            lines.add(FINDING_INDENT + describe(f));
        }
        long more = Math.max(reason.count(), involved.size()) - shown;
        if (shown > 0 && more > 0) {
            lines.add(FINDING_INDENT + "... and " + more + " more in the report");
        }
        return lines;
    }

    /** {@code HIGH bandit B602 at src/app.py:12: subprocess call with shell=True}. */
    public static String describe(Finding f) {
        String where = GateReport.where(f);
        return f.severity() + " " + f.tool() + " " + f.ruleId() + (where.isEmpty() ? "" : " at " + where)
                + (f.title().isEmpty() ? "" : ": " + f.title());
    }
}
