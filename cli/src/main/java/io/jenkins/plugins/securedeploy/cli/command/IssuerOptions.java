package io.jenkins.plugins.securedeploy.cli.command;

import io.jenkins.plugins.securedeploy.cli.host.FileSecretStateStore;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.AudienceRule;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.ClaimTemplate;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.IdTokenIssuer;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.IssuerKeyStore;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.IssuerKeys;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.IssuerKeysCodec;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.IssuerSettings;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.RotationPolicy;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.SigningAlgorithm;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The issuer: its URL, key state (file or environment), allow-lists and lifetimes. */
public final class IssuerOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--issuer", required = true, paramLabel = "URL",
            description = "Issuer URL (the tokens' iss; https, or http on localhost).")
    URI issuer;

    @Option(names = "--keys", paramLabel = "FILE", description = "Issuer key state file (written by 'oidc rotate').")
    Path keysFile;

    @Option(names = "--keys-env", paramLabel = "NAME", description = "Environment variable holding the key state.")
    String keysEnv;

    @Option(names = "--allow-audience", paramLabel = "AUD", description = "Audience allow-list (repeatable;"
            + " default: only the audience this command asks for).")
    List<String> allowAudiences = new ArrayList<>();

    @Option(names = "--allow-claim", paramLabel = "NAME=GLOB", description = "Claim template (repeatable).")
    Map<String, String> allowClaims = new LinkedHashMap<>();

    @Option(names = "--max-lifetime", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "10m", description = "Longest token lifetime (default ${DEFAULT-VALUE}, at most 1h).")
    Duration maxLifetime;

    @Option(names = "--overlap", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "1h",
            description = "How long a retired key stays published (default ${DEFAULT-VALUE}).")
    Duration overlap;

    @Option(names = "--rotate-every", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "P30D", description = "Signing key lifetime before rotation (default 30 days).")
    Duration rotateEvery;

    @Option(names = "--algorithm", defaultValue = "ES256", description = "Algorithm of new keys: ES256 or RS256.")
    SigningAlgorithm algorithm;

    RotationPolicy rotation() {
        return new RotationPolicy(rotateEvery, overlap);
    }

    IssuerSettings settings(List<String> requested) {
        List<AudienceRule> audiences = (allowAudiences.isEmpty() ? requested : allowAudiences).stream()
                .map(AudienceRule::of).toList();
        List<ClaimTemplate> claims = allowClaims.entrySet().stream()
                .map(e -> new ClaimTemplate(e.getKey(), List.of(e.getValue()))).toList();
        Duration def = maxLifetime.compareTo(Duration.ofMinutes(5)) < 0 ? maxLifetime : Duration.ofMinutes(5);
        return new IssuerSettings(issuer, null, algorithm, def, maxLifetime, audiences, claims, null, rotation());
    }

    /** The key state file, which {@code oidc rotate} creates when it does not exist yet. */
    IssuerKeyStore store() {
        if (keysFile == null) {
            throw new ParameterException(mixee.commandLine(), "give --keys FILE to keep the issuer's key state");
        }
        return new IssuerKeyStore(new FileSecretStateStore(keysFile), keysFile.toString());
    }

    IssuerKeys keys(Map<String, String> env) {
        if (keysEnv != null) {
            String value = env.get(keysEnv);
            if (value == null || value.isBlank()) {
                throw new InvalidInputException(Problem.of("cli.oidc.keys.env", "environment variable is not set",
                        Location.ofFile("--keys-env " + keysEnv)));
            }
            return IssuerKeysCodec.decode(SecretValue.of(value), "$" + keysEnv);
        }
        if (keysFile == null) {
            throw new ParameterException(mixee.commandLine(), "give --keys FILE or --keys-env NAME (the issuer's key"
                    + " state, created by 'secure-deploy oidc rotate')");
        }
        CliFiles.requireFile(keysFile, "issuer keys file (--keys)", "create it with: secure-deploy oidc rotate "
                + "--issuer " + issuer + " --keys " + keysFile);
        return store().load();
    }

    IdTokenIssuer issuer(Map<String, String> env, Clock clock, List<String> requested) {
        IssuerKeys keys = keys(env);
        return new IdTokenIssuer(settings(requested), () -> keys, clock);
    }
}
