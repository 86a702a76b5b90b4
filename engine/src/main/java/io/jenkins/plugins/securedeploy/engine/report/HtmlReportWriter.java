package io.jenkins.plugins.securedeploy.engine.report;

import io.jenkins.plugins.securedeploy.engine.core.EnvironmentException;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.policy.BaselineEntry;
import io.jenkins.plugins.securedeploy.engine.policy.FindingOutcome;
import io.jenkins.plugins.securedeploy.engine.policy.GateReason;
import io.jenkins.plugins.securedeploy.engine.policy.Relaxation;
import io.jenkins.plugins.securedeploy.engine.policy.Waiver;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the gate report as a self-contained folder that works offline (file://) and under a strict CSP
 * ({@code default-src 'none'; script-src 'self'; style-src 'self'}): {@code index.html} has no inline script, no
 * {@code on*} handlers and no style attributes; behaviour is in {@code gate-report.js} (sorting, filtering over
 * the table rows' {@code data-*} attributes), looks in {@code gate-report.css}; the severity chart is inline SVG
 * coloured by CSS classes. {@code gate-report.json} sits next to it. Every text from tools is escaped.
 */
public final class HtmlReportWriter {
    public static final String INDEX = "index.html";
    public static final String JSON = "gate-report.json";
    static final List<String> ASSETS = List.of("gate-report.js", "gate-report.css");

    /**
     * The report's files, in order: {@code index.html}, {@code gate-report.json} and the assets. A host stores them
     * side by side (the gate service writes them through the evidence store).
     */
    public List<ReportFile> files(GateReport report) {
        List<ReportFile> out = new ArrayList<>();
        out.add(new ReportFile(INDEX, "text/html", render(report).getBytes(StandardCharsets.UTF_8)));
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        try {
            new GateReportWriter().write(report, json);
        } catch (IOException e) {
            throw new EnvironmentException("cannot render gate-report.json: " + e.getClass().getSimpleName(), e);
        }
        out.add(new ReportFile(JSON, "application/json", json.toByteArray()));
        for (String asset : ASSETS) {
            try (InputStream in = HtmlReportWriter.class.getResourceAsStream(asset)) {
                if (in == null) {
                    throw new EnvironmentException("report asset missing from the engine jar: " + asset);
                }
                out.add(new ReportFile(asset, asset.endsWith(".js") ? "text/javascript" : "text/css",
                        in.readAllBytes()));
            } catch (IOException e) {
                throw new EnvironmentException("cannot read report asset " + asset + ": "
                        + e.getClass().getSimpleName(), e);
            }
        }
        return List.copyOf(out);
    }

    /** Writes the folder (tests, local previews); returns the path of {@code index.html}. */
    public Path write(GateReport report, Path dir) {
        try {
            Files.createDirectories(dir);
            for (ReportFile f : files(report)) {
                Files.write(dir.resolve(f.name()), f.content());
            }
            return dir.resolve(INDEX);
        } catch (IOException e) {
            throw new EnvironmentException("cannot write HTML report to " + dir.getFileName() + ": "
                    + e.getClass().getSimpleName(), e);
        }
    }

    String render(GateReport r) {
        String verdictClass = "verdict-" + r.verdict().toLowerCase(Locale.ROOT);
        Html h = new Html();
        h.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .text("Secure Deploy gate: " + r.headline())
                .raw("</title>\n<link rel=\"stylesheet\" href=\"gate-report.css\">\n")
                .raw("<script src=\"gate-report.js\" defer></script>\n</head>\n<body")
                .attr("data-verdict", r.verdict()).attr("data-script", "pending").raw(">\n");
        h.raw("<header").attr("class", "verdict " + verdictClass + (r.override().isPresent() ? " overridden" : ""))
                .raw(" id=\"decision\">\n").el("h1", "", "Gate " + r.headline())
                .el("p", "deploy", r.allowsDeployment() ? "Deployment allowed" : "Deployment blocked");
        r.override().ifPresent(o -> h.el("p", "override", "Break-glass override by " + o.person() + " until "
                + o.expires() + ": " + o.reason() + (o.ticket().isEmpty() ? "" : " (" + o.ticket() + ")")));
        h.el("p", "meta", "Policy " + r.policySource() + " - generated " + r.generatedAt()).raw("</header>\n<main>\n");
        reasons(h, r);
        chart(h, r);
        relaxations(h, r);
        tools(h, r);
        waivers(h, r);
        evidence(h, r);
        findings(h, r);
        fixed(h, r);
        h.raw("</main>\n<footer><a href=\"gate-report.json\">gate-report.json</a></footer>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void reasons(Html h, GateReport r) {
        h.raw("<section id=\"reasons\">\n<h2>Reasons</h2>\n");
        if (r.reasons().isEmpty()) {
            h.el("p", "none", "No rule was violated.");
        } else {
            h.raw("<ul>\n");
            for (GateReason x : r.reasons()) {
                h.raw("<li").attr("class", "reason reason-" + x.outcome().name().toLowerCase(Locale.ROOT))
                        .attr("data-rule", x.rule()).raw(">").el("span", "outcome", x.outcome().name()).raw(" ")
                        .el("code", "", x.rule()).raw(" ").el("span", "message", x.message()).raw("</li>\n");
            }
            h.raw("</ul>\n");
        }
        h.raw("</section>\n");
    }

    private static void chart(Html h, GateReport r) {
        List<Severity> order = GateReport.displayOrder();
        int max = Math.max(1, order.stream().mapToInt(s -> r.bySeverity().get(s).total()).max().orElse(1));
        int rowHeight = 28;
        int height = order.size() * rowHeight + 8;
        h.raw("<section id=\"chart\">\n<h2>Findings by severity</h2>\n")
                .raw("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"720\"")
                .attr("height", String.valueOf(height)).attr("viewBox", "0 0 720 " + height)
                .raw(" aria-label=\"Findings by severity\">\n");
        int y = 4;
        for (Severity s : order) {
            GateReport.SeverityCount c = r.bySeverity().get(s);
            int width = c.total() == 0 ? 0 : Math.max(2, (int) Math.round(380.0 * c.total() / max));
            String cls = "sev-" + s.name().toLowerCase(Locale.ROOT);
            h.raw("<text class=\"label\" x=\"0\"").attr("y", String.valueOf(y + 18)).raw(">").text(s.name())
                    .raw("</text>")
                    .raw("<rect").attr("class", "bar " + cls).attr("x", "100").attr("y", String.valueOf(y))
                    .attr("width", String.valueOf(width)).attr("height", String.valueOf(rowHeight - 6)).raw("/>")
                    .raw("<text class=\"count\"").attr("x", String.valueOf(108 + width))
                    .attr("y", String.valueOf(y + 18)).attr("data-severity", s.name()).raw(">")
                    .text(c.total() + (c.fresh() > 0 ? " (" + c.fresh() + " new)" : "")
                            + (c.waived() > 0 ? " [" + c.waived() + " waived]" : ""))
                    .raw("</text>\n");
            y += rowHeight;
        }
        h.raw("</svg>\n</section>\n");
    }

    private static void relaxations(Html h, GateReport r) {
        if (r.relaxations().isEmpty()) {
            return;
        }
        h.raw("<section id=\"relaxations\" class=\"warning\">\n<h2>Policy relaxations</h2>\n")
                .el("p", "", "These settings are weaker than the secure defaults:").raw("<ul>\n");
        for (Relaxation x : r.relaxations()) {
            h.el("li", "relaxation", x.describe()).raw("\n");
        }
        h.raw("</ul>\n</section>\n");
    }

    private static void tools(Html h, GateReport r) {
        h.raw("<section id=\"tools\">\n<h2>Scanners</h2>\n<table>\n<thead><tr><th>Tool</th><th>Status</th>"
                + "<th>Findings</th><th>Source</th><th>Problems</th></tr></thead>\n<tbody>\n");
        for (GateReport.ToolSummary t : r.tools()) {
            h.raw("<tr").attr("class", "status-" + t.status().toLowerCase(Locale.ROOT)).raw(">")
                    .el("td", "", t.tool() + (t.version().isEmpty() ? "" : " " + t.version()))
                    .el("td", "", t.status()).el("td", "num", String.valueOf(t.findings())).el("td", "", t.source())
                    .el("td", "", String.join("; ", t.problems())).raw("</tr>\n");
        }
        h.raw("</tbody>\n</table>\n</section>\n");
    }

    private static void waivers(Html h, GateReport r) {
        h.raw("<section id=\"waivers\">\n<h2>Waivers</h2>\n");
        h.el("h3", "", "Applied (" + r.waiversApplied().size() + ")").raw("<ul>\n");
        for (GateReport.AppliedWaiver a : r.waiversApplied()) {
            h.el("li", "waiver-applied", a.waiver().describe() + ": " + a.findings() + " finding(s) - "
                    + a.waiver().reason() + ticket(a.waiver())).raw("\n");
        }
        h.raw("</ul>\n").el("h3", "", "Expired (" + r.waiversExpired().size() + ")").raw("<ul>\n");
        for (Waiver w : r.waiversExpired()) {
            h.el("li", "waiver-expired", w.describe() + " - no longer applies" + ticket(w)).raw("\n");
        }
        h.raw("</ul>\n</section>\n");
    }

    private static String ticket(Waiver w) {
        return w.ticket().isEmpty() ? "" : " (" + w.ticket() + ")";
    }

    private static void evidence(Html h, GateReport r) {
        h.raw("<section id=\"evidence\">\n<h2>Evidence</h2>\n<table>\n<thead><tr><th>Kind</th><th>Name</th>"
                + "<th>Digest</th><th>Status</th></tr></thead>\n<tbody>\n");
        for (EvidenceEntry e : r.evidence()) {
            h.raw("<tr>").el("td", "", e.kind()).el("td", "", e.name()).el("td", "digest", e.digest())
                    .el("td", "", e.status()).raw("</tr>\n");
        }
        h.raw("</tbody>\n</table>\n</section>\n");
    }

    private static void findings(Html h, GateReport r) {
        h.raw("<section id=\"findings\">\n<h2>Findings</h2>\n<div class=\"controls\">\n")
                .raw("<label>Filter <input id=\"filter\" type=\"search\" placeholder=\"text, tool, id\"></label>\n")
                .raw("<label>Severity <select id=\"severity-filter\"><option value=\"\">all</option>");
        for (Severity s : GateReport.displayOrder()) {
            h.raw("<option").attr("value", s.name()).raw(">").text(s.name()).raw("</option>");
        }
        h.raw("</select></label>\n<label>Status <select id=\"status-filter\"><option value=\"\">all</option>"
                + "<option value=\"new\">new</option><option value=\"unchanged\">unchanged</option>"
                + "<option value=\"waived\">waived</option></select></label>\n")
                .raw("<span id=\"count\"").attr("data-total", String.valueOf(r.findings().size())).raw(">")
                .text(r.findings().size() + " findings").raw("</span>\n</div>\n")
                .raw("<table id=\"findings-table\">\n<thead><tr>"
                        + "<th data-sort=\"rank\" data-type=\"number\">Severity</th>"
                        + "<th data-sort=\"tool\">Tool</th><th data-sort=\"rule\">Rule / id</th>"
                        + "<th data-sort=\"title\">Title</th><th data-sort=\"where\">Where</th>"
                        + "<th data-sort=\"score\" data-type=\"number\">Score</th>"
                        + "<th data-sort=\"status\">Status</th></tr></thead>\n<tbody>\n");
        for (FindingOutcome o : r.findings()) {
            Finding f = o.finding();
            String status = o.waiver().isPresent() ? "waived" : o.isNew() ? "new" : "unchanged";
            String rule = f.ids().isEmpty() ? f.ruleId() : String.join(", ", f.ids());
            String score = f.hasScore() ? String.valueOf(f.score()) : "";
            h.raw("<tr class=\"finding\"").attr("data-rank", String.valueOf(f.severity().gateRank()))
                    .attr("data-severity", f.severity().name()).attr("data-tool", f.tool()).attr("data-rule", rule)
                    .attr("data-title", f.title()).attr("data-where", GateReport.where(f))
                    .attr("data-score", score.isEmpty() ? "-1" : score).attr("data-status", status)
                    .attr("data-fingerprint", f.fingerprint()).raw(">")
                    .el("td", "sev sev-" + f.severity().name().toLowerCase(Locale.ROOT), f.severity().name())
                    .el("td", "", f.tool()).el("td", "", rule).el("td", "title", f.title())
                    .el("td", "", GateReport.where(f)).el("td", "num", score)
                    .el("td", "status-" + status, status + o.waiver().map(w -> " (" + w.owner() + ")").orElse("")
                            + o.expired().map(w -> " - waiver expired " + w.expires()).orElse(""))
                    .raw("</tr>\n");
        }
        h.raw("</tbody>\n</table>\n</section>\n");
    }

    private static void fixed(Html h, GateReport r) {
        h.raw("<section id=\"fixed\">\n<h2>");
        h.text(r.baselinePresent() ? "Fixed since the baseline (" + r.fixed().size() + ")" : "Fixed: no baseline given");
        h.raw("</h2>\n<ul>\n");
        for (BaselineEntry e : r.fixed()) {
            h.el("li", "", e.severity() + " " + e.tool() + " " + e.ruleId() + ": " + e.title()).raw("\n");
        }
        h.raw("</ul>\n</section>\n");
    }
}
