package io.jenkins.plugins.securedeploy.engine.credentials.vault;

import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.credentials.CredentialExchangeException;
import io.jenkins.plugins.securedeploy.engine.credentials.Exchange;
import io.jenkins.plugins.securedeploy.engine.credentials.IdToken;
import io.jenkins.plugins.securedeploy.engine.credentials.Lease;
import io.jenkins.plugins.securedeploy.engine.credentials.ProviderHttp;
import io.jenkins.plugins.securedeploy.engine.credentials.ProviderJson;
import io.jenkins.plugins.securedeploy.engine.credentials.SafeText;
import io.jenkins.plugins.securedeploy.engine.credentials.TokenNeed;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HashiCorp Vault: JWT auth login ({@code POST /v1/auth/<mount>/login} with role and ID token), then a read of a
 * dynamic secret (database / AWS engine; its lease is revoked after with {@code PUT /v1/sys/leases/revoke}) or a KV
 * v2 value, and at the end the Vault token itself is revoked ({@code POST /v1/auth/token/revoke-self}). Vault's error
 * bodies ({@code {"errors":[...]}}) are quoted only when they carry nothing that was sent.
 */
public final class VaultExchange implements Exchange {
    static final String PROVIDER = "vault";

    private final VaultSettings settings;
    private final ProviderHttp http;
    private final Clock clock;

    public VaultExchange(VaultSettings settings, Clock clock) {
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
        Instant now = clock.instant();
        Map<String, Object> auth = login(token);
        SecretValue vaultToken = SecretValue.of(ProviderJson.string(PROVIDER, loginCall(), auth, "client_token", 200));
        long ttl = auth.get("lease_duration") instanceof Number n ? n.longValue() : 0;
        Map<String, SecretValue> tokenEnv = new LinkedHashMap<>();
        Map<String, String> tokenSettings = new LinkedHashMap<>();
        if (settings.exposeToken()) {
            tokenEnv.put("VAULT_TOKEN", vaultToken);
            tokenSettings.put("VAULT_ADDR", settings.address().toString());
        }
        Lease tokenLease = Lease.revocable(PROVIDER, "token (auth/" + settings.authMount() + ", role "
                + settings.role() + ")", tokenEnv, tokenSettings, now.plusSeconds(ttl), () -> revokeSelf(vaultToken))
                .hiding(vaultToken);
        try {
            return List.of(tokenLease, read(vaultToken, now, token));
        } catch (InterruptedException | RuntimeException e) {
            // nothing is issued: give the token back before failing (even when interrupted)
            boolean interrupted = Thread.interrupted();
            tokenLease.revoke(clock);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            throw e;
        }
    }

    private String loginCall() {
        return "login at auth/" + settings.authMount() + " (role " + settings.role() + ")";
    }

    private Map<String, Object> login(IdToken token) throws InterruptedException {
        String body = ProviderJson.write(Map.of("role", settings.role(), "jwt", token.value().reveal()));
        ProviderHttp.Response r = http.send(request("/v1/auth/" + settings.authMount() + "/login", null)
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build());
        if (!r.ok()) {
            throw failure(loginCall() + " refused", r, List.of(token.value()));
        }
        return ProviderJson.optionalObject(ProviderJson.object(PROVIDER, loginCall(), r.body(), r.status()), "auth")
                .orElseThrow(() -> new CredentialExchangeException(PROVIDER, r.status(), loginCall()
                        + " answer has no 'auth' object"));
    }

    private Lease read(SecretValue vaultToken, Instant now, IdToken token) throws InterruptedException {
        String what = "read of " + settings.path();
        ProviderHttp.Response r = http.send(request(settings.readPath(), vaultToken).GET().build());
        if (!r.ok()) {
            throw failure(what + " refused", r, List.of(vaultToken, token.value()));
        }
        Map<String, Object> json = ProviderJson.object(PROVIDER, what, r.body(), r.status());
        Map<String, Object> data = ProviderJson.optionalObject(json, "data").orElseThrow(() ->
                new CredentialExchangeException(PROVIDER, r.status(), what + " answer has no 'data'"));
        if (settings.kind() == VaultSettings.SecretKind.KV2) {
            data = ProviderJson.optionalObject(data, "data").orElseThrow(() -> new CredentialExchangeException(PROVIDER,
                    r.status(), what + " answer has no 'data.data' (is it a KV v2 mount?)"));
        }
        Map<String, SecretValue> env = environment(data, r.status(), what);
        String leaseId = ProviderJson.optionalString(json, "lease_id").orElse("");
        long ttl = json.get("lease_duration") instanceof Number n ? n.longValue() : 0;
        if (leaseId.isEmpty()) {
            return Lease.expiring(PROVIDER, settings.path() + " (KV)", env, Map.of(), now.plusSeconds(ttl),
                    "a KV value has no lease; the Vault token that read it is revoked");
        }
        SecretValue lease = SecretValue.of(leaseId);
        return Lease.revocable(PROVIDER, settings.path() + " lease", env, Map.of(), now.plusSeconds(ttl),
                () -> revokeLease(vaultToken, lease)).hiding(lease);
    }

    private Map<String, SecretValue> environment(Map<String, Object> data, int status, String what) {
        Map<String, SecretValue> env = new LinkedHashMap<>();
        if (settings.env().isEmpty()) {
            data.forEach((field, value) -> {
                if (value instanceof String s && !s.isEmpty()) {
                    env.put("VAULT_" + field.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_"), SecretValue.of(s));
                }
            });
        } else {
            for (Map.Entry<String, String> e : settings.env().entrySet()) {
                if (!(data.get(e.getValue()) instanceof String s) || s.isEmpty()) {
                    throw new CredentialExchangeException(PROVIDER, status, what + " has no string field '"
                            + e.getValue() + "' for " + e.getKey());
                }
                env.put(e.getKey(), SecretValue.of(s));
            }
        }
        if (env.isEmpty()) {
            throw new CredentialExchangeException(PROVIDER, status, what + " returned no string fields");
        }
        return env;
    }

    private String revokeLease(SecretValue vaultToken, SecretValue lease) throws InterruptedException {
        String body = ProviderJson.write(Map.of("lease_id", lease.reveal()));
        ProviderHttp.Response r = http.send(request("/v1/sys/leases/revoke", vaultToken)
                .PUT(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build());
        if (!r.ok()) {
            throw failure("lease revocation failed", r, List.of(vaultToken, lease));
        }
        return "PUT /v1/sys/leases/revoke -> " + r.status();
    }

    private String revokeSelf(SecretValue vaultToken) throws InterruptedException {
        ProviderHttp.Response r = http.send(request("/v1/auth/token/revoke-self", vaultToken)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        if (!r.ok()) {
            throw failure("token revocation failed", r, List.of(vaultToken));
        }
        return "POST /v1/auth/token/revoke-self -> " + r.status();
    }

    private HttpRequest.Builder request(String apiPath, SecretValue vaultToken) {
        String base = settings.address().toString().replaceAll("/+$", "");
        HttpRequest.Builder b = http.request(URI.create(base + apiPath)).header("Accept", "application/json");
        if (!settings.namespace().isEmpty()) {
            b.header("X-Vault-Namespace", settings.namespace());
        }
        if (vaultToken != null) {
            b.header("X-Vault-Token", vaultToken.reveal());
        }
        return b;
    }

    private static CredentialExchangeException failure(String what, ProviderHttp.Response r, List<SecretValue> sent) {
        List<String> errors = ProviderJson.tryObject(r.body()).map(j -> ProviderJson.strings(j, "errors"))
                .orElse(List.of());
        String detail = errors.isEmpty() ? "" : SafeText.of(String.join("; ", errors), sent);
        return new CredentialExchangeException(PROVIDER, r.status(), what + (detail.isEmpty() ? "" : ": " + detail));
    }
}
