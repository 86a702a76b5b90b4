package io.jenkins.plugins.securedeploy.engine.attest;

import io.jenkins.plugins.securedeploy.engine.core.InvalidInputException;
import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The approval predicate ({@link #PREDICATE_TYPE}): who decided what about the subject, under which rule, and what
 * they were shown. Exactly these fields (the approvals ledger maps onto them):
 *
 * <pre>{@code
 * {"decision": "APPROVED" | "REJECTED" | "EXPIRED",
 *  "rule": {"required": 2, "approvers": ["alice", "group:release"], "requiredRoles": ["release-manager"],
 *           "separationOfDuties": true, "timeout": "PT24H", "reasonRequired": true},
 *  "votes": [{"approver": "alice", "approved": true, "reason": "...", "at": "2026-12-01T10:00:00Z",
 *             "groups": ["release"]}],
 *  "shown": {"artifactDigest": {"sha256": "..."}, "gateVerdict": "PASSED", "gateReasons": [],
 *            "findingsSummary": {"HIGH": 1}, "waiversApplied": ["id:CVE-..."],
 *            "sbomDigest": {"sha256": "..."}, "provenanceDigest": {"sha256": "..."}},
 *  "requestedAt": "2026-12-01T09:00:00Z", "decidedAt": "2026-12-01T10:00:00Z"}
 * }</pre>
 *
 * Times are RFC 3339 UTC with whole seconds; {@code sbomDigest} and {@code provenanceDigest} are omitted when absent.
 */
public record ApprovalPredicate(Decision decision, Rule rule, List<Vote> votes, Shown shown, Instant requestedAt,
        Instant decidedAt) {
    public static final String PREDICATE_TYPE = "https://secure-deploy.jenkins.io/approval/v1";

    public enum Decision { APPROVED, REJECTED, EXPIRED }

    public ApprovalPredicate {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(rule, "rule");
        votes = votes == null ? List.of() : List.copyOf(votes);
        Objects.requireNonNull(shown, "shown");
        requestedAt = Objects.requireNonNull(requestedAt, "requestedAt").truncatedTo(ChronoUnit.SECONDS);
        decidedAt = Objects.requireNonNull(decidedAt, "decidedAt").truncatedTo(ChronoUnit.SECONDS);
    }

    /** The approval rule: N of the approvers (user ids and {@code group:} names), roles, SoD, timeout, reasons. */
    public record Rule(int required, List<String> approvers, List<String> requiredRoles, boolean separationOfDuties,
            Duration timeout, boolean reasonRequired) {
        public Rule {
            if (required < 1) {
                throw new IllegalArgumentException("rule.required must be at least 1");
            }
            approvers = List.copyOf(approvers);
            requiredRoles = requiredRoles == null ? List.of() : List.copyOf(requiredRoles);
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    /** One vote. */
    public record Vote(String approver, boolean approved, String reason, Instant at, List<String> groups) {
        public Vote {
            Objects.requireNonNull(approver, "approver");
            reason = reason == null ? "" : reason;
            at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.SECONDS);
            groups = groups == null ? List.of() : List.copyOf(groups);
        }
    }

    /** What the approvers were shown. Digest maps are in-toto DigestSets; sbom/provenance digests may be empty. */
    public record Shown(Map<String, String> artifactDigest, String gateVerdict, List<String> gateReasons,
            Map<String, Long> findingsSummary, List<String> waiversApplied, Map<String, String> sbomDigest,
            Map<String, String> provenanceDigest) {
        public Shown {
            if (artifactDigest == null || artifactDigest.isEmpty()) {
                throw new IllegalArgumentException("shown.artifactDigest is required");
            }
            artifactDigest = sorted(artifactDigest);
            Objects.requireNonNull(gateVerdict, "gateVerdict");
            gateReasons = gateReasons == null ? List.of() : List.copyOf(gateReasons);
            findingsSummary = findingsSummary == null ? Map.of() : sorted(findingsSummary);
            waiversApplied = waiversApplied == null ? List.of() : List.copyOf(waiversApplied);
            sbomDigest = sbomDigest == null ? Map.of() : sorted(sbomDigest);
            provenanceDigest = provenanceDigest == null ? Map.of() : sorted(provenanceDigest);
        }
    }

    public Map<String, Object> toJson() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("required", rule.required());
        r.put("approvers", rule.approvers());
        r.put("requiredRoles", rule.requiredRoles());
        r.put("separationOfDuties", rule.separationOfDuties());
        r.put("timeout", rule.timeout().toString());
        r.put("reasonRequired", rule.reasonRequired());
        List<Map<String, Object>> v = new ArrayList<>();
        for (Vote vote : votes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("approver", vote.approver());
            m.put("approved", vote.approved());
            m.put("reason", vote.reason());
            m.put("at", vote.at().toString());
            m.put("groups", vote.groups());
            v.add(m);
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("artifactDigest", shown.artifactDigest());
        s.put("gateVerdict", shown.gateVerdict());
        s.put("gateReasons", shown.gateReasons());
        s.put("findingsSummary", shown.findingsSummary());
        s.put("waiversApplied", shown.waiversApplied());
        if (!shown.sbomDigest().isEmpty()) {
            s.put("sbomDigest", shown.sbomDigest());
        }
        if (!shown.provenanceDigest().isEmpty()) {
            s.put("provenanceDigest", shown.provenanceDigest());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("decision", decision.name());
        out.put("rule", r);
        out.put("votes", v);
        out.put("shown", s);
        out.put("requestedAt", requestedAt.toString());
        out.put("decidedAt", decidedAt.toString());
        return out;
    }

    /** Reads the predicate of a parsed statement; every missing or mistyped field is a problem under /predicate. */
    public static ApprovalPredicate fromJson(Map<String, Object> predicate, String displayName) {
        Fields f = new Fields(displayName, "/predicate");
        String decision = f.string(predicate, "decision");
        Map<String, Object> rule = f.object(predicate, "rule");
        Map<String, Object> shown = f.object(predicate, "shown");
        List<Object> votes = f.list(predicate, "votes");
        Fields rf = f.child("rule");
        Fields sf = f.child("shown");
        ApprovalPredicate out = null;
        try {
            Decision d = decision == null ? null : Decision.valueOf(decision);
            Rule parsedRule = new Rule(rf.integer(rule, "required"), rf.strings(rule, "approvers"),
                    rf.strings(rule, "requiredRoles"), rf.bool(rule, "separationOfDuties"),
                    Duration.parse(String.valueOf(rf.string(rule, "timeout"))), rf.bool(rule, "reasonRequired"));
            List<Vote> parsedVotes = new ArrayList<>();
            for (int i = 0; i < votes.size(); i++) {
                Fields vf = f.child("votes/" + i);
                Map<String, Object> vote = votes.get(i) instanceof Map<?, ?> ? f.cast(votes.get(i)) : Map.of();
                parsedVotes.add(new Vote(vf.string(vote, "approver"), vf.bool(vote, "approved"),
                        vf.string(vote, "reason"), Instant.parse(String.valueOf(vf.string(vote, "at"))),
                        vf.strings(vote, "groups")));
            }
            Shown parsedShown = new Shown(sf.digest(shown, "artifactDigest", true), sf.string(shown, "gateVerdict"),
                    sf.strings(shown, "gateReasons"), sf.counts(shown, "findingsSummary"),
                    sf.strings(shown, "waiversApplied"), sf.digest(shown, "sbomDigest", false),
                    sf.digest(shown, "provenanceDigest", false));
            out = new ApprovalPredicate(d, parsedRule, parsedVotes, parsedShown,
                    Instant.parse(String.valueOf(f.string(predicate, "requestedAt"))),
                    Instant.parse(String.valueOf(f.string(predicate, "decidedAt"))));
        } catch (IllegalArgumentException | DateTimeParseException | NullPointerException e) {
            f.problems.add(Problem.of("approval.invalid", "approval predicate is not valid: "
                    + e.getClass().getSimpleName(), Location.ofPointer(displayName, "/predicate", 0, 0)));
        }
        if (!f.problems.isEmpty()) {
            throw new InvalidInputException(f.problems);
        }
        return out;
    }

    private static <V> Map<String, V> sorted(Map<String, V> m) {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(m));
    }
}
