package io.jenkins.plugins.securedeploy.engine.report;

import io.jenkins.plugins.securedeploy.engine.policy.FindingOutcome;
import io.jenkins.plugins.securedeploy.engine.policy.GateReason;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The reasons of the HTML report, each with links to the finding rows that caused it (those among the shown rows;
 * the others by fingerprint, as the JSON lists them) and its "What to do next" ({@link NextSteps}).
 */
final class ReasonsSection {
    private ReasonsSection() {}

    static void write(Html h, GateReport r, FindingsSection findings) {
        h.raw("<section id=\"reasons\">\n<h2>Reasons</h2>\n");
        if (r.reasons().isEmpty()) {
            h.el("p", "none", "No rule was violated.");
            h.raw("</section>\n");
            return;
        }
        Map<String, FindingOutcome> shown = findings.byFingerprint();
        List<NextSteps.NextStep> steps = NextSteps.of(r, shown);
        h.raw("<ol class=\"reasons\">\n");
        for (int i = 0; i < steps.size(); i++) {
            NextSteps.NextStep step = steps.get(i);
            GateReason x = step.reason();
            h.raw("<li").attr("class", "reason reason-" + x.outcome().name().toLowerCase(Locale.ROOT))
                    .attr("id", "r-" + i).attr("data-rule", x.rule()).raw(">").el("span", "outcome", x.outcome().name())
                    .raw(" ").el("code", "", x.rule()).raw(" ").el("span", "message", x.message()).raw("\n");
            caused(h, x, findings, shown);
            h.raw("<div class=\"next\">").el("h4", "", "What to do next").raw("<ul>");
            for (String action : step.actions()) {
                h.el("li", "action", action);
            }
            h.raw("</ul></div>\n</li>\n");
        }
        h.raw("</ol>\n</section>\n");
    }

    private static void caused(Html h, GateReason x, FindingsSection findings, Map<String, FindingOutcome> shown) {
        if (x.fingerprints().isEmpty()) {
            return;
        }
        h.raw("<details class=\"caused-by\" open><summary>").text(x.count() + " finding(s)").raw("</summary><ul>");
        int elsewhere = 0;
        for (String fp : x.fingerprints()) {
            String anchor = findings.anchor(fp);
            if (anchor == null) {
                elsewhere++;
                continue;
            }
            Finding f = shown.get(fp).finding();
            String id = f.ids().isEmpty() ? f.ruleId() : f.ids().get(0);
            String where = GateReport.where(f);
            h.raw("<li>").link("#" + anchor, "finding-link", f.severity().name() + " " + f.tool() + " " + id
                    + (where.isEmpty() ? "" : " " + where)).raw("</li>");
        }
        long notListed = x.count() - (x.fingerprints().size() - elsewhere);
        if (notListed > 0) {
            h.el("li", "elsewhere", notListed + " more not among the rows shown: see gate-report.json"
                    + " (the reason's fingerprints and the full findings list).");
        }
        h.raw("</ul></details>\n");
    }
}
