package io.jenkins.plugins.securedeploy.engine.policy;

import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * Additive counts of the findings in one threshold scope (all, one tool or one category; all or only new ones): per
 * severity as the gate ranks it (UNKNOWN counted as CRITICAL), of any severity, and at or above a CVSS threshold,
 * each with the first {@link GateReason#MAX_FINGERPRINTS} fingerprints in arrival order. Constant memory.
 */
final class ScopeCount {
    private final long[] bySeverity = new long[Severity.values().length];
    private final List<List<String>> fingerprints = new ArrayList<>();
    private final Double cvss;
    private long any;
    private final List<String> anyFingerprints = new ArrayList<>();
    private long aboveCvss;
    private final List<String> cvssFingerprints = new ArrayList<>();

    ScopeCount(Double cvss) {
        this.cvss = cvss;
        for (int i = 0; i < bySeverity.length; i++) {
            fingerprints.add(new ArrayList<>());
        }
    }

    static Severity ranked(Severity s) {
        return s == Severity.UNKNOWN ? Severity.CRITICAL : s;
    }

    /** Counts {@code f}; true when its fingerprint was kept in one of the lists (a reason may name it). */
    boolean add(Finding f) {
        int s = ranked(f.severity()).ordinal();
        bySeverity[s]++;
        boolean kept = keep(fingerprints.get(s), f.fingerprint());
        any++;
        kept |= keep(anyFingerprints, f.fingerprint());
        if (cvss != null && f.hasScore() && f.score() >= cvss) {
            aboveCvss++;
            kept |= keep(cvssFingerprints, f.fingerprint());
        }
        return kept;
    }

    /** Adds the counts of {@code later} (counted after everything here): sums, lists continued in arrival order. */
    void absorb(ScopeCount later) {
        for (int i = 0; i < bySeverity.length; i++) {
            bySeverity[i] += later.bySeverity[i];
            List<String> into = fingerprints.get(i);
            later.fingerprints.get(i).forEach(fp -> keep(into, fp));
        }
        any += later.any;
        later.anyFingerprints.forEach(fp -> keep(anyFingerprints, fp));
        aboveCvss += later.aboveCvss;
        later.cvssFingerprints.forEach(fp -> keep(cvssFingerprints, fp));
    }

    /** Every fingerprint kept in a list. */
    void keptFingerprints(java.util.Set<String> into) {
        fingerprints.forEach(into::addAll);
        into.addAll(anyFingerprints);
        into.addAll(cvssFingerprints);
    }

    private static boolean keep(List<String> list, String fingerprint) {
        if (list.size() < GateReason.MAX_FINGERPRINTS) {
            list.add(fingerprint);
            return true;
        }
        return false;
    }

    long count(Severity s) {
        return bySeverity[ranked(s).ordinal()];
    }

    List<String> fingerprints(Severity s) {
        return List.copyOf(fingerprints.get(ranked(s).ordinal()));
    }

    long any() {
        return any;
    }

    List<String> anyFingerprints() {
        return List.copyOf(anyFingerprints);
    }

    long aboveCvss() {
        return aboveCvss;
    }

    List<String> cvssFingerprints() {
        return List.copyOf(cvssFingerprints);
    }
}
