package io.jenkins.plugins.securedeploy.jenkins.facade;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.FingerprintMap;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import jenkins.model.Jenkins;
import org.springframework.security.core.Authentication;

/**
 * The only class that calls {@link Jenkins#get()} (ArchUnit rule). Everything else asks this facade, so the binding
 * can be tested with a replaced facade and the Jenkins singleton stays in one place (warnings-ng's JenkinsFacade).
 */
public class JenkinsFacade implements Serializable {
    private static final long serialVersionUID = 1L;

    /** True when the current user has {@code permission} on Jenkins. */
    public boolean hasPermission(@NonNull Permission permission) {
        return Jenkins.get().hasPermission(permission);
    }

    /**
     * True when the current user has {@code permission} on {@code item} (a job or folder found with
     * {@code @AncestorInPath}), or on Jenkins when there is no item (a form outside any job).
     */
    public boolean hasPermission(@NonNull Permission permission, @CheckForNull AccessControlled item) {
        return item == null ? hasPermission(permission) : item.hasPermission(permission);
    }

    /**
     * Fails with Spring's {@code AccessDeniedException} (rendered as HTTP 403) unless the current user has
     * {@code permission} on Jenkins.
     */
    public void checkPermission(@NonNull Permission permission) {
        Jenkins.get().checkPermission(permission);
    }

    /** The configured root URL with a trailing {@code /}, when one is known. */
    public Optional<String> getRootUrl() {
        return Optional.ofNullable(Jenkins.get().getRootUrl());
    }

    /** Jenkins' fingerprint database. */
    public FingerprintMap getFingerprintMap() {
        return Jenkins.get().getFingerprintMap();
    }

    /** Fails with {@code AccessDeniedException} (HTTP 403) unless the current user has the permission on the item. */
    public void checkPermission(@NonNull Permission permission, @NonNull AccessControlled item) {
        item.checkPermission(permission);
    }

    /** The id of the user making this request; empty for anonymous or the system. */
    public Optional<String> currentUserId() {
        Authentication auth = Jenkins.getAuthentication2();
        if (ACL.isAnonymous2(auth) || ACL.SYSTEM2.equals(auth)) {
            return Optional.empty();
        }
        return Optional.of(auth.getName());
    }

    /** A user the security realm knows: the canonical id and the groups (authorities). */
    public record RealmUser(String id, Set<String> groups) {}

    /**
     * The realm's view of {@code userId}, or empty when Jenkins knows no such user. Groups are read as the system:
     * {@link User#getAuthorities()} answers only callers with Overall/Administer, and an approver is not one.
     */
    public Optional<RealmUser> realmUser(@NonNull String userId) {
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            User user = User.getById(userId, false);
            if (user == null) {
                return Optional.empty();
            }
            return Optional.of(new RealmUser(user.getId(), new LinkedHashSet<>(user.getAuthorities())));
        }
    }
}
