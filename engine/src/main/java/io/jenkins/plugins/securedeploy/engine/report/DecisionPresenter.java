package io.jenkins.plugins.securedeploy.engine.report;

import io.jenkins.plugins.securedeploy.engine.policy.FindingOutcome;
import io.jenkins.plugins.securedeploy.engine.policy.GateDecision;
import io.jenkins.plugins.securedeploy.engine.policy.GateReason;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The gate decision as console lines, the same for every host (the CLI's gate and demo commands, the Jenkins
 * {@code securityGate} step): each reason, and under it the top findings it counted — severity, tool, rule, where,
 * title — worst first, so a log says <em>which</em> finding failed the gate, as the report page does. At most
 * {@link #TOP_FINDINGS} per reason, then how many more the report lists.
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

    /** Every reason's line ({@link GateReason#describe()}) followed by its top findings; empty when PASSED. */
    public static List<String> reasonLines(GateDecision decision) {
        Objects.requireNonNull(decision, "decision");
        Map<String, Finding> byFingerprint = new HashMap<>();
        for (FindingOutcome o : decision.findings()) {
            byFingerprint.putIfAbsent(o.finding().fingerprint(), o.finding());
        }
        List<String> lines = new ArrayList<>();
        for (GateReason reason : decision.reasons()) {
            lines.add(reason.describe());
            lines.addAll(findingLines(reason, byFingerprint));
        }
        return List.copyOf(lines);
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
