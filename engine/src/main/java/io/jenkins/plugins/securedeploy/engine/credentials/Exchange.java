package io.jenkins.plugins.securedeploy.engine.credentials;

import java.util.List;

/**
 * One provider's exchange of an ID token for credentials (AWS STS, Vault, GCP, Azure, local). Implementations are
 * small, stateless between calls, and fail closed: any failure is a {@link CredentialExchangeException} naming the
 * provider and the HTTP status, and issues nothing. Leases are returned in the order they were obtained; the broker
 * revokes them in reverse.
 */
public interface Exchange {
    /** Stable provider name for messages and revocation records: {@code aws}, {@code vault}, ... */
    String provider();

    /** The ID token this exchange needs (audience, lifetime, extra claims). */
    TokenNeed tokenNeed();

    /**
     * Exchanges the token. If it fails after something was obtained (e.g. Vault login succeeded, the secret read
     * failed), it revokes what it obtained before throwing.
     */
    List<Lease> exchange(IdToken token) throws InterruptedException;
}
