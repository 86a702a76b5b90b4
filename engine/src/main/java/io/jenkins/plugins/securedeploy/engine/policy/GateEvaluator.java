package io.jenkins.plugins.securedeploy.engine.policy;

import io.jenkins.plugins.securedeploy.engine.core.Location;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.policy.rules.PolicyRules;
import io.jenkins.plugins.securedeploy.engine.scan.Category;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationResult;
import io.jenkins.plugins.securedeploy.engine.sign.VerificationStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

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

    public GateDecision evaluate(GateInput in) {
        LocalDate today = LocalDate.now(clock);
        Policy policy = in.policy();
        List<GateReason> reasons = new ArrayList<>();
        for (Problem p : in.inputProblems()) {
            reasons.add(error("input.unreadable", p.location().file(),
                    "input " + p.location().describe() + " cannot be used: " + p.message()));
        }
        Set<String> tools = new HashSet<>();
        List<Finding> all = new ArrayList<>();
        for (ScanResult r : in.results()) {
            tools.add(r.tool());
            if (r.isError()) {
                String why = r.problems().isEmpty() ? "no detail" : r.problems().get(0).describe();
                reasons.add(error("scanner.error", r.tool(), "scanner " + r.tool() + " failed (" + why
                        + "); its findings are unknown"));
            } else {
                all.addAll(r.findings());
            }
        }
        for (String required : policy.requiredReports()) {
            if (!tools.contains(required)) {
                reasons.add(error("report.missing", required, "required report of " + required
                        + " is missing (policy requiredReports)"));
            }
        }
        List<FindingOutcome> outcomes = classify(all, policy, in.baseline(), today);
        List<FindingOutcome> counted = outcomes.stream().filter(FindingOutcome::counted).toList();

        check(reasons, "thresholds", "", "", policy.effectiveThresholds(), counted);
        for (Map.Entry<String, Thresholds> e : policy.tools().entrySet()) {
            String tool = e.getKey();
            check(reasons, "tools." + tool, tool, "", e.getValue(), only(counted, f -> f.tool().equals(tool)));
        }
        for (Map.Entry<Category, Thresholds> e : policy.effectiveCategories().entrySet()) {
            Category c = e.getKey();
            check(reasons, "categories." + c, "", c.name(), e.getValue(), only(counted, f -> f.category() == c));
        }
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
        Baseline.Comparison cmp = in.baseline().compare(all);
        return new GateDecision(verdict, reasons, outcomes, cmp.fixed(), in.baseline().present(), expired,
                relaxations(policy, in.facts()), accepted, today);
    }

    private static List<Relaxation> relaxations(Policy policy, EvidenceFacts facts) {
        List<Relaxation> out = new ArrayList<>(policy.relaxations());
        out.addAll(verificationRelaxations(facts));
        return out;
    }

    private static List<FindingOutcome> classify(List<Finding> all, Policy policy, Baseline baseline,
            LocalDate today) {
        WaiverIndex index = new WaiverIndex(policy.waivers(), today);
        Set<String> unwaivable = policy.unwaivableRuleIds();
        List<FindingOutcome> out = new ArrayList<>(all.size());
        for (Finding f : all) {
            boolean waivable = unwaivable.isEmpty() || !PolicyRules.TOOL.equals(f.tool())
                    || !unwaivable.contains(f.ruleId());
            Waiver w = waivable ? index.match(f).orElse(null) : null;
            Waiver expired = w == null ? index.expiredMatch(f).orElse(null) : null;
            boolean counted = w == null && (!policy.isFixableOnly() || f.fixable());
            out.add(new FindingOutcome(f, !baseline.contains(f.fingerprint()), w, expired, counted));
        }
        return out;
    }

    private static List<FindingOutcome> only(List<FindingOutcome> list, Predicate<Finding> p) {
        return list.stream().filter(o -> p.test(o.finding())).toList();
    }

    private static void check(List<GateReason> reasons, String scope, String tool, String category, Thresholds t,
            List<FindingOutcome> inScope) {
        String where = !tool.isEmpty() ? " from " + tool : !category.isEmpty() ? " in category " + category : "";
        limits(reasons, scope + ".total", "", where, tool, category, t.total(), inScope);
        limits(reasons, scope + ".new", "new ", where, tool, category, t.fresh(),
                inScope.stream().filter(FindingOutcome::isNew).toList());
        if (t.cvss() != null) {
            List<String> fps = inScope.stream().map(FindingOutcome::finding)
                    .filter(f -> f.hasScore() && f.score() >= t.cvss()).map(Finding::fingerprint).toList();
            if (!fps.isEmpty()) {
                reasons.add(new GateReason(Verdict.FAILED, scope + ".cvss", "", category, tool, fps.size(),
                        ">= " + t.cvss(), fps, fps.size() + " finding(s)" + where + " with CVSS score >= "
                        + t.cvss()));
            }
        }
    }

    private static void limits(List<GateReason> reasons, String rule, String adjective, String where, String tool,
            String category, SeverityLimits limits, List<FindingOutcome> inScope) {
        if (limits.isEmpty()) {
            return;
        }
        Map<Severity, List<String>> bySeverity = new EnumMap<>(Severity.class);
        for (FindingOutcome o : inScope) {
            Severity s = o.finding().severity() == Severity.UNKNOWN ? Severity.CRITICAL : o.finding().severity();
            bySeverity.computeIfAbsent(s, k -> new ArrayList<>()).add(o.finding().fingerprint());
        }
        limits.bySeverity().forEach((severity, max) -> {
            List<String> fps = bySeverity.getOrDefault(severity, List.of());
            if (fps.size() > max) {
                String sev = severity.name().toLowerCase(Locale.ROOT);
                reasons.add(new GateReason(Verdict.FAILED, rule + "." + sev, severity.name(), category, tool,
                        fps.size(), "max " + max, fps, fps.size() + " " + adjective + severity.name()
                        + (severity == Severity.CRITICAL ? "/UNKNOWN" : "") + " finding(s)" + where
                        + " (max " + max + ")"));
            }
        });
        if (limits.any() != null && inScope.size() > limits.any()) {
            reasons.add(new GateReason(Verdict.FAILED, rule + ".any", "", category, tool, inScope.size(),
                    "max " + limits.any(), inScope.stream().map(o -> o.finding().fingerprint()).toList(),
                    inScope.size() + " " + adjective + "finding(s)" + where + " of any severity (max "
                    + limits.any() + ")"));
        }
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
