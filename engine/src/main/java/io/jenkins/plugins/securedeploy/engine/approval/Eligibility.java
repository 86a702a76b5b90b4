package io.jenkins.plugins.securedeploy.engine.approval;

import io.jenkins.plugins.securedeploy.engine.host.ApproverDirectory;
import io.jenkins.plugins.securedeploy.engine.host.ApproverDirectory.Membership;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether one ballot may count, asked of the host's directory: a known person, listed (directly or through a group),
 * not the submitter or a commit author under separation of duties, not already counted, with a reason when the rule
 * needs one, and voting on what is shown now. The first failed check is the refusal.
 */
final class Eligibility {
    /** A ballot that may count: who (canonical), through which listed groups, which required roles they hold. */
    record Eligible(String userId, List<String> groups, List<String> roles) {}

    /** Either eligible or refused with a reason; the id is the best name known for the record. */
    record Verdict(Eligible eligible, String recordedId, String refusal) {
        boolean accepted() {
            return eligible != null;
        }
    }

    private final ApprovalRequest request;
    private final ApproverDirectory directory;

    Eligibility(ApprovalRequest request, ApproverDirectory directory) {
        this.request = request;
        this.directory = directory;
    }

    Verdict check(Ballot ballot, List<LedgerEntry> entries) {
        if (ballot.approver().isEmpty()) {
            return refuse("", "the vote names no approver");
        }
        Optional<Membership> found;
        try {
            found = directory.lookup(ballot.approver());
        } catch (RuntimeException e) {
            return refuse(ballot.approver(), "the user directory could not be asked (" + e.getClass().getSimpleName()
                    + "); the vote is refused");
        }
        if (found.isEmpty()) {
            return refuse(ballot.approver(), "the user directory does not know this user");
        }
        Membership m = found.get();
        ApprovalRule rule = request.rule();
        boolean listed = rule.users().stream().anyMatch(u -> denotes(u, m));
        List<String> groups = rule.groups().stream().filter(m.groups()::contains).toList();
        if (!listed && groups.isEmpty()) {
            return refuse(m.userId(), "not an approver of this request (listed: " + rule.approvers() + ")");
        }
        if (rule.separationOfDuties()) {
            if (!request.triggeredBy().isEmpty() && resembles(request.triggeredBy(), m)) {
                return refuse(m.userId(), "separation of duties: the person who triggered the build cannot approve it");
            }
            for (String author : request.commitAuthors()) {
                if (resembles(author, m)) {
                    return refuse(m.userId(), "separation of duties: a commit author cannot approve their own change");
                }
            }
        }
        for (LedgerEntry e : entries) {
            if (e.counted() && e.approver().equals(m.userId())) {
                return refuse(m.userId(), "already voted at " + e.at() + "; one person counts once, whatever "
                        + "groups they are in");
            }
        }
        if (rule.reasonRequired() && ballot.reason().isBlank()) {
            return refuse(m.userId(), "a reason is required");
        }
        if (!ballot.seen().matches(request.shown().fingerprint())) {
            return refuse(m.userId(), "voted on " + ballot.seen() + " but the request now shows "
                    + request.shown().fingerprint() + " (the artifact digest or gate decision changed)");
        }
        List<String> roles = new ArrayList<>(rule.requiredRoles().stream().filter(m.roles()::contains).toList());
        return new Verdict(new Eligible(m.userId(), groups, roles), m.userId(), "");
    }

    /** Whether a listed user id denotes this member: their canonical id, or an id the realm resolves to them. */
    private boolean denotes(String name, Membership m) {
        if (name.equals(m.userId())) {
            return true;
        }
        try {
            return directory.lookup(name).map(other -> other.userId().equals(m.userId())).orElse(false);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Whether a submitter or commit author may be this member. Leans towards yes (fail closed): the realm's answer,
     * or the same id or alias ignoring case, or a realm that cannot be asked.
     */
    private boolean resembles(String name, Membership m) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals(m.userId().toLowerCase(Locale.ROOT))
                || m.aliases().stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).equals(lower))) {
            return true;
        }
        try {
            return directory.lookup(name).map(other -> other.userId().equals(m.userId())).orElse(false);
        } catch (RuntimeException e) {
            return true;
        }
    }

    private static Verdict refuse(String id, String why) {
        return new Verdict(null, id, why);
    }
}
