/**
 * Short-lived credentials: an OIDC ID token per use ({@code credentials.oidc}), exchanged by one small class per
 * provider ({@code credentials.aws}, {@code .vault}, {@code .gcp}, {@code .azure}, {@code .local}) for credentials
 * that live only for the step. This root package holds what they share: {@link
 * io.jenkins.plugins.securedeploy.engine.credentials.Lease} (a credential that knows its expiry and how to revoke
 * itself), the {@link io.jenkins.plugins.securedeploy.engine.credentials.CredentialBroker} that revokes every lease
 * at the end of the body whatever happens, {@link io.jenkins.plugins.securedeploy.engine.credentials.RevocationRecord}
 * (the proof for audit and provenance), and {@link io.jenkins.plugins.securedeploy.engine.credentials.ProviderHttp}
 * (timeouts, retries on 5xx and throttling only, errors that never carry a token). Provider packages depend on this
 * package only, never on each other (ArchUnit). nimbus-jose-jwt (and the AWS SDK in {@code aws}) stay in here.
 */
package io.jenkins.plugins.securedeploy.engine.credentials;
