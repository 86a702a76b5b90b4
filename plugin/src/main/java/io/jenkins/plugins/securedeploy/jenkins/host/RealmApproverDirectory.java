package io.jenkins.plugins.securedeploy.jenkins.host;

import io.jenkins.plugins.securedeploy.engine.approval.RoleAssignments;
import io.jenkins.plugins.securedeploy.engine.host.ApproverDirectory;
import io.jenkins.plugins.securedeploy.jenkins.facade.JenkinsFacade;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The engine's {@link ApproverDirectory} over Jenkins' security realm: a user's canonical id and groups
 * (authorities) from the realm, roles from the admin's role assignments. Asked afresh for every vote (the engine
 * never caches); an unknown user is empty, so their vote is refused.
 */
public final class RealmApproverDirectory implements ApproverDirectory {
    private final JenkinsFacade jenkins;
    private final RoleAssignments roles;

    public RealmApproverDirectory(JenkinsFacade jenkins, RoleAssignments roles) {
        this.jenkins = Objects.requireNonNull(jenkins, "jenkins");
        this.roles = Objects.requireNonNull(roles, "roles");
    }

    @Override
    public Optional<Membership> lookup(String userId) {
        return jenkins.realmUser(userId).map(u -> roles.membership(u.id(), Set.of(), u.groups()));
    }
}
