package io.jenkins.plugins.securedeploy.engine.policy;

import io.jenkins.plugins.securedeploy.engine.core.Severity;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Maximum counts per severity, plus {@code any} (all severities together). An absent entry means "no limit from this
 * rule". UNKNOWN findings are counted as CRITICAL (fail closed), so UNKNOWN is never a key here.
 */
public record SeverityLimits(Map<Severity, Integer> bySeverity, Integer any) {
    public static final SeverityLimits NONE = new SeverityLimits(Map.of(), null);

    public SeverityLimits {
        EnumMap<Severity, Integer> copy = new EnumMap<>(Severity.class);
        bySeverity.forEach((s, v) -> {
            if (s == Severity.UNKNOWN) {
                throw new IllegalArgumentException("UNKNOWN is counted as CRITICAL; set a CRITICAL limit");
            }
            copy.put(s, requireLimit(v));
        });
        bySeverity = Collections.unmodifiableMap(copy);
        if (any != null) {
            requireLimit(any);
        }
    }

    private static int requireLimit(Integer v) {
        if (v == null || v < 0) {
            throw new IllegalArgumentException("limits are counts >= 0, got " + v);
        }
        return v;
    }

    public Optional<Integer> limit(Severity severity) {
        return Optional.ofNullable(bySeverity.get(severity == Severity.UNKNOWN ? Severity.CRITICAL : severity));
    }

    public Optional<Integer> anyLimit() {
        return Optional.ofNullable(any);
    }

    public boolean isEmpty() {
        return bySeverity.isEmpty() && any == null;
    }

    public SeverityLimits with(Severity severity, int limit) {
        EnumMap<Severity, Integer> copy = new EnumMap<>(Severity.class);
        copy.putAll(bySeverity);
        copy.put(severity, limit);
        return new SeverityLimits(copy, any);
    }

    public SeverityLimits withAny(Integer limit) {
        return new SeverityLimits(bySeverity, limit);
    }

    /** Per entry the smaller limit; an entry absent on one side takes the other's. */
    public SeverityLimits stricter(SeverityLimits other) {
        EnumMap<Severity, Integer> merged = new EnumMap<>(Severity.class);
        merged.putAll(bySeverity);
        other.bySeverity.forEach((s, v) -> merged.merge(s, v, Math::min));
        return new SeverityLimits(merged, Limits.min(any, other.any));
    }
}
