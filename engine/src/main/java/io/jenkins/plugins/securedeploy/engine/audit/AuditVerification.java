package io.jenkins.plugins.securedeploy.engine.audit;

import io.jenkins.plugins.securedeploy.engine.core.Problem;
import java.util.List;
import java.util.Objects;

/**
 * What {@link AuditVerifier} found, as a value. INTACT: every entry is where it was written, chained, and every
 * checkpoint's signature and head hold (when {@code checkpointsChecked}). TAMPERED: the first bad entry by number
 * ({@code firstBadEntry}; 0 when the fault is in the checkpoint file) and why. ERROR: a file could not be read.
 * {@code unsignedTail} counts the entries after the last checkpoint, which truncation could remove undetected.
 */
public record AuditVerification(Status status, long entries, long firstBadEntry, boolean checkpointsChecked,
        int checkpoints, long lastCheckpoint, long unsignedTail, List<Problem> problems) {

    /** The outcome. Only INTACT is a pass. */
    public enum Status {
        INTACT,
        TAMPERED,
        ERROR
    }

    public AuditVerification {
        Objects.requireNonNull(status, "status");
        problems = List.copyOf(problems);
        if ((status == Status.INTACT) != problems.isEmpty()) {
            throw new IllegalStateException("INTACT exactly when there is no problem");
        }
    }

    public boolean isIntact() {
        return status == Status.INTACT;
    }

    /** One line: {@code INTACT: 10000 entries, ...} or {@code TAMPERED at entry 5: ...}. */
    public String headline() {
        if (status == Status.INTACT) {
            return "INTACT: " + entries + " entries, " + (checkpointsChecked ? checkpoints
                    + " signed checkpoint(s) verified (last at entry " + lastCheckpoint + "), " + unsignedTail
                    + " entries after it not yet signed" : "chain only (checkpoints NOT checked: truncation at the end "
                    + "cannot be detected)");
        }
        Problem first = problems.get(0);
        return status + (firstBadEntry > 0 ? " at entry " + firstBadEntry : "") + ": " + first.describe();
    }
}
