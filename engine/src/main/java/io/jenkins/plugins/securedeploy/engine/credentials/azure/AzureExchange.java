package io.jenkins.plugins.securedeploy.engine.credentials.azure;

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
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Entra ID client credentials with a federated client assertion ({@code POST <authority>/<tenant>/oauth2/v2.0/token},
 * {@code client_assertion} = our ID token). Own small client over java.net.http: azure-identity (with MSAL, Reactor,
 * Netty) measured 44 jars / 21 MB for one form POST. Entra access tokens cannot be revoked; the lease records expiry.
 */
public final class AzureExchange implements Exchange {
    static final String PROVIDER = "azure";

    private final AzureSettings settings;
    private final ProviderHttp http;
    private final Clock clock;

    public AzureExchange(AzureSettings settings, Clock clock) {
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
        form.put("client_id", settings.clientId());
        form.put("scope", settings.scope());
        form.put("grant_type", "client_credentials");
        form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        form.put("client_assertion", token.value().reveal());
        String base = settings.authority().toString().replaceAll("/+$", "");
        URI uri = URI.create(base + "/" + settings.tenant() + "/oauth2/v2.0/token");
        String what = "token request for client " + settings.clientId();
        ProviderHttp.Response r = http.send(http.request(uri)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(ProviderHttp.form(form)).build());
        if (!r.ok()) {
            String detail = OAuthErrors.describe(r.body(), List.of(token.value()));
            throw new CredentialExchangeException(PROVIDER, r.status(), what + " refused"
                    + (detail.isEmpty() ? "" : ": " + detail));
        }
        Map<String, Object> json = ProviderJson.object(PROVIDER, what, r.body(), r.status());
        SecretValue access = SecretValue.of(ProviderJson.string(PROVIDER, what, json, "access_token", r.status()));
        Instant exp = clock.instant().plusSeconds(ProviderJson.number(PROVIDER, what, json, "expires_in", r.status()));
        Map<String, String> plain = new LinkedHashMap<>();
        plain.put("AZURE_CLIENT_ID", settings.clientId());
        plain.put("AZURE_TENANT_ID", settings.tenant());
        return List.of(Lease.expiring(PROVIDER, "access token of client " + settings.clientId() + " for "
                + settings.scope(), Map.of("AZURE_ACCESS_TOKEN", access), plain, exp,
                "Entra ID access tokens cannot be revoked; it expires at " + exp));
    }
}
