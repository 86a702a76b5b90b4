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

    void add(Finding f) {
        int s = ranked(f.severity()).ordinal();
        bySeverity[s]++;
        keep(fingerprints.get(s), f.fingerprint());
        any++;
        keep(anyFingerprints, f.fingerprint());
        if (cvss != null && f.hasScore() && f.score() >= cvss) {
            aboveCvss++;
            keep(cvssFingerprints, f.fingerprint());
        }
    }

    private static void keep(List<String> list, String fingerprint) {
        if (list.size() < GateReason.MAX_FINGERPRINTS) {
            list.add(fingerprint);
        }
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
