package io.jenkins.plugins.securedeploy.engine.credentials;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What happened to one lease at the end of the step: the proof the audit log and the provenance record. Contains no
 * secret (labels and details are built from settings and HTTP statuses only).
 *
 * @param provider  {@code aws}, {@code vault}, ...
 * @param lease     the lease's safe label
 * @param outcome   REVOKED (the provider confirmed), EXPIRES (the provider cannot revoke; it lives until
 *                  {@code expiresAt}), FAILED (revocation was attempted and failed: the credential may live until
 *                  {@code expiresAt})
 * @param detail    how: the call made and its status, or why not
 * @param at        when revocation was attempted
 * @param expiresAt when the credential expires anyway
 */
public record RevocationRecord(String provider, String lease, Outcome outcome, String detail, Instant at,
        Instant expiresAt) {
    /** The outcome of one revocation. */
    public enum Outcome {
        REVOKED,
        EXPIRES,
        FAILED
    }

    public RevocationRecord {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(outcome, "outcome");
        detail = detail == null ? "" : detail;
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Field names and string values in a fixed order, for audit entries and provenance (JSON-ready). */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("provider", provider);
        m.put("lease", lease);
        m.put("outcome", outcome.name());
        m.put("detail", detail);
        m.put("at", at.toString());
        m.put("expiresAt", expiresAt.toString());
        return m;
    }

    /** {@code REVOKED vault database/creds/app (PUT /v1/sys/leases/revoke -> 204)}. */
    public String describe() {
        return outcome + " " + provider + " " + lease + " (" + detail + (outcome == Outcome.REVOKED ? ""
                : "; expires " + expiresAt) + ")";
    }
}
