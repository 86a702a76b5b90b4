package io.jenkins.plugins.securedeploy.engine.report;

import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.policy.FindingOutcome;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import io.jenkins.plugins.securedeploy.engine.scan.PackageRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The findings table of the HTML report: the report's first {@code rows} findings (they are sorted worst first),
 * each with an anchor ({@code f-<row>}) that reasons link to, its fingerprint and a copyable waive snippet, package /
 * installed / fixed version and advisory links for SCA rows, {@code file:line} (relative) for code rows; plus the
 * totals and, when there are more findings than rows, a note that the full list is in the JSON / SARIF.
 */
final class FindingsSection {
    private final GateReport report;
    private final List<FindingOutcome> shown;
    private final Map<String, Integer> rowByFingerprint = new LinkedHashMap<>();

    FindingsSection(GateReport report, int rows) {
        this.report = report;
        this.shown = report.findings().subList(0, Math.min(rows, report.findings().size()));
        for (int i = 0; i < shown.size(); i++) {
            rowByFingerprint.putIfAbsent(shown.get(i).finding().fingerprint(), i);
        }
    }

    /** The row anchor of a shown finding, or null when it is not among the rows. */
    String anchor(String fingerprint) {
        Integer row = rowByFingerprint.get(fingerprint);
        return row == null ? null : "f-" + row;
    }

    /** The shown findings by fingerprint (first occurrence). */
    Map<String, FindingOutcome> byFingerprint() {
        Map<String, FindingOutcome> out = new LinkedHashMap<>();
        rowByFingerprint.forEach((fp, row) -> out.put(fp, shown.get(row)));
        return out;
    }

    int shownCount() {
        return shown.size();
    }

    void write(Html h) {
        long total = report.totalFindings();
        h.raw("<section id=\"findings\">\n<h2>Findings</h2>\n");
        h.el("p", "totals", totals());
        if (shown.size() < total) {
            h.el("p", "truncated warning", "Showing the top " + shown.size() + " of " + total + " findings by "
                    + "severity. The full list is in gate-report.json (and the SARIF file, when the gate wrote one).");
        }
        h.raw("<div class=\"controls\">\n")
                .raw("<label>Filter <input id=\"filter\" type=\"search\" placeholder=\"text, tool, id\"></label>\n")
                .raw("<label>Severity <select id=\"severity-filter\"><option value=\"\">all</option>");
        for (Severity s : GateReport.displayOrder()) {
            h.raw("<option").attr("value", s.name()).raw(">").text(s.name()).raw("</option>");
        }
        h.raw("</select></label>\n<label>Status <select id=\"status-filter\"><option value=\"\">all</option>"
                + "<option value=\"new\">new</option><option value=\"unchanged\">unchanged</option>"
                + "<option value=\"waived\">waived</option></select></label>\n")
                .raw("<span id=\"count\"").attr("data-total", String.valueOf(total))
                .attr("data-rows", String.valueOf(shown.size())).raw(">")
                .text(shown.size() + " of " + total + " findings").raw("</span>\n</div>\n")
                .raw("<table id=\"findings-table\">\n<thead><tr>"
                        + "<th data-sort=\"rank\" data-type=\"number\">Severity</th>"
                        + "<th data-sort=\"tool\">Tool</th><th data-sort=\"rule\">Rule / id</th>"
                        + "<th data-sort=\"title\">Title</th><th data-sort=\"where\">Where</th>"
                        + "<th data-sort=\"fix\">Installed / fixed</th>"
                        + "<th data-sort=\"score\" data-type=\"number\">Score</th>"
                        + "<th data-sort=\"status\">Status</th><th>Fingerprint / waive</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < shown.size(); i++) {
            row(h, i, shown.get(i));
        }
        h.raw("</tbody>\n</table>\n</section>\n");
    }

    private String totals() {
        StringBuilder sb = new StringBuilder();
        sb.append(report.totalFindings()).append(" findings (").append(report.newCount()).append(" new)");
        for (Severity s : GateReport.displayOrder()) {
            GateReport.SeverityCount c = report.bySeverity().get(s);
            if (c.total() > 0) {
                sb.append(" · ").append(s.name()).append(' ').append(c.total());
            }
        }
        return sb.toString();
    }

    private void row(Html h, int index, FindingOutcome o) {
        Finding f = o.finding();
        String status = o.waiver().isPresent() ? "waived" : o.isNew() ? "new" : "unchanged";
        String rule = f.ids().isEmpty() ? f.ruleId() : String.join(", ", f.ids());
        String score = f.hasScore() ? String.valueOf(f.score()) : "";
        String where = GateReport.where(f);
        PackageRef p = f.pkg();
        String fix = p == null ? "" : (p.version().isEmpty() ? "?" : p.version()) + " → "
                + (p.fixable() ? p.fixedVersion() : "no fix");
        h.raw("<tr class=\"finding\"").attr("id", "f-" + index).attr("data-rank", String.valueOf(
                f.severity().gateRank())).attr("data-severity", f.severity().name()).attr("data-tool", f.tool())
                .attr("data-rule", rule).attr("data-title", f.title()).attr("data-where", where)
                .attr("data-fix", fix).attr("data-score", score.isEmpty() ? "-1" : score).attr("data-status", status)
                .attr("data-fingerprint", f.fingerprint()).raw(">")
                .el("td", "sev sev-" + f.severity().name().toLowerCase(Locale.ROOT), f.severity().name())
                .el("td", "", f.tool()).raw("<td class=\"ids\">");
        ids(h, f);
        h.raw("</td>").el("td", "title", f.title()).raw("<td class=\"where\"");
        if (p != null && !f.location().file().isEmpty()) {
            h.attr("title", f.location().file());
        }
        h.raw(">").text(where);
        if (p != null && !f.location().file().isEmpty()) {
            h.raw("<br>").el("span", "file", DisplayPaths.relative(f.location().file()));
        }
        h.raw("</td>").raw("<td class=\"fix\">");
        if (p != null) {
            h.el("span", "installed", p.version().isEmpty() ? "?" : p.version()).raw(" → ")
                    .el("span", p.fixable() ? "fixed" : "no-fix", p.fixable() ? p.fixedVersion() : "no fix");
        }
        h.raw("</td>").el("td", "num", score)
                .el("td", "status-" + status, status + o.waiver().map(w -> " (" + w.owner() + ")").orElse("")
                        + o.expired().map(w -> " - waiver expired " + w.expires()).orElse(""))
                .raw("<td class=\"fp\">").el("code", "fingerprint", f.fingerprint())
                .raw("<details class=\"waive\"><summary>waive</summary><pre").attr("id", "w-" + index).raw(">")
                .text(WaiveSnippet.of(f, report.waiveUntil())).raw("</pre><button type=\"button\" class=\"copy\"")
                .attr("data-copy", "w-" + index).raw(">Copy</button></details></td></tr>\n");
    }

    private static void ids(Html h, Finding f) {
        if (f.ids().isEmpty()) {
            h.text(f.ruleId());
            return;
        }
        for (int i = 0; i < f.ids().size(); i++) {
            String id = f.ids().get(i);
            if (i > 0) {
                h.raw(", ");
            }
            String link = Advisories.link(id).orElse(null);
            if (link == null) {
                h.text(id);
            } else {
                h.link(link, "advisory", id);
            }
        }
        if (!f.ids().contains(f.ruleId()) && !f.ruleId().isEmpty()) {
            h.raw("<br>").el("span", "rule", f.ruleId());
        }
    }
}
