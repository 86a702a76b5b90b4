package io.jenkins.plugins.securedeploy.engine.credentials;

import io.jenkins.plugins.securedeploy.engine.core.EngineLog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The leases of one step, from {@link CredentialBroker#open}. {@link #revokeAll()} (also {@link #close()}) revokes
 * every lease in reverse order, once; it clears the thread's interrupt flag while it revokes (an aborted build must
 * still revoke) and restores it afterwards. For hosts whose body runs asynchronously (a Jenkins block step), call
 * {@code revokeAll()} from the body's completion callback, success or failure.
 */
public final class CredentialSession implements AutoCloseable {
    private final List<Lease> leases;
    private final List<IdToken> tokens;
    private final CredentialEnvironment environment;
    private final Clock clock;
    private final EngineLog log;
    private final AtomicReference<RevocationReport> report = new AtomicReference<>();

    CredentialSession(List<Lease> leases, List<IdToken> tokens, Clock clock, EngineLog log) {
        this.leases = List.copyOf(leases);
        this.tokens = List.copyOf(tokens);
        this.environment = CredentialEnvironment.of(this.leases);
        this.clock = clock;
        this.log = log;
    }

    public CredentialEnvironment environment() {
        return environment;
    }

    public List<Lease> leases() {
        return leases;
    }

    /** The ID tokens minted for this session's exchanges (values are secrets; the rest is safe to record). */
    public List<IdToken> tokens() {
        return tokens;
    }

    /** Revokes everything once; later calls return the same report. Never throws. */
    public RevocationReport revokeAll() {
        RevocationReport done = report.get();
        if (done != null) {
            return done;
        }
        RevocationReport result = revoke(leases, clock, log);
        return report.compareAndSet(null, result) ? result : report.get();
    }

    static RevocationReport revoke(List<Lease> leases, Clock clock, EngineLog log) {
        boolean interrupted = Thread.interrupted();
        try {
            List<RevocationRecord> records = new ArrayList<>();
            for (int i = leases.size() - 1; i >= 0; i--) {
                RevocationRecord r = leases.get(i).revoke(clock);
                records.add(r);
                if (r.outcome() == RevocationRecord.Outcome.FAILED) {
                    log.error("%s", r.describe());
                } else {
                    log.info("%s", r.describe());
                }
                interrupted |= Thread.interrupted();
            }
            return new RevocationReport(records);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The report, if revocation already ran. */
    public java.util.Optional<RevocationReport> report() {
        return java.util.Optional.ofNullable(report.get());
    }

    @Override
    public void close() {
        revokeAll();
    }
}
