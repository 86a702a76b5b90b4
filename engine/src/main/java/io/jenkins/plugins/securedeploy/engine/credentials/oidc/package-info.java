/**
 * The OIDC issuer: ID tokens per use (audience requested per call, checked against the admin's allow-list and claim
 * templates), the discovery document and JWKS as data for the host to serve, signing keys as persisted state that only
 * {@link io.jenkins.plugins.securedeploy.engine.credentials.oidc.KeyRotation} changes, and a verifier. JOSE through
 * nimbus-jose-jwt only (never hand-encoded JWKs).
 */
package io.jenkins.plugins.securedeploy.engine.credentials.oidc;
