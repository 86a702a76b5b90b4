package io.jenkins.plugins.securedeploy.engine.policy;

/** Whether a break-glass {@link Override} is allowed and for how long at most (default: allowed, 3 days). */
public record OverrideRules(Boolean allowed, Integer maxDays) {
    public static final OverrideRules NONE = new OverrideRules(null, null);
    public static final int DEFAULT_MAX_DAYS = 3;

    public boolean isAllowed() {
        return !Boolean.FALSE.equals(allowed);
    }

    public int effectiveMaxDays() {
        return maxDays == null ? DEFAULT_MAX_DAYS : maxDays;
    }

    public OverrideRules stricter(OverrideRules o) {
        return new OverrideRules(Limits.both(allowed, o.allowed), Limits.min(maxDays, o.maxDays));
    }
}
