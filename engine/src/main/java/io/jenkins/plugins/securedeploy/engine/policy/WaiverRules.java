package io.jenkins.plugins.securedeploy.engine.policy;

/**
 * Limits on waivers: the longest a waiver may run (days from today to its expiry) and whether a waiver may have no
 * expiry at all. Secure default: no expiry is forbidden; only an admin floor can allow it.
 */
public record WaiverRules(Integer maxDays, Boolean allowWithoutExpiry) {
    public static final WaiverRules NONE = new WaiverRules(null, null);

    public boolean withoutExpiryAllowed() {
        return Boolean.TRUE.equals(allowWithoutExpiry);
    }

    public WaiverRules stricter(WaiverRules o) {
        return new WaiverRules(Limits.min(maxDays, o.maxDays), Limits.both(allowWithoutExpiry, o.allowWithoutExpiry));
    }
}
