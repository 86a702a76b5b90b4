package io.jenkins.plugins.securedeploy.jenkins.facade;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.FingerprintMap;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import java.io.Serializable;
import java.util.Optional;
import jenkins.model.Jenkins;

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
}
