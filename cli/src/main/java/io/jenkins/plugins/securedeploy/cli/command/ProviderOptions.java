package io.jenkins.plugins.securedeploy.cli.command;

import io.jenkins.plugins.securedeploy.engine.credentials.Exchange;
import io.jenkins.plugins.securedeploy.engine.credentials.HttpSettings;
import io.jenkins.plugins.securedeploy.engine.credentials.RetryPolicy;
import io.jenkins.plugins.securedeploy.engine.credentials.aws.AwsSettings;
import io.jenkins.plugins.securedeploy.engine.credentials.aws.AwsStsExchange;
import io.jenkins.plugins.securedeploy.engine.credentials.azure.AzureExchange;
import io.jenkins.plugins.securedeploy.engine.credentials.azure.AzureSettings;
import io.jenkins.plugins.securedeploy.engine.credentials.gcp.GcpExchange;
import io.jenkins.plugins.securedeploy.engine.credentials.gcp.GcpSettings;
import io.jenkins.plugins.securedeploy.engine.credentials.local.LocalExchange;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.BuildClaims;
import io.jenkins.plugins.securedeploy.engine.credentials.vault.VaultExchange;
import io.jenkins.plugins.securedeploy.engine.credentials.vault.VaultSettings;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Provider settings of {@code creds exec}: one group of options per provider, mapped onto the engine's settings. */
public final class ProviderOptions {
    /** The providers {@code --provider} accepts. */
    public enum Provider {
        aws,
        vault,
        gcp,
        azure,
        local
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--provider", required = true, description = "aws, vault, gcp, azure or local.")
    Provider provider;

    @Option(names = "--audience", description = "Token audience (default: the provider's usual one).")
    String audience;

    @Option(names = "--connect-timeout", converter = DurationConverter.class, defaultValue = "5s",
            description = "Connect timeout (default ${DEFAULT-VALUE}).")
    Duration connectTimeout;

    @Option(names = "--read-timeout", converter = DurationConverter.class, defaultValue = "15s",
            description = "Read timeout (default ${DEFAULT-VALUE}).")
    Duration readTimeout;

    @Option(names = "--attempts", defaultValue = "3", description = "Attempts on 5xx/throttling (default 3).")
    int attempts;

    @Option(names = "--role-arn", description = "aws: role to assume.")
    String roleArn;

    @Option(names = "--region", description = "aws: region.")
    String region;

    @Option(names = "--sts-endpoint", description = "aws: STS endpoint override; gcp: STS token URL.")
    URI stsEndpoint;

    @Option(names = "--duration", converter = DurationConverter.class, description = "aws: session duration.")
    Duration duration;

    @Option(names = "--session-tag", description = "aws: session tag KEY=VALUE (repeatable).")
    Map<String, String> sessionTags = new LinkedHashMap<>();

    @Option(names = "--vault-addr", description = "vault: address.")
    URI vaultAddr;

    @Option(names = "--vault-role", description = "vault: JWT auth role.")
    String vaultRole;

    @Option(names = "--vault-mount", defaultValue = "jwt", description = "vault: JWT auth mount (default jwt).")
    String vaultMount;

    @Option(names = "--vault-secret", description = "vault: dynamic secret path (database/creds/app).")
    String vaultSecret;

    @Option(names = "--vault-kv", description = "vault: KV v2 secret <mount>/<path> instead.")
    String vaultKv;

    @Option(names = "--vault-env", description = "vault: VARIABLE=field (repeatable).")
    Map<String, String> vaultEnv = new LinkedHashMap<>();

    @Option(names = "--vault-namespace", description = "vault: namespace.")
    String vaultNamespace;

    @Option(names = "--gcp-provider", description = "gcp: projects/N/locations/global/workloadIdentityPools/P/"
            + "providers/R.")
    String gcpProvider;

    @Option(names = "--gcp-service-account", description = "gcp: service account to impersonate.")
    String gcpServiceAccount;

    @Option(names = "--gcp-iam-endpoint", description = "gcp: IAM Credentials endpoint override.")
    URI gcpIamEndpoint;

    @Option(names = "--azure-tenant", description = "azure: tenant id.")
    String azureTenant;

    @Option(names = "--azure-client-id", description = "azure: application (client) id.")
    String azureClientId;

    @Option(names = "--azure-scope", description = "azure: scope (default management .default).")
    String azureScope;

    @Option(names = "--azure-authority", description = "azure: authority override.")
    URI azureAuthority;

    @Option(names = "--token-env", description = "local: variable for the token (default SECURE_DEPLOY_ID_TOKEN).")
    String tokenEnv;

    Exchange exchange(BuildClaims build, Clock clock) {
        HttpSettings http = new HttpSettings(connectTimeout, readTimeout, new RetryPolicy(attempts,
                Duration.ofMillis(250), Duration.ofSeconds(4)));
        return switch (provider) {
            case aws -> new AwsStsExchange(new AwsSettings(require(roleArn, "--role-arn"), require(region, "--region"),
                    stsEndpoint, null, duration, sessionTags, List.of(), audience, http), build.job(),
                    build.buildNumber());
            case vault -> new VaultExchange(new VaultSettings(require(vaultAddr, "--vault-addr"), vaultNamespace,
                    vaultMount, require(vaultRole, "--vault-role"), audience, vaultKv == null
                            ? VaultSettings.SecretKind.DYNAMIC : VaultSettings.SecretKind.KV2,
                    vaultKv == null ? require(vaultSecret, "--vault-secret or --vault-kv") : vaultKv, vaultEnv, false,
                    http), clock);
            case gcp -> new GcpExchange(new GcpSettings(require(gcpProvider, "--gcp-provider"), gcpServiceAccount,
                    null, null, stsEndpoint, gcpIamEndpoint, audience, http), clock);
            case azure -> new AzureExchange(new AzureSettings(require(azureTenant, "--azure-tenant"),
                    require(azureClientId, "--azure-client-id"), azureScope, azureAuthority, audience, http), clock);
            case local -> new LocalExchange(require(audience, "--audience"), tokenEnv, null);
        };
    }

    /** A provider's required option: missing, it is a usage error (exit 2), found before anything is issued. */
    private <T> T require(T value, String option) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new ParameterException(mixee.commandLine(), "--provider " + provider + " needs " + option);
        }
        return value;
    }
}
