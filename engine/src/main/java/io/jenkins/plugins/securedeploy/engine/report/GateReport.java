package io.jenkins.plugins.securedeploy.engine.report;

import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.policy.Baseline;
import io.jenkins.plugins.securedeploy.engine.policy.BaselineEntry;
import io.jenkins.plugins.securedeploy.engine.policy.FindingOutcome;
import io.jenkins.plugins.securedeploy.engine.policy.FindingTotals;
import io.jenkins.plugins.securedeploy.engine.policy.GateDecision;
import io.jenkins.plugins.securedeploy.engine.policy.GateOverride;
import io.jenkins.plugins.securedeploy.engine.policy.GateReason;
import io.jenkins.plugins.securedeploy.engine.policy.Policy;
import io.jenkins.plugins.securedeploy.engine.policy.Relaxation;
import io.jenkins.plugins.securedeploy.engine.policy.Waiver;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;

/**
 * The view model of one gate run, joined once so that the JSON and HTML writers (and the Jenkins view) only read:
 * the decision and its reasons, findings by severity / tool / new / fixed, waivers applied and expired, policy
 * relaxations, scanner statuses and evidence entries. Findings are sorted worst first, then by tool and fingerprint.
 * Declared waivers that matched nothing are {@code waiversUnused} (so stale exceptions get cleaned up);
 * {@code generatedAt} is kept to the second.
 */
public record GateReport(Instant generatedAt, String policySource, String verdict, String headline,
        boolean allowsDeployment, Optional<GateOverride> override, List<GateReason> reasons,
        Map<Severity, SeverityCount> bySeverity, List<ToolSummary> tools, List<FindingOutcome> findings,
        List<BaselineEntry> fixed, boolean baselinePresent, List<AppliedWaiver> waiversApplied,
        List<Waiver> waiversExpired, List<Relaxation> relaxations, List<EvidenceEntry> evidence,
        List<Waiver> waiversUnused, LocalDate evaluatedOn, Integer waiverMaxDays, long totalFindings,
        long newFindings) {

    /** How far ahead a suggested waiver expires when the policy sets no shorter {@code waiverRules.maxDays}. */
    public static final int SUGGESTED_WAIVER_DAYS = 30;

    /** Counts for one severity (UNKNOWN shown as its own row, though the gate ranks it as CRITICAL). */
    public record SeverityCount(int total, int fresh, int waived) {}

    /** One scanner: status, how many findings, and why it failed when it did. */
    public record ToolSummary(String tool, String version, String source, String status, int findings,
            List<String> problems) {}

    /** A waiver that suppressed at least one finding, and how many. */
    public record AppliedWaiver(Waiver waiver, int findings) {}

    public GateReport {
        reasons = List.copyOf(reasons);
        bySeverity = java.util.Collections.unmodifiableMap(new EnumMap<>(bySeverity));
        tools = List.copyOf(tools);
        findings = List.copyOf(findings);
        fixed = Baseline.copyOf(fixed); // a large baseline's stay on disk
        waiversApplied = List.copyOf(waiversApplied);
        waiversExpired = List.copyOf(waiversExpired);
        relaxations = List.copyOf(relaxations);
        evidence = List.copyOf(evidence);
        waiversUnused = List.copyOf(waiversUnused);
        generatedAt = generatedAt.truncatedTo(ChronoUnit.SECONDS);
        Objects.requireNonNull(evaluatedOn, "evaluatedOn");
    }

    /** Without the policy: no unused waivers can be told, suggested waivers run {@value #SUGGESTED_WAIVER_DAYS} days. */
    public static GateReport of(GateDecision d, List<ScanResult> results, List<EvidenceEntry> evidence,
            String policySource, Instant generatedAt) {
        return of(d, results, evidence, null, policySource, generatedAt);
    }

    /**
     * The report of a decision under {@code effective} (the merged policy the gate evaluated; null = unknown): its
     * declared waivers that neither applied nor expired are listed as unused, and its {@code waiverRules.maxDays}
     * bounds the expiry of the waive snippets.
     */
    public static GateReport of(GateDecision d, List<ScanResult> results, List<EvidenceEntry> evidence,
            Policy effective, String policySource, Instant generatedAt) {
        return of(d, results, results.stream().map(r -> (long) r.findings().size()).toList(), evidence, effective,
                policySource, generatedAt);
    }

    /**
     * As {@link #of(GateDecision, List, List, Policy, String, Instant)}, with how many findings each result had
     * ({@code findingCounts}, one per result): a streaming gate's results carry none, their findings were counted as
     * they were read.
     */
    public static GateReport of(GateDecision d, List<ScanResult> results, List<Long> findingCounts,
            List<EvidenceEntry> evidence, Policy effective, String policySource, Instant generatedAt) {
        if (findingCounts.size() != results.size()) {
            throw new IllegalArgumentException("one finding count per result: " + findingCounts.size() + " for "
                    + results.size());
        }
        FindingTotals totals = d.totals();
        Map<Severity, SeverityCount> bySeverity = new EnumMap<>(Severity.class);
        for (Severity s : displayOrder()) {
            FindingTotals.Counts c = totals.of(s);
            bySeverity.put(s, new SeverityCount(saturated(c.total()), saturated(c.fresh()), saturated(c.waived())));
        }
        List<ToolSummary> tools = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            ScanResult r = results.get(i);
            tools.add(new ToolSummary(r.tool(), r.toolVersion(), r.source(), r.status().name(),
                    saturated(findingCounts.get(i)), r.problems().stream().map(p -> p.describe()).toList()));
        }
        Map<Waiver, Long> applied = totals.waiverUses();
        List<AppliedWaiver> waivers = new ArrayList<>();
        applied.forEach((w, n) -> waivers.add(new AppliedWaiver(w, saturated(n))));
        List<FindingOutcome> sorted = d.findings().stream().sorted(Comparator
                .comparingInt((FindingOutcome o) -> -o.finding().severity().gateRank())
                .thenComparing(o -> o.finding().tool()).thenComparing(o -> o.finding().fingerprint())).toList();
        return new GateReport(generatedAt, policySource, d.verdict().name(), d.headline(), d.allowsDeployment(),
                d.override(), d.reasons(), bySeverity, tools, sorted, d.fixed(), d.baselinePresent(), waivers,
                d.expiredWaivers(), d.relaxations(), evidence, unused(effective, applied.keySet(), d),
                d.evaluatedOn(), effective == null ? null : effective.waiverRules().maxDays(), totals.findings(),
                totals.fresh());
    }

    private static int saturated(long n) {
        return (int) Math.min(Integer.MAX_VALUE, n);
    }

    private static List<Waiver> unused(Policy effective, Set<Waiver> applied, GateDecision d) {
        if (effective == null) {
            return List.of();
        }
        Set<Waiver> expired = new HashSet<>(d.expiredWaivers());
        return effective.waivers().stream().filter(w -> !applied.contains(w) && !expired.contains(w)).distinct()
                .toList();
    }

    /** The expiry a suggested waiver gets: {@value #SUGGESTED_WAIVER_DAYS} days, or the policy's shorter maximum. */
    public LocalDate waiveUntil() {
        int days = waiverMaxDays == null ? SUGGESTED_WAIVER_DAYS : Math.min(SUGGESTED_WAIVER_DAYS, waiverMaxDays);
        return evaluatedOn.plusDays(Math.max(0, days));
    }

    /** CRITICAL, HIGH, MEDIUM, LOW, INFO, UNKNOWN. */
    public static List<Severity> displayOrder() {
        return List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO,
                Severity.UNKNOWN);
    }

    /** New findings among all (not only those listed). */
    public int newCount() {
        return saturated(newFindings);
    }

    /**
     * Where a finding is, for display: the package ({@code name@installed}) for SCA/container findings, else
     * {@code file:line} with the path relative ({@link DisplayPaths}).
     */
    public static String where(Finding f) {
        if (f.pkg() != null) {
            return f.pkg().name() + (f.pkg().version().isEmpty() ? "" : "@" + f.pkg().version());
        }
        String file = DisplayPaths.relative(f.location().file());
        if (file.isEmpty()) {
            return "";
        }
        return f.location().line() > 0 ? file + ":" + f.location().line() : file;
    }
}
