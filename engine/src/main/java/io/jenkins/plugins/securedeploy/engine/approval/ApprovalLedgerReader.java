package io.jenkins.plugins.securedeploy.engine.approval;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.securedeploy.engine.approval.LedgerEntry.Status;
import io.jenkins.plugins.securedeploy.engine.core.Digest;
import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.json.LocatedTree;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a ledger written by {@link ApprovalLedgerWriter}, strictly: unknown fields, wrong types, a shown block that
 * does not match its fingerprint, a status that does not follow from the counted votes, are all located
 * {@link InvalidInputException}s (a hand-edited ledger that claims APPROVED without the votes never loads).
 */
public final class ApprovalLedgerReader {
    private static final Set<String> FIELDS = Set.of("format", "version", "id", "status", "requestedAt",
            "deadline", "decidedAt", "triggeredBy", "commitAuthors", "rule", "shown", "shownFingerprint", "entries");
    private static final Set<String> ENTRY_FIELDS = Set.of("approver", "approved", "reason", "at", "groups",
            "roles", "shown", "status", "note");

    public ApprovalLedger read(Path file, String displayName) {
        return read(ApprovalRuleReader.bytes(file, displayName), displayName);
    }

    public ApprovalLedger read(byte[] content, String displayName) {
        LocatedTree tree = LocatedTree.read(content, displayName, false);
        FieldReader r = new FieldReader(tree, "approval.ledger");
        JsonNode root = tree.root();
        if (!r.object(root, "", FIELDS)) {
            LocatedTree.failIfAny(r.problems());
        }
        if (!ApprovalLedgerWriter.FORMAT.equals(root.path("format").asText()) || root.path("version").asInt() != 1) {
            r.problem("format", "not a secure-deploy approval ledger (expected format '" + ApprovalLedgerWriter.FORMAT
                    + "', version 1)", "/format");
            LocatedTree.failIfAny(r.problems());
        }
        String id = r.text(root, "id", "", "", true);
        ApprovalStatus status = status(r, r.text(root, "status", "", "PENDING", true), "/status");
        Instant requestedAt = r.instant(root, "requestedAt", "", true);
        Instant deadline = r.instant(root, "deadline", "", false);
        Instant decidedAt = r.instant(root, "decidedAt", "", false);
        String triggeredBy = r.text(root, "triggeredBy", "", "", false);
        List<String> authors = r.strings(root, "commitAuthors", "", false);
        ApprovalRule rule = ApprovalRuleReader.read(r, root.get("rule"), "/rule");
        Shown shown = ShownReader.read(r, root.get("shown"), "/shown");
        Digest fingerprint = r.digest(root, "shownFingerprint", "");
        if (shown != null && fingerprint != null && !shown.fingerprint().matches(fingerprint)) {
            r.problem("fingerprint", "the shown block does not match its fingerprint (edited after it was written)",
                    "/shownFingerprint");
        }
        List<LedgerEntry> entries = entries(r, root.get("entries"));
        LocatedTree.failIfAny(r.problems());
        ApprovalRequest request;
        try {
            request = new ApprovalRequest(id, rule, shown, triggeredBy, authors);
        } catch (IllegalArgumentException e) {
            r.problem("invalid", e.getMessage(), "/id");
            throw new InvalidInputException(r.problems());
        }
        ApprovalLedger ledger;
        try {
            ledger = ApprovalLedger.restore(request, requestedAt, entries, status, decidedAt);
        } catch (IllegalArgumentException e) {
            r.problem("inconsistent", e.getMessage(), "/status");
            throw new InvalidInputException(r.problems());
        }
        if (deadline != null && !deadline.equals(ledger.deadline())) {
            r.problem("deadline", "the deadline is not requestedAt + rule.timeout", "/deadline");
        }
        LocatedTree.failIfAny(r.problems());
        return ledger;
    }

    private static List<LedgerEntry> entries(FieldReader r, JsonNode n) {
        List<LedgerEntry> out = new ArrayList<>();
        if (n == null || !n.isArray()) {
            r.problem("type", "'entries' must be a list", "/entries");
            return out;
        }
        for (int i = 0; i < n.size(); i++) {
            String p = "/entries/" + i;
            JsonNode e = n.get(i);
            if (!r.object(e, p, ENTRY_FIELDS)) {
                continue;
            }
            int before = r.problems().size();
            String approver = r.text(e, "approver", p, "", true);
            boolean approved = r.bool(e, "approved", p, false, true);
            String reason = r.text(e, "reason", p, "", false);
            Instant at = r.instant(e, "at", p, true);
            List<String> groups = r.strings(e, "groups", p, false);
            List<String> roles = r.strings(e, "roles", p, false);
            Digest shown = r.digest(e, "shown", p);
            String statusText = r.text(e, "status", p, "REFUSED", true);
            String note = r.text(e, "note", p, "", false);
            Status status = null;
            try {
                status = Status.valueOf(statusText);
            } catch (IllegalArgumentException ex) {
                r.problem("status", "must be COUNTED, REFUSED or VOIDED", p + "/status");
            }
            if (r.problems().size() > before) {
                continue;
            }
            try {
                out.add(new LedgerEntry(approver, approved, reason, at, groups, roles, shown, status, note));
            } catch (IllegalArgumentException ex) {
                r.problem("invalid", ex.getMessage(), p);
            }
        }
        return out;
    }

    private static ApprovalStatus status(FieldReader r, String text, String pointer) {
        try {
            return ApprovalStatus.valueOf(text);
        } catch (IllegalArgumentException e) {
            r.problem("status", "must be PENDING, APPROVED, REJECTED or EXPIRED", pointer);
            return ApprovalStatus.PENDING;
        }
    }
}
