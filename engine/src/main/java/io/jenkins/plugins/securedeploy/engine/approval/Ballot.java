package io.jenkins.plugins.securedeploy.engine.approval;

import io.jenkins.plugins.securedeploy.engine.core.Digest;
import java.util.Objects;

/**
 * One vote as cast: the approver's user id as the host authenticated it, approve or reject, the reason, and the
 * {@link Shown#fingerprint()} of what the approver was shown (a web form posts it back; the CLI prints it). A ballot
 * for anything but what the ledger currently shows is refused, so nobody approves an artifact they did not see.
 */
public record Ballot(String approver, boolean approve, String reason, Digest seen) {
    /** Longest reason kept, in characters. */
    public static final int MAX_REASON = 2000;

    public Ballot {
        Objects.requireNonNull(approver, "approver");
        approver = approver.strip();
        reason = reason == null ? "" : clean(reason);
        Objects.requireNonNull(seen, "seen (the fingerprint of what the approver was shown)");
    }

    public static Ballot approve(String approver, String reason, Digest seen) {
        return new Ballot(approver, true, reason, seen);
    }

    public static Ballot reject(String approver, String reason, Digest seen) {
        return new Ballot(approver, false, reason, seen);
    }

    /** One line, no control characters, at most {@link #MAX_REASON} characters. */
    static String clean(String text) {
        StringBuilder sb = new StringBuilder(Math.min(text.length(), MAX_REASON));
        text.strip().codePoints().limit(MAX_REASON).forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return sb.toString();
    }
}
