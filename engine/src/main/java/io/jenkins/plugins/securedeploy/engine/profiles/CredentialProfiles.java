package io.jenkins.plugins.securedeploy.engine.profiles;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps a {@link CredentialProfile} onto its provider's exchange. Every key a provider does not know is refused (a
 * typo would otherwise silently fall back to a default), every required key must be present, and every problem names
 * the profile and the key. The exchange is built per use (it is cheap); nothing here talks to the network.
 */
public final class CredentialProfiles {
    /** Keys every provider takes: the ID token's audience and the HTTP behaviour. */
    static final Set<String> COMMON = Set.of("audience", "connectTimeout", "readTimeout", "attempts");

    private static final Map<CredentialProfile.Provider, Set<String>> KEYS = Map.of(
            CredentialProfile.Provider.AWS, Set.of("roleArn", "region", "stsEndpoint", "sessionName", "duration",
                    "sessionTags"),
            CredentialProfile.Provider.VAULT, Set.of("address", "role", "mount", "namespace", "secret", "kv", "env",
                    "exposeToken"),
            CredentialProfile.Provider.GCP, Set.of("provider", "serviceAccount", "lifetime", "stsEndpoint",
                    "iamEndpoint"),
            CredentialProfile.Provider.AZURE, Set.of("tenant", "clientId", "scope", "authority"),
            CredentialProfile.Provider.LOCAL, Set.of("variable", "lifetime"));

    private CredentialProfiles() {}

    /** The keys {@code provider} accepts, its own and the common ones. */
    public static Set<String> knownKeys(CredentialProfile.Provider provider) {
        Set<String> all = new java.util.TreeSet<>(COMMON);
        all.addAll(KEYS.get(provider));
        return all;
    }

    /**
     * {@code key=value} lines (blank lines and {@code #} comments ignored) as a map; a line without {@code =}, an
     * empty key or a key given twice is a problem naming the line. Values are never echoed.
     */
    public static Map<String, String> parseSettings(String text, String profileName) {
        Map<String, String> out = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.split("\\r?\\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String key = eq < 0 ? "" : line.substring(0, eq).strip();
            Location where = Location.of("credential profile " + profileName, i + 1, 1);
            if (eq <= 0 || key.isEmpty()) {
                problems.add(Problem.of("profile.settings.syntax", "line " + (i + 1) + " is not key=value", where));
            } else if (out.putIfAbsent(key, line.substring(eq + 1).strip()) != null) {
                problems.add(Problem.of("profile.settings.duplicate", "key " + key + " is given twice", where));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return out;
    }

    /** Every problem of the profile's settings (unknown keys, missing required ones, bad values); empty when valid. */
    public static List<Problem> check(CredentialProfile profile) {
        try {
            exchange(profile, BuildClaims.of(new io.jenkins.plugins.securedeploy.engine.host.BuildContext("check",
                    "check#1", "", "", "check", java.time.Instant.EPOCH), "", "", ""), Clock.systemUTC());
            return List.of();
        } catch (InvalidInputException e) {
            return e.problems();
        }
    }

    /**
     * The provider's exchange for one use by {@code build}. Throws {@link InvalidInputException} listing every
     * problem of the profile.
     */
    public static Exchange exchange(CredentialProfile profile, BuildClaims build, Clock clock) {
        Settings s = new Settings(profile);
        s.refuseUnknown(knownKeys(profile.provider()));
        HttpSettings http = new HttpSettings(s.duration("connectTimeout").orElse(Duration.ofSeconds(5)),
                s.duration("readTimeout").orElse(Duration.ofSeconds(15)),
                new RetryPolicy(s.integer("attempts").orElse(3), Duration.ofMillis(250), Duration.ofSeconds(4)));
        String audience = s.optional("audience").orElse(null);
        Exchange exchange = switch (profile.provider()) {
            case AWS -> s.build(() -> new AwsStsExchange(new AwsSettings(s.required("roleArn"), s.required("region"),
                    s.uri("stsEndpoint").orElse(null), s.optional("sessionName").orElse(null),
                    s.duration("duration").orElse(null), s.pairs("sessionTags"), List.of(), audience, http),
                    build.job(), build.buildNumber()));
            case VAULT -> s.build(() -> {
                Optional<String> kv = s.optional("kv");
                return new VaultExchange(new VaultSettings(s.requiredUri("address"), s.optional("namespace")
                        .orElse(null), s.optional("mount").orElse(null), s.required("role"), audience,
                        kv.isPresent() ? VaultSettings.SecretKind.KV2 : VaultSettings.SecretKind.DYNAMIC,
                        kv.orElseGet(() -> s.required("secret")), s.pairs("env"),
                        Boolean.parseBoolean(s.optional("exposeToken").orElse("false")), http), clock);
            });
            case GCP -> s.build(() -> new GcpExchange(new GcpSettings(s.required("provider"),
                    s.optional("serviceAccount").orElse(null), null, s.duration("lifetime").orElse(null),
                    s.uri("stsEndpoint").orElse(null), s.uri("iamEndpoint").orElse(null), audience, http), clock));
            case AZURE -> s.build(() -> new AzureExchange(new AzureSettings(s.required("tenant"),
                    s.required("clientId"), s.optional("scope").orElse(null), s.uri("authority").orElse(null),
                    audience, http), clock));
            case LOCAL -> s.build(() -> new LocalExchange(s.required("audience"), s.optional("variable").orElse(null),
                    s.duration("lifetime").orElse(null)));
        };
        s.throwIfProblems();
        return exchange;
    }
}
