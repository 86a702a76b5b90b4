package io.jenkins.plugins.securedeploy.engine.audit;

import io.jenkins.plugins.securedeploy.engine.core.Digest;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the audit log as written: its number ({@code seq}, from 1), time, actor, action id, references, note,
 * the previous entry's hash ({@code prev}; zeros for entry 1) and its own {@code hash} — SHA-256 of the line's bytes
 * up to the hash field.
 */
public record AuditEntry(long seq, Instant at, String actor, String action, List<AuditRef> refs, String note,
        Digest prev, Digest hash) {
    public AuditEntry {
        if (seq < 1) {
            throw new IllegalArgumentException("entries are numbered from 1");
        }
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        refs = List.copyOf(refs);
        note = note == null ? "" : note;
        Objects.requireNonNull(prev, "prev");
        Objects.requireNonNull(hash, "hash");
    }

    public Optional<AuditAction> knownAction() {
        return AuditAction.parse(action);
    }

    /** {@code #12 2026-01-15T10:00:00Z alice approval.vote approval=job#4 "looks fine"}. */
    public String describe() {
        StringBuilder sb = new StringBuilder("#").append(seq).append(' ').append(at).append(' ').append(actor)
                .append(' ').append(action);
        refs.forEach(r -> sb.append(' ').append(r.describe()));
        if (!note.isEmpty()) {
            sb.append(" \"").append(note).append('"');
        }
        return sb.toString();
    }
}
