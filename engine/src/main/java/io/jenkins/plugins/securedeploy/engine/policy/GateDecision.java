package io.jenkins.plugins.securedeploy.engine.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The gate's decision with every reason as a value. Only {@link GateEvaluator} constructs it. An override keeps the
 * verdict (FAILED stays FAILED) and is shown next to it; {@link #allowsDeployment()} is the one question hosts ask.
 */
public final class GateDecision {
    private final Verdict verdict;
    private final List<GateReason> reasons;
    private final List<FindingOutcome> findings;
    private final List<FindingOutcome> named;
    private final FindingTotals totals;
    private final List<BaselineEntry> fixed;
    private final boolean baselinePresent;
    private final List<Waiver> expiredWaivers;
    private final List<Relaxation> relaxations;
    private final GateOverride override;
    private final LocalDate evaluatedOn;

    GateDecision(Verdict verdict, List<GateReason> reasons, List<FindingOutcome> findings,
            List<FindingOutcome> named, FindingTotals totals, List<BaselineEntry> fixed,
            boolean baselinePresent, List<Waiver> expiredWaivers, List<Relaxation> relaxations,
            GateOverride override, LocalDate evaluatedOn) {
        if ((verdict == Verdict.PASSED) != reasons.isEmpty()) {
            throw new IllegalStateException("PASSED exactly when there is no reason");
        }
        if (override != null && verdict != Verdict.FAILED) {
            throw new IllegalStateException("only a FAILED decision can be overridden");
        }
        this.verdict = verdict;
        this.reasons = List.copyOf(reasons);
        this.findings = List.copyOf(findings);
        this.named = List.copyOf(named);
        this.totals = java.util.Objects.requireNonNull(totals, "totals");
        this.fixed = Baseline.copyOf(fixed);
        this.baselinePresent = baselinePresent;
        this.expiredWaivers = List.copyOf(expiredWaivers);
        this.relaxations = List.copyOf(relaxations);
        this.override = override;
        this.evaluatedOn = evaluatedOn;
    }

    public Verdict verdict() {
        return verdict;
    }

    public List<GateReason> reasons() {
        return reasons;
    }

    /**
     * The findings of every OK scan result the decision kept, with how the gate saw each: all of them from
     * {@link GateEvaluator#evaluate(GateInput)}; the worst N, worst first, from a streaming gate (a
     * {@link FindingTally} keeping N). {@link #totals()} counts all in either case.
     */
    public List<FindingOutcome> findings() {
        return findings;
    }

    /**
     * Findings the reasons name (by fingerprint) that are not among {@link #findings()}, worst first: a streaming
     * gate keeps them so each reason's top findings can be told; empty when {@link #findings()} holds every finding.
     */
    public List<FindingOutcome> namedFindings() {
        return named;
    }

    /** How many findings the gate saw in all, new, and per severity (total, new, waived). */
    public FindingTotals totals() {
        return totals;
    }

    /** Baseline findings that are gone. */
    public List<BaselineEntry> fixed() {
        return fixed;
    }

    public boolean baselinePresent() {
        return baselinePresent;
    }

    /** Waivers past their expiry: they no longer apply and are reported. */
    public List<Waiver> expiredWaivers() {
        return expiredWaivers;
    }

    /** Settings of the effective policy weaker than the secure defaults. */
    public List<Relaxation> relaxations() {
        return relaxations;
    }

    /** The accepted break-glass override, if any (the verdict is then still FAILED). */
    public Optional<GateOverride> override() {
        return Optional.ofNullable(override);
    }

    public boolean isOverridden() {
        return override != null;
    }

    public LocalDate evaluatedOn() {
        return evaluatedOn;
    }

    /** PASSED, or FAILED with an accepted override. ERROR never allows deployment. */
    public boolean allowsDeployment() {
        return verdict == Verdict.PASSED || (verdict == Verdict.FAILED && override != null);
    }

    /** {@code PASSED}, {@code FAILED}, {@code ERROR} or {@code FAILED (OVERRIDDEN by …)}. */
    public String headline() {
        return override == null ? verdict.name()
                : verdict.name() + " (OVERRIDDEN by " + override.person() + " until " + override.expires() + ")";
    }
}
