package io.jenkins.plugins.securedeploy.engine.approval;

import io.jenkins.plugins.securedeploy.engine.host.ApproverDirectory;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The admin's roles (e.g. {@code security}, {@code release-manager}), each held by the users and {@code group:}
 * entries listed for it. A host whose realm knows groups but not roles (Jenkins) builds each approver's
 * {@link ApproverDirectory.Membership} with {@link #membership}.
 */
public record RoleAssignments(Map<String, List<String>> roles) {
    public RoleAssignments {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (roles != null) {
            roles.forEach((role, members) -> {
                Objects.requireNonNull(role, "role");
                if (role.isBlank() || role.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
                    throw new IllegalArgumentException("a role name has no spaces or control characters");
                }
                copy.put(role, members == null ? List.of() : members.stream().map(String::strip)
                        .filter(m -> !m.isEmpty()).toList());
            });
        }
        roles = Collections.unmodifiableMap(copy);
    }

    public static RoleAssignments none() {
        return new RoleAssignments(Map.of());
    }

    /** The roles whose members name {@code userId} or one of {@code groups} (group names without prefix). */
    public Set<String> rolesOf(String userId, Set<String> groups) {
        Set<String> out = new TreeSet<>();
        roles.forEach((role, members) -> {
            for (String m : members) {
                boolean match = m.startsWith(ApprovalRule.GROUP_PREFIX)
                        ? groups.contains(m.substring(ApprovalRule.GROUP_PREFIX.length())) : m.equals(userId);
                if (match) {
                    out.add(role);
                    return;
                }
            }
        });
        return out;
    }

    /** The membership of a user the realm knows: their groups, and the roles those (or the user id) hold. */
    public ApproverDirectory.Membership membership(String userId, Set<String> aliases, Set<String> groups) {
        return new ApproverDirectory.Membership(userId, aliases, groups, rolesOf(userId, groups));
    }
}
