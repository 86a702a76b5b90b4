package io.jenkins.plugins.securedeploy.engine.credentials;

import io.jenkins.plugins.securedeploy.engine.core.EngineLog;
import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Mints an ID token per exchange (each for its own audience), exchanges it, registers every value with the masker
 * before anything else sees it, runs the body, and revokes every lease at the end even when the body fails, throws or
 * is interrupted. If any exchange fails, what was already obtained is revoked and the body never runs (fail closed).
 */
public final class CredentialBroker {
    /** The work that runs with credentials. */
    @FunctionalInterface
    public interface Body<T> {
        T run(CredentialEnvironment environment) throws Exception;
    }

    private final TokenSource tokens;
    private final MaskHook mask;
    private final Clock clock;
    private final EngineLog log;

    public CredentialBroker(TokenSource tokens, MaskHook mask, Clock clock, EngineLog log) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.mask = Objects.requireNonNull(mask, "mask");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * Obtains every exchange's credentials, or none: on failure the leases already obtained are revoked and a
     * {@link CredentialExchangeException} (whose {@code cleanup()} holds those revocations) is thrown; a refused
     * token request throws the issuer's {@link io.jenkins.plugins.securedeploy.engine.core.SecurityViolationException}.
     */
    public CredentialSession open(List<? extends Exchange> exchanges) throws InterruptedException {
        List<Lease> leases = new ArrayList<>();
        List<IdToken> minted = new ArrayList<>();
        try {
            for (Exchange exchange : exchanges) {
                IdToken token = tokens.mint(exchange.tokenNeed());
                mask.register(token.value());
                minted.add(token);
                log.info("%s: minted an ID token for audience %s (jti %s, expires %s)", exchange.provider(),
                        token.audience(), token.jti(), token.expiresAt());
                List<Lease> obtained = exchange.exchange(token);
                for (Lease lease : obtained) {
                    lease.maskedValues().forEach(mask::register);
                    leases.add(lease);
                    log.info("%s: obtained %s, expires %s", lease.provider(), lease.label(), lease.expiresAt());
                }
            }
            return new CredentialSession(leases, minted, clock, log);
        } catch (CredentialExchangeException e) {
            RevocationReport cleanup = CredentialSession.revoke(leases, clock, log);
            throw e.withCleanup(cleanup);
        } catch (InterruptedException | RuntimeException | Error e) {
            CredentialSession.revoke(leases, clock, log);
            throw e;
        }
    }

    /** {@link #open} + body + {@link CredentialSession#revokeAll()}, whatever the body does. */
    public <T> BrokeredResult<T> run(List<? extends Exchange> exchanges, Body<T> body) throws InterruptedException {
        CredentialSession session = open(exchanges);
        T value = null;
        Throwable failure = null;
        try {
            value = body.run(session.environment());
        } catch (Exception | Error e) {
            failure = e;
        } finally {
            session.revokeAll();
        }
        return new BrokeredResult<>(value, failure, session.revokeAll());
    }

    /** Registers a value that is not a lease's (e.g. a token handed out directly) with the masker. */
    public void register(SecretValue value) {
        mask.register(value);
    }
}
