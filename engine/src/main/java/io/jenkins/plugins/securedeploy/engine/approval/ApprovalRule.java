package io.jenkins.plugins.securedeploy.engine.approval;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who must approve and how: {@code required} distinct people (N) out of the {@code approvers} listed (user ids and
 * {@code group:<name>} entries, M); with {@code separationOfDuties} whoever triggered the build or authored the
 * commit cannot approve; each of the {@code requiredRoles} must be held by at least one approving person; a
 * {@code timeout} after which the request is EXPIRED (a rejection); and whether every vote needs a reason.
 * {@link #of(int, List)} gives the secure defaults (separation of duties on, reason required, 24 hours); every
 * weaker setting is listed by {@link #relaxations()}.
 */
public record ApprovalRule(int required, List<String> approvers, List<String> requiredRoles,
        boolean separationOfDuties, Duration timeout, boolean reasonRequired) {
    /** Prefix of a group entry in {@link #approvers}. */
    public static final String GROUP_PREFIX = "group:";

    /** The default timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(24);

    /** The longest timeout accepted: an approval that may wait forever never fails closed. */
    public static final Duration MAX_TIMEOUT = Duration.ofDays(30);

    private static final Pattern NAME = Pattern.compile("[^\\s\\p{Cntrl}]{1,200}");

    public ApprovalRule {
        if (required < 1) {
            throw new IllegalArgumentException("an approval rule needs at least 1 required approval, got " + required);
        }
        approvers = distinct(approvers, "approvers");
        if (approvers.isEmpty()) {
            throw new IllegalArgumentException("an approval rule needs at least one approver (user id or group:name)");
        }
        for (String a : approvers) {
            String name = a.startsWith(GROUP_PREFIX) ? a.substring(GROUP_PREFIX.length()) : a;
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("approver entries are a user id or group:<name> without spaces or "
                        + "control characters, at most 200 characters");
            }
        }
        long users = approvers.stream().filter(a -> !a.startsWith(GROUP_PREFIX)).count();
        if (users == approvers.size() && users < required) {
            throw new IllegalArgumentException("the rule requires " + required + " approvals but lists only " + users
                    + " user(s) and no group: it can never be met");
        }
        requiredRoles = distinct(requiredRoles, "requiredRoles");
        for (String r : requiredRoles) {
            if (!NAME.matcher(r).matches()) {
                throw new IllegalArgumentException("role names have no spaces or control characters");
            }
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("the approval timeout must be positive and at most " + MAX_TIMEOUT
                    + ", got " + timeout);
        }
        if (timeout.getNano() != 0) {
            throw new IllegalArgumentException("the approval timeout is whole seconds, got " + timeout);
        }
    }

    /** {@code required} of {@code approvers} with the secure defaults: no roles, separation of duties, 24 h, reason. */
    public static ApprovalRule of(int required, List<String> approvers) {
        return new ApprovalRule(required, approvers, List.of(), true, DEFAULT_TIMEOUT, true);
    }

    public ApprovalRule withRequiredRoles(List<String> roles) {
        return new ApprovalRule(required, approvers, roles, separationOfDuties, timeout, reasonRequired);
    }

    public ApprovalRule withTimeout(Duration newTimeout) {
        return new ApprovalRule(required, approvers, requiredRoles, separationOfDuties, newTimeout, reasonRequired);
    }

    /** Relaxation: the submitter and commit authors may approve their own change. */
    public ApprovalRule withoutSeparationOfDuties() {
        return new ApprovalRule(required, approvers, requiredRoles, false, timeout, reasonRequired);
    }

    /** Relaxation: votes without a reason are counted. */
    public ApprovalRule withoutRequiredReason() {
        return new ApprovalRule(required, approvers, requiredRoles, separationOfDuties, timeout, false);
    }

    /** The listed user ids (entries without the {@code group:} prefix). */
    public List<String> users() {
        return approvers.stream().filter(a -> !a.startsWith(GROUP_PREFIX)).toList();
    }

    /** The listed group names, without the prefix. */
    public List<String> groups() {
        return approvers.stream().filter(a -> a.startsWith(GROUP_PREFIX))
                .map(a -> a.substring(GROUP_PREFIX.length())).toList();
    }

    /** The group of an approver entry, if it is one. */
    static Optional<String> groupOf(String entry) {
        return entry.startsWith(GROUP_PREFIX) ? Optional.of(entry.substring(GROUP_PREFIX.length())) : Optional.empty();
    }

    /** Settings weaker than the secure defaults, one sentence each (reported next to the decision). */
    public List<String> relaxations() {
        List<String> out = new ArrayList<>();
        if (!separationOfDuties) {
            out.add("separationOfDuties=false: the submitter and commit authors may approve their own change");
        }
        if (!reasonRequired) {
            out.add("reasonRequired=false: votes without a reason are counted");
        }
        if (required == 1) {
            out.add("required=1: a single person can approve");
        }
        return out;
    }

    /** {@code 2 of [alice, group:release], roles [security], timeout PT24H}. */
    public String describe() {
        return required + " of " + approvers + (requiredRoles.isEmpty() ? "" : ", roles " + requiredRoles)
                + ", timeout " + timeout + (separationOfDuties ? "" : ", no separation of duties")
                + (reasonRequired ? "" : ", reason optional");
    }

    private static List<String> distinct(List<String> values, String field) {
        if (values == null) {
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String v : values) {
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException(field + " entries must not be empty");
            }
            if (!out.add(v.strip())) {
                throw new IllegalArgumentException(field + " lists the same entry twice");
            }
        }
        return List.copyOf(out);
    }
}
