package io.jenkins.plugins.securedeploy.engine.policy;

import java.time.LocalDate;

/**
 * Break-glass override (named so it does not shadow {@code java.lang.Override}): a named person lets a FAILED gate
 * proceed, with a reason and an expiry no later than the floor's
 * {@code overrideRules.maxDays}. The decision stays FAILED and shows the override; it never becomes PASSED, and an
 * ERROR (untrusted input) cannot be overridden.
 */
public record GateOverride(String person, String reason, String ticket, LocalDate expires) {
    public GateOverride {
        person = person == null ? "" : person.strip();
        reason = reason == null ? "" : reason.strip();
        ticket = ticket == null ? "" : ticket.strip();
    }

    /** Why this override cannot be accepted under {@code rules} on {@code today}; empty when it can. */
    public String rejection(OverrideRules rules, LocalDate today) {
        if (!rules.isAllowed()) {
            return "overrides are not allowed by the policy (overrideRules.allowed = false)";
        }
        if (person.isEmpty()) {
            return "an override needs a named person";
        }
        if (reason.isEmpty()) {
            return "an override needs a reason";
        }
        if (expires == null) {
            return "an override needs an expiry date";
        }
        if (today.isAfter(expires)) {
            return "the override expired on " + expires;
        }
        if (expires.isAfter(today.plusDays(rules.effectiveMaxDays()))) {
            return "the override expires " + expires + ", later than overrideRules.maxDays="
                    + rules.effectiveMaxDays() + " days from " + today;
        }
        return "";
    }
}
