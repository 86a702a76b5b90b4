package io.jenkins.plugins.securedeploy.engine.audit;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Something to record: the action, who did it ({@code actor}: a user id, or {@code system} for the controller
 * itself), typed references, and an optional one-line {@code note} (a reason, a verdict). The log stamps the time
 * from its clock, numbers and chains the entry, and passes actor, references and note through its masker, so no
 * known secret reaches the file; the note is cut to {@value #MAX_NOTE} characters with control characters removed.
 */
public record AuditEvent(AuditAction action, String actor, List<AuditRef> refs, String note) {
    /** Longest note kept. */
    public static final int MAX_NOTE = 1000;

    /** The actor for what the controller does by itself. */
    public static final String SYSTEM = "system";

    private static final Pattern ACTOR = Pattern.compile("[^\\s\\p{Cntrl}]{1,200}");

    public AuditEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actor, "actor");
        if (!ACTOR.matcher(actor).matches()) {
            throw new IllegalArgumentException("an actor is a user id (1-200 characters, no spaces) or 'system'");
        }
        refs = refs == null ? List.of() : List.copyOf(refs);
        note = note == null ? "" : oneLine(note);
    }

    public static AuditEvent of(AuditAction action, String actor, String note, AuditRef... refs) {
        return new AuditEvent(action, actor, List.of(refs), note);
    }

    static String oneLine(String text) {
        StringBuilder sb = new StringBuilder(Math.min(text.length(), MAX_NOTE));
        text.strip().codePoints().limit(MAX_NOTE)
                .forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return sb.toString();
    }
}
