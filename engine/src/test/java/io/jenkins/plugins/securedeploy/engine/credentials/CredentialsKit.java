package io.jenkins.plugins.securedeploy.engine.credentials;

import io.jenkins.plugins.securedeploy.engine.core.EngineLog;
import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.AudienceRule;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.ClaimTemplate;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.IdTokenIssuer;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.IdTokenVerifier;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.IssuerKeys;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.IssuerSettings;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.KeyRotation;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.OidcFixtures;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.RotationPolicy;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.SigningAlgorithm;
import io.jenkins.plugins.securedeploy.engine.credentials.oidc.TokenCheck;
import io.jenkins.plugins.securedeploy.engine.testing.SecretCanary;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the exchange tests share: a real issuer (ES256, real clock: the providers' loopback servers verify the token
 * like the real services do), a broker whose mask hook records what it was given, its log, and a canary.
 */
public final class CredentialsKit {
    public static final String ISSUER = "https://jenkins.example.com/oidc";
    public static final List<String> AUDIENCES = List.of("https://vault.example.com", "sts.amazonaws.com",
            "https://iam.googleapis.com/projects/123/locations/global/workloadIdentityPools/ci/providers/jenkins",
            "api://AzureADTokenExchange", "local-test");

    public final Clock clock = Clock.systemUTC();
    public final IssuerKeys keys = KeyRotation.rotate(IssuerKeys.empty(), RotationPolicy.defaults(),
            SigningAlgorithm.ES256, Instant.now()).keys();
    public final IdTokenIssuer issuer = new IdTokenIssuer(IssuerSettings.of(ISSUER,
            AUDIENCES.stream().map(AudienceRule::of).toList(),
            List.of(new ClaimTemplate("https://aws.amazon.com/tags", List.of("*")))), () -> keys, clock);
    public final List<SecretValue> masked = new CopyOnWriteArrayList<>();
    public final EngineLog log = new EngineLog("credentials: ");
    public final SecretCanary canary = SecretCanary.create();

    public TokenSource tokens() {
        return issuer.forBuild(OidcFixtures.build());
    }

    public CredentialBroker broker() {
        return new CredentialBroker(tokens(), masked::add, clock, log);
    }

    /** How a provider's server checks the ID token it was sent (signature, issuer, audience, time). */
    public TokenCheck check(String token, String audience) {
        try {
            return IdTokenVerifier.of(issuer.jwksJson(), ISSUER).verify(token, audience, Instant.now());
        } catch (ParseException e) {
            throw new AssertionError("our JWKS does not parse", e);
        }
    }

    public static HttpSettings fastHttp() {
        return new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(10),
                new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50)));
    }

    /** Like {@link #fastHttp()} with a 500 ms read timeout, for timeout tests. */
    public static HttpSettings impatientHttp() {
        return new HttpSettings(Duration.ofSeconds(2), Duration.ofMillis(500),
                new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50)));
    }

    /** The canary must be absent from the log, every revocation record and the given texts. */
    public void assertNoCanary(RevocationReport report, String... texts) {
        List<String> all = new ArrayList<>();
        log.lines().forEach(l -> all.add(l.text()));
        report.records().forEach(r -> all.add(r.toMap().toString()));
        all.addAll(List.of(texts));
        canary.assertAbsentFromLines("credentials output", all);
    }
}
