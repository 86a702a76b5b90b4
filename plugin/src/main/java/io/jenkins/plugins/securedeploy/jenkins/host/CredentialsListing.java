package io.jenkins.plugins.securedeploy.jenkins.host;

import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.util.ListBoxModel;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The "Secret text" credentials a form may pick from ({@code doFill...Items}), as the current user sees them in
 * {@code context} (a job or folder; null: Jenkins itself), plus the current value so an unchanged form round-trips.
 * Callers check a permission first (ArchUnit: every {@code doFill*} calls the facade).
 */
public final class CredentialsListing {
    private CredentialsListing() {}

    public static ListBoxModel stringCredentials(@CheckForNull Item context, @CheckForNull String current) {
        return new StandardListBoxModel().includeEmptyValue().include(context, StringCredentials.class)
                .includeCurrentValue(current == null ? "" : current);
    }

    /** What a caller without the permission gets: only the value already there. */
    public static ListBoxModel currentOnly(@CheckForNull String current) {
        return new StandardListBoxModel().includeCurrentValue(current == null ? "" : current);
    }
}
