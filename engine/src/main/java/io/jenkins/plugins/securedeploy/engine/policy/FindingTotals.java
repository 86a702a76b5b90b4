package io.jenkins.plugins.securedeploy.engine.policy;

import io.jenkins.plugins.securedeploy.engine.core.Severity;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many findings the gate saw, of every OK scan result: in all, new (not in the baseline), and per severity (as
 * the tool meant it; UNKNOWN is its own entry here) in all, new and waived. Known for any report size, also when the
 * decision keeps only the top findings for display; {@code waiverUses} says how many findings each applied waiver
 * suppressed, in the order they first applied.
 */
public record FindingTotals(long findings, long fresh, Map<Severity, Counts> bySeverity, Map<Waiver, Long> waiverUses) {
    /** Counts of one severity. */
    public record Counts(long total, long fresh, long waived) {
        public static final Counts NONE = new Counts(0, 0, 0);
    }

    public FindingTotals {
        EnumMap<Severity, Counts> copy = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            copy.put(s, bySeverity.getOrDefault(s, Counts.NONE));
        }
        bySeverity = Collections.unmodifiableMap(copy);
        waiverUses = Collections.unmodifiableMap(new LinkedHashMap<>(waiverUses));
    }

    public Counts of(Severity s) {
        return bySeverity.get(s);
    }
}
