package io.jenkins.plugins.securedeploy.engine.credentials;

import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A credential obtained for one step: the environment variables it provides (secret values and plain settings such
 * as a region), when it expires, and how to revoke itself. The label describes it without any secret (never a
 * token or lease id: {@code vault database/creds/app}). {@link #revoke(Clock)} runs at most once and always returns a
 * record, also when revocation fails or the provider cannot revoke (then the record says until when it lives).
 */
public final class Lease {
    /** Revokes the credential at the provider. */
    @FunctionalInterface
    public interface Revoker {
        /** Revokes or throws; returns a short safe detail (e.g. {@code PUT /v1/sys/leases/revoke -> 204}). */
        String revoke() throws Exception;
    }

    private final String provider;
    private final String label;
    private final Map<String, SecretValue> secrets;
    private final Map<String, String> settings;
    private final Instant expiresAt;
    private final Revoker revoker;
    private final String notRevocableReason;
    private final List<SecretValue> hidden;
    private final AtomicReference<RevocationRecord> record = new AtomicReference<>();

    private Lease(String provider, String label, Map<String, SecretValue> secrets, Map<String, String> settings,
            Instant expiresAt, Revoker revoker, String notRevocableReason, List<SecretValue> hidden) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.label = Objects.requireNonNull(label, "label");
        this.secrets = Collections.unmodifiableMap(new LinkedHashMap<>(secrets));
        this.settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.revoker = revoker;
        this.notRevocableReason = notRevocableReason;
        this.hidden = List.copyOf(hidden);
    }

    /** A lease the provider can revoke before it expires. */
    public static Lease revocable(String provider, String label, Map<String, SecretValue> secrets,
            Map<String, String> settings, Instant expiresAt, Revoker revoker) {
        return new Lease(provider, label, secrets, settings, expiresAt, Objects.requireNonNull(revoker, "revoker"),
                null, List.of());
    }

    /**
     * A credential the provider offers no revocation for (STS sessions, OAuth access tokens): revoking it means
     * dropping it; the record states the expiry and {@code reason}.
     */
    public static Lease expiring(String provider, String label, Map<String, SecretValue> secrets,
            Map<String, String> settings, Instant expiresAt, String reason) {
        return new Lease(provider, label, secrets, settings, expiresAt, null, Objects.requireNonNull(reason, "reason"),
                List.of());
    }

    /**
     * This lease, also carrying secrets that are not exported (a Vault token, a federated token): the broker
     * registers them with the masker like the exported ones.
     */
    public Lease hiding(SecretValue... values) {
        List<SecretValue> all = new ArrayList<>(hidden);
        all.addAll(Arrays.asList(values));
        return new Lease(provider, label, secrets, settings, expiresAt, revoker, notRevocableReason, all);
    }

    /** Every secret this lease holds, exported or not: what the masker must know. */
    public List<SecretValue> maskedValues() {
        List<SecretValue> all = new ArrayList<>(secrets.values());
        all.addAll(hidden);
        return all;
    }

    public String provider() {
        return provider;
    }

    public String label() {
        return label;
    }

    /** Environment variables holding secrets (each registered with the masker by the broker). */
    public Map<String, SecretValue> secrets() {
        return secrets;
    }

    /** Environment variables that are not secret (region, address, client id). */
    public Map<String, String> settings() {
        return settings;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public boolean isRevocable() {
        return revoker != null;
    }

    /** Revokes once (later calls return the first record); never throws. */
    public RevocationRecord revoke(Clock clock) {
        RevocationRecord done = record.get();
        if (done != null) {
            return done;
        }
        RevocationRecord result;
        if (revoker == null) {
            result = new RevocationRecord(provider, label, RevocationRecord.Outcome.EXPIRES, notRevocableReason,
                    clock.instant(), expiresAt);
        } else {
            try {
                String detail = revoker.revoke();
                result = new RevocationRecord(provider, label, RevocationRecord.Outcome.REVOKED,
                        detail == null ? "revoked" : detail, clock.instant(), expiresAt);
            } catch (CredentialExchangeException e) {
                result = new RevocationRecord(provider, label, RevocationRecord.Outcome.FAILED, e.getMessage(),
                        clock.instant(), expiresAt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                result = new RevocationRecord(provider, label, RevocationRecord.Outcome.FAILED,
                        "interrupted while revoking", clock.instant(), expiresAt);
            } catch (Exception e) {
                // the message of an arbitrary exception may quote a request: record only its type
                result = new RevocationRecord(provider, label, RevocationRecord.Outcome.FAILED,
                        "revocation failed: " + e.getClass().getName(), clock.instant(), expiresAt);
            }
        }
        return record.compareAndSet(null, result) ? result : record.get();
    }

    @Override
    public String toString() {
        return "Lease[" + provider + " " + label + ", expires " + expiresAt + ", env " + secrets.keySet() + " "
                + settings.keySet() + "]";
    }
}
