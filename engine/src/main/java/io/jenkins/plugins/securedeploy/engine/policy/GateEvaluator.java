package io.jenkins.plugins.securedeploy.engine.policy;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationResult;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Decides the gate. Fails closed: an unreadable input, a scanner ERROR or a missing required report is an ERROR
 * reason naming the tool; thresholds (global, then per tool, then per category - all apply), the CVSS limit and
 * required evidence give FAILED reasons. Waived findings do not count; expired waivers do not apply. The secure
 * defaults (CRITICAL/UNKNOWN max 0, SECRET max 0) hold unless the policy writes a limit, which is then listed as a
 * relaxation.
 */
public final class GateEvaluator {
    private final Clock clock;

    public GateEvaluator(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Decides on the findings of every OK result in {@code in}, each outcome kept. */
    public GateDecision evaluate(GateInput in) {
        FindingTally tally = new FindingTally(in.policy(), in.baseline(), LocalDate.now(clock), FindingTally.ALL);
        for (ScanResult r : in.results()) {
            if (!r.isError()) {
                r.findings().forEach(tally::add);
            }
        }
        return evaluate(in, tally);
    }

    /**
     * Decides on findings already counted into {@code tally} (a streaming gate feeds it as reports are parsed);
     * {@code in}'s results give only the tools and their status here — their finding lists are not read. The
     * tally must have been made for {@code in}'s policy and baseline.
     */
    public GateDecision evaluate(GateInput in, FindingTally tally) {
        LocalDate today = LocalDate.now(clock);
        Policy policy = in.policy();
        if (tally.policy() != policy || tally.baseline() != in.baseline()) {
            throw new IllegalArgumentException("the tally was counted under another policy or baseline");
        }
        List<GateReason> reasons = new ArrayList<>();
        for (Problem p : in.inputProblems()) {
            reasons.add(error("input.unreadable", p.location().file(),
                    "input " + p.location().describe() + " cannot be used: " + p.message()));
        }
        Set<String> tools = new HashSet<>();
        for (ScanResult r : in.results()) {
            tools.add(r.tool());
            if (r.isError()) {
                String why = r.problems().isEmpty() ? "no detail" : r.problems().get(0).describe();
                reasons.add(error("scanner.error", r.tool(), "scanner " + r.tool() + " failed (" + why
                        + "); its findings are unknown"));
            }
        }
        for (String required : policy.requiredReports()) {
            if (!tools.contains(required)) {
                reasons.add(error("report.missing", required, "required report of " + required
                        + " is missing (policy requiredReports)"));
            }
        }
        tally.check(reasons);
        evidence(reasons, policy.evidence(), in.facts());

        Verdict verdict = reasons.stream().anyMatch(r -> r.outcome() == Verdict.ERROR) ? Verdict.ERROR
                : reasons.isEmpty() ? Verdict.PASSED : Verdict.FAILED;
        GateOverride accepted = null;
        if (in.override() != null && verdict != Verdict.PASSED) {
            String rejection = verdict == Verdict.ERROR
                    ? "an ERROR (untrusted or missing input) cannot be overridden; fix the input"
                    : in.override().rejection(policy.overrideRules(), today);
            if (rejection.isEmpty()) {
                accepted = in.override();
            } else {
                reasons.add(new GateReason(verdict, "override.rejected", "", "", "", 0, "", List.of(),
                        "override by '" + in.override().person() + "' rejected: " + rejection));
            }
        }
        List<Waiver> expired = policy.waivers().stream().filter(w -> w.isExpiredOn(today)).toList();
        return new GateDecision(verdict, reasons, tally.kept(), tally.named(), tally.totals(), tally.fixed(),
                in.baseline().present(), expired, relaxations(policy, in.facts()), accepted, today);
    }

    private static List<Relaxation> relaxations(Policy policy, EvidenceFacts facts) {
        List<Relaxation> out = new ArrayList<>(policy.relaxations());
        out.addAll(verificationRelaxations(facts));
        return out;
    }

    private static void evidence(List<GateReason> reasons, EvidenceRequirements req, EvidenceFacts facts) {
        requireFact(reasons, req.sbom(), facts.sbomPresent(), "evidence.sbom", "no SBOM was recorded");
        verifications(reasons, req.signature(), facts.signatures(), "evidence.signature", "signature");
        verifications(reasons, req.provenance(), facts.provenance(), "evidence.provenance", "provenance");
        requireFact(reasons, req.approvals(), facts.approvalsMet(), "evidence.approvals",
                "required approvals are not met");
    }

    /**
     * A FAILED or ERROR verification always blocks, with its headline (a bad signature is never ignored, required
     * or not); a required kind without any result fails as missing.
     */
    private static void verifications(List<GateReason> reasons, Boolean required, List<VerificationResult> results,
            String rule, String what) {
        if (EvidenceRequirements.on(required) && results.isEmpty()) {
            reasons.add(new GateReason(Verdict.FAILED, rule, "", "", "", 0, "required", List.of(),
                    "no verified " + what + " (policy " + rule + " = true)"));
        }
        for (VerificationResult r : results) {
            if (!r.isVerified()) {
                Verdict outcome = r.status() == VerificationStatus.ERROR ? Verdict.ERROR : Verdict.FAILED;
                reasons.add(new GateReason(outcome, rule, "", "", r.family(), r.reasons().size(),
                        EvidenceRequirements.on(required) ? "required" : "", List.of(),
                        what + " verification " + r.headline()));
            }
        }
    }

    /** Verifications reached under a weaker-than-strict policy, as relaxations of the decision. */
    static List<Relaxation> verificationRelaxations(EvidenceFacts facts) {
        List<Relaxation> out = new ArrayList<>();
        for (VerificationResult r : concat(facts.signatures(), facts.provenance())) {
            for (String relaxation : r.relaxations()) {
                out.add(new Relaxation("verification " + r.family() + " " + r.subject(), relaxation,
                        "strict verification policy", Location.ofFile(r.subject())));
            }
        }
        return out;
    }

    private static List<VerificationResult> concat(List<VerificationResult> a, List<VerificationResult> b) {
        List<VerificationResult> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static void requireFact(List<GateReason> reasons, Boolean required, boolean fact, String rule,
            String message) {
        if (EvidenceRequirements.on(required) && !fact) {
            reasons.add(new GateReason(Verdict.FAILED, rule, "", "", "", 0, "required", List.of(),
                    message + " (policy " + rule + " = true)"));
        }
    }

    private static GateReason error(String rule, String tool, String message) {
        return new GateReason(Verdict.ERROR, rule, "", "", tool, 0, "", List.of(), message);
    }
}
