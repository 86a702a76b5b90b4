package io.jenkins.plugins.securedeploy.engine.policy;

import java.util.Optional;

/**
 * One rule set: limits on all findings ({@code total}), on findings not in the baseline ({@code fresh}, written
 * {@code new} in the policy file) and a CVSS score at or above which any finding fails ({@code cvss}, null = off).
 */
public record Thresholds(SeverityLimits total, SeverityLimits fresh, Double cvss) {
    public static final Thresholds NONE = new Thresholds(SeverityLimits.NONE, SeverityLimits.NONE, null);

    public Thresholds {
        total = total == null ? SeverityLimits.NONE : total;
        fresh = fresh == null ? SeverityLimits.NONE : fresh;
        if (cvss != null && (cvss.isNaN() || cvss < 0 || cvss > 10)) {
            throw new IllegalArgumentException("cvss threshold must be within 0..10, got " + cvss);
        }
    }

    public Optional<Double> cvssThreshold() {
        return Optional.ofNullable(cvss);
    }

    public boolean isEmpty() {
        return total.isEmpty() && fresh.isEmpty() && cvss == null;
    }

    public Thresholds stricter(Thresholds other) {
        return new Thresholds(total.stricter(other.total), fresh.stricter(other.fresh), Limits.min(cvss, other.cvss));
    }

    public Thresholds withTotal(SeverityLimits value) {
        return new Thresholds(value, fresh, cvss);
    }
}
