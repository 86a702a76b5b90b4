package io.jenkins.plugins.securedeploy.engine.report;

import io.jenkins.plugins.securedeploy.engine.policy.FindingOutcome;
import io.jenkins.plugins.securedeploy.engine.policy.GateReason;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.PackageRef;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "What to do next" for each reason the gate did not pass, as plain sentences: upgrade a package to its fixed
 * version, fix code at {@code file:line}, or waive until a date within the policy's limit; make a failed scanner
 * complete; supply a missing report or evidence. At most {@link #MAX_ACTIONS} finding actions per reason, then how
 * many more.
 */
public final class NextSteps {
    public static final int MAX_ACTIONS = 10;

    /** The actions for one reason. */
    public record NextStep(GateReason reason, List<String> actions) {
        public NextStep {
            actions = List.copyOf(actions);
        }
    }

    private NextSteps() {}

    /** One step per reason, in the reasons' order; {@code byFingerprint} holds the findings the report shows. */
    public static List<NextStep> of(GateReport r, Map<String, FindingOutcome> byFingerprint) {
        List<NextStep> out = new ArrayList<>();
        for (GateReason reason : r.reasons()) {
            out.add(new NextStep(reason, actions(reason, byFingerprint, r.waiveUntil(), r.waiverMaxDays())));
        }
        return List.copyOf(out);
    }

    static List<String> actions(GateReason reason, Map<String, FindingOutcome> byFingerprint, LocalDate until,
            Integer maxDays) {
        String rule = reason.rule();
        if (rule.equals("scanner.error")) {
            return List.of("Make " + reason.tool() + " complete its scan and pass its report again: " + reason.message()
                    + ". A failed scanner is never read as 0 findings.");
        }
        if (rule.equals("report.missing")) {
            return List.of("Run " + reason.tool() + " and pass its report to the gate (the policy's requiredReports "
                    + "names it).");
        }
        if (rule.equals("input.unreadable")) {
            return List.of("Fix or replace the input: " + reason.message() + ".");
        }
        if (rule.equals("evidence.sbom")) {
            return List.of("Record an SBOM of the artifact (secure-deploy sbom generate, or the recordSbom step) "
                    + "before the gate.");
        }
        if (rule.startsWith("evidence.signature") || rule.startsWith("evidence.provenance")) {
            return List.of("Sign the artifact (or attach its provenance) with a key or identity the policy trusts, "
                    + "then verify it before the gate: " + reason.message() + ".");
        }
        if (rule.equals("evidence.approvals")) {
            return List.of("Get the approvals the policy requires (secure-deploy approve).");
        }
        if (rule.equals("override.rejected")) {
            return List.of("Fix the findings, or ask for an override within the policy's overrideRules: "
                    + reason.message() + ".");
        }
        return findingActions(reason, byFingerprint, until, maxDays);
    }

    private static List<String> findingActions(GateReason reason, Map<String, FindingOutcome> byFingerprint,
            LocalDate until, Integer maxDays) {
        Set<String> actions = new LinkedHashSet<>();
        long covered = 0;
        for (String fp : reason.fingerprints()) {
            FindingOutcome o = byFingerprint.get(fp);
            if (o == null) {
                continue;
            }
            String action = action(o.finding());
            if (actions.contains(action) || actions.size() < MAX_ACTIONS) {
                actions.add(action);
                covered++;
            }
        }
        List<String> out = new ArrayList<>(actions);
        long more = reason.count() - covered;
        if (more > 0 && !out.isEmpty()) {
            out.add("... and " + more + " more finding(s) of this reason: see the findings list and gate-report.json.");
        } else if (out.isEmpty()) {
            out.add("Fix the " + reason.count() + " finding(s) of this reason (listed in gate-report.json).");
        }
        out.add("Or accept the risk: copy a finding's waive snippet into the policy's waivers, with an owner and a "
                + "reason; it expires " + until + (maxDays == null ? "" : " (waiverRules.maxDays = " + maxDays + ")")
                + ".");
        return out;
    }

    /** Upgrade X to Y / no fix yet / fix at file:line. */
    static String action(Finding f) {
        String what = f.ids().isEmpty() ? f.ruleId() : String.join(", ", f.ids());
        PackageRef p = f.pkg();
        if (p != null) {
            String installed = p.name() + (p.version().isEmpty() ? "" : " " + p.version());
            return p.fixable() ? "Upgrade " + installed + " to " + p.fixedVersion() + " (" + what + ")."
                    : "No fixed version of " + installed + " is known (" + what + "): replace or remove it, or waive"
                    + " it until a fix is released.";
        }
        String where = GateReport.where(f);
        return "Fix " + what + (where.isEmpty() ? "" : " at " + where) + (f.title().isEmpty() ? "" : ": "
                + f.title()) + ".";
    }
}
