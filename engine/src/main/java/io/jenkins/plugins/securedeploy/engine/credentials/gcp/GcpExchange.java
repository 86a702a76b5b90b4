package io.jenkins.plugins.securedeploy.engine.credentials.gcp;

import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.credentials.CredentialExchangeException;
import io.jenkins.plugins.securedeploy.engine.credentials.Exchange;
import io.jenkins.plugins.securedeploy.engine.credentials.IdToken;
import io.jenkins.plugins.securedeploy.engine.credentials.Lease;
import io.jenkins.plugins.securedeploy.engine.credentials.OAuthErrors;
import io.jenkins.plugins.securedeploy.engine.credentials.ProviderHttp;
import io.jenkins.plugins.securedeploy.engine.credentials.ProviderJson;
import io.jenkins.plugins.securedeploy.engine.credentials.TokenNeed;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GCP workload identity federation, the two calls google-auth-library's identity-pool credentials make: the RFC 8693
 * token exchange at Google STS ({@code /v1/token}, the ID token as {@code subject_token}), then, with the federated
 * token, {@code generateAccessToken} of the service account on IAM Credentials. Own client over java.net.http: the
 * library refuses non-https endpoints, needs Guava 33 and Gson and offers no 5xx-only retry hook (docs/credentials.md).
 * Google access tokens cannot be revoked from this flow; the lease records the (short) expiry.
 */
public final class GcpExchange implements Exchange {
    static final String PROVIDER = "gcp";

    private final GcpSettings settings;
    private final ProviderHttp http;
    private final Clock clock;

    public GcpExchange(GcpSettings settings, Clock clock) {
        this.settings = settings;
        this.http = new ProviderHttp(PROVIDER, settings.http());
        this.clock = clock;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public TokenNeed tokenNeed() {
        return TokenNeed.audience(settings.audience());
    }

    @Override
    public List<Lease> exchange(IdToken token) throws InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange");
        form.put("audience", "//iam.googleapis.com/" + settings.provider());
        form.put("scope", String.join(" ", settings.scopes()));
        form.put("requested_token_type", "urn:ietf:params:oauth:token-type:access_token");
        form.put("subject_token_type", "urn:ietf:params:oauth:token-type:jwt");
        form.put("subject_token", token.value().reveal());
        String what = "STS token exchange";
        ProviderHttp.Response r = http.send(http.request(settings.stsEndpoint())
                .header("Content-Type", "application/x-www-form-urlencoded").POST(ProviderHttp.form(form)).build());
        if (!r.ok()) {
            throw failure(what, r, List.of(token.value()));
        }
        Map<String, Object> json = ProviderJson.object(PROVIDER, what, r.body(), r.status());
        SecretValue federated = SecretValue.of(ProviderJson.string(PROVIDER, what, json, "access_token", r.status()));
        Instant now = clock.instant();
        if (settings.serviceAccount().isEmpty()) {
            Instant exp = now.plusSeconds(ProviderJson.number(PROVIDER, what, json, "expires_in", r.status()));
            return List.of(lease("federated token of " + settings.provider(), federated, exp));
        }
        return List.of(impersonate(federated, token).hiding(federated));
    }

    private Lease impersonate(SecretValue federated, IdToken token) throws InterruptedException {
        String what = "generateAccessToken for " + settings.serviceAccount();
        String base = settings.iamEndpoint().toString().replaceAll("/+$", "");
        URI uri = URI.create(base + "/v1/projects/-/serviceAccounts/" + settings.serviceAccount()
                + ":generateAccessToken");
        String body = ProviderJson.write(Map.of("scope", settings.scopes(), "lifetime",
                settings.lifetime().toSeconds() + "s"));
        ProviderHttp.Response r = http.send(http.request(uri).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + federated.reveal()).POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
        if (!r.ok()) {
            throw failure(what, r, List.of(federated, token.value()));
        }
        Map<String, Object> json = ProviderJson.object(PROVIDER, what, r.body(), r.status());
        SecretValue access = SecretValue.of(ProviderJson.string(PROVIDER, what, json, "accessToken", r.status()));
        Instant exp;
        try {
            exp = Instant.parse(ProviderJson.string(PROVIDER, what, json, "expireTime", r.status()));
        } catch (DateTimeParseException e) {
            throw new CredentialExchangeException(PROVIDER, r.status(), what + " answer has an invalid expireTime", e);
        }
        return lease("access token of " + settings.serviceAccount(), access, exp);
    }

    private static Lease lease(String label, SecretValue token, Instant exp) {
        Map<String, SecretValue> env = new LinkedHashMap<>();
        env.put("CLOUDSDK_AUTH_ACCESS_TOKEN", token);
        env.put("GOOGLE_OAUTH_ACCESS_TOKEN", token);
        return Lease.expiring(PROVIDER, label, env, Map.of(), exp,
                "Google access tokens from workload identity federation cannot be revoked; it expires at " + exp);
    }

    private static CredentialExchangeException failure(String what, ProviderHttp.Response r, List<SecretValue> sent) {
        String detail = OAuthErrors.describe(r.body(), sent);
        return new CredentialExchangeException(PROVIDER, r.status(), what + " refused"
                + (detail.isEmpty() ? "" : ": " + detail));
    }
}
