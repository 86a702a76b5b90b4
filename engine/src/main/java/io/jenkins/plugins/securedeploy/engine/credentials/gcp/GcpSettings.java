package io.jenkins.plugins.securedeploy.engine.credentials.gcp;

import io.jenkins.plugins.securedeploy.engine.credentials.HttpSettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * GCP workload identity federation.
 *
 * @param provider       the workload identity pool provider, {@code projects/<number>/locations/global/
 *                       workloadIdentityPools/<pool>/providers/<provider>}
 * @param serviceAccount the service account to impersonate ({@code deploy@proj.iam.gserviceaccount.com}); empty:
 *                       use the federated token directly
 * @param scopes         OAuth scopes (default {@code cloud-platform})
 * @param lifetime       the impersonated token's lifetime (default 10 min, at most 1 h)
 * @param stsEndpoint    default {@code https://sts.googleapis.com/v1/token}
 * @param iamEndpoint    default {@code https://iamcredentials.googleapis.com}
 * @param audience       the ID token's audience (default {@code https://iam.googleapis.com/<provider>}, the
 *                       provider's default allowed audience)
 */
public record GcpSettings(String provider, String serviceAccount, List<String> scopes, Duration lifetime,
        URI stsEndpoint, URI iamEndpoint, String audience, HttpSettings http) {
    public GcpSettings {
        Objects.requireNonNull(provider, "provider");
        if (!provider.matches("projects/\\d+/locations/global/workloadIdentityPools/[a-z0-9-]+/providers/[a-z0-9-]+")) {
            throw new IllegalArgumentException("provider must be projects/<number>/locations/global/"
                    + "workloadIdentityPools/<pool>/providers/<provider>, was '" + provider + "'");
        }
        serviceAccount = serviceAccount == null ? "" : serviceAccount;
        if (!serviceAccount.isEmpty() && !serviceAccount.matches("[\\w.+-]+@[\\w.-]+")) {
            throw new IllegalArgumentException("serviceAccount must be an email, was '" + serviceAccount + "'");
        }
        scopes = scopes == null || scopes.isEmpty() ? List.of("https://www.googleapis.com/auth/cloud-platform")
                : List.copyOf(scopes);
        lifetime = lifetime == null ? Duration.ofMinutes(10) : lifetime;
        if (lifetime.toSeconds() < 1 || lifetime.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("lifetime must be 1 s to 1 h, was " + lifetime);
        }
        stsEndpoint = stsEndpoint == null ? URI.create("https://sts.googleapis.com/v1/token") : stsEndpoint;
        iamEndpoint = iamEndpoint == null ? URI.create("https://iamcredentials.googleapis.com") : iamEndpoint;
        audience = audience == null || audience.isBlank() ? "https://iam.googleapis.com/" + provider : audience;
        http = http == null ? HttpSettings.defaults() : http;
    }

    public static GcpSettings of(String provider, String serviceAccount) {
        return new GcpSettings(provider, serviceAccount, null, null, null, null, null, null);
    }
}
