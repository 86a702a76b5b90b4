package io.jenkins.plugins.securedeploy.engine.credentials;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Every revocation of one session, in the order they ran (reverse order of acquisition). */
public record RevocationReport(List<RevocationRecord> records) {
    public RevocationReport {
        records = List.copyOf(Objects.requireNonNull(records, "records"));
    }

    public static RevocationReport empty() {
        return new RevocationReport(List.of());
    }

    /** Revocations that were attempted and failed (the credential may live until its expiry). */
    public List<RevocationRecord> failures() {
        return records.stream().filter(r -> r.outcome() == RevocationRecord.Outcome.FAILED).toList();
    }

    public boolean hasFailures() {
        return !failures().isEmpty();
    }

    /** JSON-ready list for the audit log and provenance. */
    public List<Map<String, String>> toMaps() {
        return records.stream().map(RevocationRecord::toMap).toList();
    }
}
