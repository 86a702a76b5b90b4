package io.jenkins.plugins.securedeploy.engine.credentials.azure;

import io.jenkins.plugins.securedeploy.engine.credentials.HttpSettings;
import java.net.URI;
import java.util.Objects;

/**
 * Azure (Entra ID) workload identity federation: a federated credential on an app registration or managed identity
 * trusts our issuer and subject; the ID token is the client assertion.
 *
 * @param tenant    the directory (tenant) id or domain
 * @param clientId  the application (client) id
 * @param scope     default {@code https://management.azure.com/.default}
 * @param authority default {@code https://login.microsoftonline.com}
 * @param audience  the ID token's audience (default {@code api://AzureADTokenExchange})
 */
public record AzureSettings(String tenant, String clientId, String scope, URI authority, String audience,
        HttpSettings http) {
    public AzureSettings {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(clientId, "clientId");
        if (!tenant.matches("[\\w.-]+") || !clientId.matches("[\\w-]+")) {
            throw new IllegalArgumentException("tenant and clientId must be ids (letters, digits, '-', '.')");
        }
        scope = scope == null || scope.isBlank() ? "https://management.azure.com/.default" : scope;
        authority = authority == null ? URI.create("https://login.microsoftonline.com") : authority;
        audience = audience == null || audience.isBlank() ? "api://AzureADTokenExchange" : audience;
        http = http == null ? HttpSettings.defaults() : http;
    }

    public static AzureSettings of(String tenant, String clientId) {
        return new AzureSettings(tenant, clientId, null, null, null, null);
    }
}
