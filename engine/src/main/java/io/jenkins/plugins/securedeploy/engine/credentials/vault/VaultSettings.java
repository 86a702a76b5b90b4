package io.jenkins.plugins.securedeploy.engine.credentials.vault;

import io.jenkins.plugins.securedeploy.engine.credentials.HttpSettings;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how to log in to Vault with the ID token, and what to read.
 *
 * @param address     Vault's base URL ({@code https://vault.example.com:8200})
 * @param namespace   Vault Enterprise namespace ({@code X-Vault-Namespace}), or empty
 * @param authMount   the JWT auth method's mount ({@code jwt}): login at {@code /v1/auth/<mount>/login}
 * @param role        the JWT auth role
 * @param audience    the ID token's audience (the role's {@code bound_audiences})
 * @param kind        a dynamic secret (database / AWS engine: has a lease, revoked after) or a KV v2 value
 * @param path        dynamic: the read path ({@code database/creds/app}); KV v2: {@code <mount>/<path>} of the
 *                    secret ({@code secret/app/deploy} reads {@code /v1/secret/data/app/deploy})
 * @param env         environment variable to field ({@code DB_USER -> username}); empty: every field as
 *                    {@code VAULT_<FIELD>}
 * @param exposeToken also export the Vault token as {@code VAULT_TOKEN} (with {@code VAULT_ADDR})
 */
public record VaultSettings(URI address, String namespace, String authMount, String role, String audience,
        SecretKind kind, String path, Map<String, String> env, boolean exposeToken, HttpSettings http) {
    /** What is read after login. */
    public enum SecretKind {
        DYNAMIC,
        KV2
    }

    public VaultSettings {
        Objects.requireNonNull(address, "address");
        namespace = namespace == null ? "" : namespace;
        authMount = authMount == null || authMount.isBlank() ? "jwt" : strip(authMount);
        Objects.requireNonNull(role, "role");
        audience = audience == null || audience.isBlank() ? address.toString() : audience;
        kind = kind == null ? SecretKind.DYNAMIC : kind;
        path = strip(Objects.requireNonNull(path, "path"));
        env = env == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
        http = http == null ? HttpSettings.defaults() : http;
        if (path.isEmpty() || path.contains("..") || authMount.contains("..")) {
            throw new IllegalArgumentException("vault path and mount must be non-empty and must not contain '..'");
        }
    }

    private static String strip(String s) {
        String t = s.strip();
        while (t.startsWith("/")) {
            t = t.substring(1);
        }
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    /** The API path that is read: {@code v1/<path>}, or {@code v1/<mount>/data/<rest>} for KV v2. */
    String readPath() {
        if (kind == SecretKind.DYNAMIC) {
            return "/v1/" + path;
        }
        int slash = path.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("a KV v2 path is <mount>/<secret path>, was '" + path + "'");
        }
        return "/v1/" + path.substring(0, slash) + "/data/" + path.substring(slash + 1);
    }
}
