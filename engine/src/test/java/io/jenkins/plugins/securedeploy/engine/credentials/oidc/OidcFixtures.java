package io.jenkins.plugins.securedeploy.engine.credentials.oidc;

import io.jenkins.plugins.securedeploy.engine.testing.TestClocks;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Issuer settings, keys and builds the OIDC tests share. */
public final class OidcFixtures {
    public static final String ISSUER = "https://jenkins.example.com/oidc";
    public static final String AUD = "sts.amazonaws.com";

    private OidcFixtures() {}

    public static IssuerSettings settings(SigningAlgorithm alg) {
        return IssuerSettings.of(ISSUER, List.of(AudienceRule.of(AUD), AudienceRule.of("https://vault.example.com"),
                new AudienceRule("api://AzureADTokenExchange", List.of("folder/*"))),
                List.of(new ClaimTemplate("deploy_target", List.of("eu-*", "us-east-1")),
                        new ClaimTemplate("https://aws.amazon.com/tags", List.of("*")),
                        new ClaimTemplate("nonce", List.of("*"))))
                .withAlgorithm(alg);
    }

    public static BuildClaims build() {
        return new BuildClaims("folder/app", "42", "main", "0123456789abcdef0123456789abcdef01234567", "push",
                "production", "https://jenkins.example.com/job/folder/job/app/42/");
    }

    public static IssuerKeys keys(SigningAlgorithm alg, Instant at) {
        return KeyRotation.rotate(IssuerKeys.empty(), RotationPolicy.defaults(), alg, at).keys();
    }

    /** A mutable key holder (what a host does when it persists rotated state). */
    public static AtomicReference<IssuerKeys> holder(SigningAlgorithm alg) {
        return new AtomicReference<>(keys(alg, TestClocks.NOW));
    }

    public static IdTokenIssuer issuer(SigningAlgorithm alg, AtomicReference<IssuerKeys> keys, Clock clock) {
        return new IdTokenIssuer(settings(alg), keys::get, clock);
    }
}
