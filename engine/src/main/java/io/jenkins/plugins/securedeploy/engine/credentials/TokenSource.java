package io.jenkins.plugins.securedeploy.engine.credentials;

/**
 * Mints an ID token for one use. {@code credentials.oidc.IdTokenIssuer#forBuild} is the real one; a refusal (audience
 * or claim outside the admin's allow-lists, lifetime above the maximum) is a
 * {@link io.jenkins.plugins.securedeploy.engine.core.SecurityViolationException} with the reason.
 */
@FunctionalInterface
public interface TokenSource {
    IdToken mint(TokenNeed need);
}
