package io.jenkins.plugins.securedeploy.engine.credentials.vault;

import io.jenkins.plugins.securedeploy.engine.credentials.CredentialsKit;
import io.jenkins.plugins.securedeploy.engine.credentials.LoopbackServer;
import io.jenkins.plugins.securedeploy.engine.credentials.LoopbackServer.Reply;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.util.Map;

/**
 * Vault's documented HTTP contract on loopback: JWT login (the token is verified like Vault's jwt auth does: JWKS
 * signature, bound audience), a database secret with a lease, a KV v2 value, lease revocation and revoke-self, each
 * requiring the issued token; errors as {@code {"errors":[...]}}.
 */
final class VaultServer {
    static final String VAULT_TOKEN = "hvs.CAESIJRM2vault-token-0123456789abcdef";
    static final String LEASE_ID = "database/creds/app/2f6a614c-4aa2-7b19-24b9-ad944a8d4de6";
    static final String AUD = "https://vault.example.com";

    private VaultServer() {}

    static LoopbackServer start(CredentialsKit kit, String password) {
        LoopbackServer s = new LoopbackServer();
        s.on("POST", "/v1/auth/jwt/login", call -> {
            Map<String, Object> body = parse(call.body());
            if (!"deploy".equals(body.get("role"))) {
                return Reply.json(400, "{\"errors\":[\"role \\\"" + body.get("role") + "\\\" could not be found\"]}");
            }
            var check = kit.check(String.valueOf(body.get("jwt")), AUD);
            if (!check.verified()) {
                return Reply.json(400, "{\"errors\":[\"error validating token: invalid audience (aud) claim\"]}");
            }
            return Reply.json(200, "{\"request_id\":\"r1\",\"lease_id\":\"\",\"renewable\":false,\"lease_duration\":0,"
                    + "\"data\":null,\"auth\":{\"client_token\":\"" + VAULT_TOKEN + "\",\"accessor\":\"acc\","
                    + "\"policies\":[\"deploy\"],\"lease_duration\":600,\"renewable\":true,"
                    + "\"metadata\":{\"role\":\"deploy\"}}}");
        });
        s.on("GET", "/v1/database/creds/app", call -> authorized(call) ? Reply.json(200, "{\"request_id\":\"r2\","
                + "\"lease_id\":\"" + LEASE_ID + "\",\"renewable\":true,\"lease_duration\":300,\"data\":{\"username\":"
                + "\"v-jwt-app-x1\",\"password\":" + JSONObjectUtils.toJSONString(Map.of("p", password))
                .replaceAll("^\\{\"p\":|}$", "") + "}}") : denied());
        s.on("GET", "/v1/secret/data/app/deploy", call -> authorized(call) ? Reply.json(200, "{\"request_id\":\"r3\","
                + "\"lease_id\":\"\",\"renewable\":false,\"lease_duration\":0,\"data\":{\"data\":{\"api_key\":"
                + JSONObjectUtils.toJSONString(Map.of("p", password)).replaceAll("^\\{\"p\":|}$", "") + "},"
                + "\"metadata\":{\"version\":3}}}") : denied());
        s.on("PUT", "/v1/sys/leases/revoke", call -> authorized(call) && call.body().contains(LEASE_ID)
                ? Reply.empty(204) : Reply.json(400, "{\"errors\":[\"invalid lease\"]}"));
        s.on("POST", "/v1/auth/token/revoke-self", call -> authorized(call) ? Reply.empty(204) : denied());
        return s;
    }

    static boolean authorized(LoopbackServer.Call call) {
        return VAULT_TOKEN.equals(call.header("X-Vault-Token"));
    }

    static Reply denied() {
        return Reply.json(403, "{\"errors\":[\"permission denied\"]}");
    }

    private static Map<String, Object> parse(String body) {
        try {
            return JSONObjectUtils.parse(body);
        } catch (java.text.ParseException e) {
            return Map.of();
        }
    }
}
