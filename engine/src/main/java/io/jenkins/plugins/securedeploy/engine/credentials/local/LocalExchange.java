package io.jenkins.plugins.securedeploy.engine.credentials.local;

import io.jenkins.plugins.securedeploy.engine.credentials.Exchange;
import io.jenkins.plugins.securedeploy.engine.credentials.IdToken;
import io.jenkins.plugins.securedeploy.engine.credentials.Lease;
import io.jenkins.plugins.securedeploy.engine.credentials.TokenNeed;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * No network: hands the minted ID token itself to the body (in {@code SECURE_DEPLOY_ID_TOKEN} by default), for tools
 * that do their own federation and for the demo. A token cannot be revoked; its short lifetime is the control.
 */
public final class LocalExchange implements Exchange {
    public static final String DEFAULT_VARIABLE = "SECURE_DEPLOY_ID_TOKEN";

    private final String audience;
    private final String variable;
    private final Duration lifetime;

    public LocalExchange(String audience, String variable, Duration lifetime) {
        this.audience = Objects.requireNonNull(audience, "audience");
        this.variable = variable == null || variable.isBlank() ? DEFAULT_VARIABLE : variable;
        if (!this.variable.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("not an environment variable name: '" + this.variable + "'");
        }
        this.lifetime = lifetime;
    }

    @Override
    public String provider() {
        return "local";
    }

    @Override
    public TokenNeed tokenNeed() {
        return new TokenNeed(audience, lifetime, Map.of());
    }

    @Override
    public List<Lease> exchange(IdToken token) {
        return List.of(Lease.expiring("local", "ID token " + token.jti() + " for " + token.audience(),
                Map.of(variable, token.value()), Map.of(), token.expiresAt(),
                "an ID token cannot be revoked; it expires at " + token.expiresAt()));
    }
}
