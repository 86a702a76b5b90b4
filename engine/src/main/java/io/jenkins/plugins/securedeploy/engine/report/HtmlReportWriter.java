package io.jenkins.plugins.securedeploy.engine.report;

import io.jenkins.plugins.securedeploy.engine.core.EnvironmentException;
import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.policy.BaselineEntry;
import io.jenkins.plugins.securedeploy.engine.policy.Relaxation;
import io.jenkins.plugins.securedeploy.engine.policy.Waiver;
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
 * coloured by CSS classes. {@code gate-report.json} sits next to it. Every text from tools is escaped. The page lists
 * the top {@code maxRows} findings by severity (the totals count all; the JSON lists all), so it stays small and fast
 * for any report size.
 */
public final class HtmlReportWriter {
    public static final String INDEX = "index.html";
    public static final String JSON = "gate-report.json";
    static final List<String> ASSETS = List.of("gate-report.js", "gate-report.css");
    /** How many findings the HTML page lists by default (the JSON lists all). */
    public static final int DEFAULT_MAX_ROWS = 1000;

    private final int maxRows;

    /** Lists the top {@value #DEFAULT_MAX_ROWS} findings. */
    public HtmlReportWriter() {
        this(DEFAULT_MAX_ROWS);
    }

    /** Lists the top {@code maxRows} findings by severity, with the totals of all. */
    public HtmlReportWriter(int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("the report lists at least one finding row, got " + maxRows);
        }
        this.maxRows = maxRows;
    }

    /**
     * The report's files, in order: {@code index.html}, {@code gate-report.json} and the assets. A host stores them
     * side by side (the gate service writes them through the evidence store).
     */
    public List<ReportFile> files(GateReport report) {
        List<ReportFile> out = new ArrayList<>(pageFiles(report));
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        try {
            new GateReportWriter().write(report, json);
        } catch (IOException e) {
            throw new EnvironmentException("cannot render gate-report.json: " + e.getClass().getSimpleName(), e);
        }
        out.add(1, new ReportFile(JSON, "application/json", json.toByteArray()));
        return List.copyOf(out);
    }

    /**
     * The page without {@code gate-report.json}: {@code index.html} and the assets, in order (a streaming gate writes
     * the JSON itself, from its findings on disk). Small for any report size.
     */
    public List<ReportFile> pageFiles(GateReport report) {
        List<ReportFile> out = new ArrayList<>();
        out.add(new ReportFile(INDEX, "text/html", render(report).getBytes(StandardCharsets.UTF_8)));
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

    /** Writes {@code index.html} and the assets only (no JSON): previews and browser tests of huge reports. */
    Path writePage(GateReport report, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (ReportFile f : files(report)) {
            if (!f.name().equals(JSON)) {
                Files.write(dir.resolve(f.name()), f.content());
            }
        }
        return dir.resolve(INDEX);
    }

    String render(GateReport r) {
        FindingsSection findings = new FindingsSection(r, maxRows);
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
        h.el("p", "meta", "Policy " + DisplayPaths.relative(r.policySource()) + " - generated " + r.generatedAt())
                .raw("</header>\n<main>\n");
        ReasonsSection.write(h, r, findings);
        chart(h, r);
        relaxations(h, r);
        tools(h, r);
        waivers(h, r);
        evidence(h, r);
        findings.write(h);
        fixed(h, r, maxRows);
        h.raw("</main>\n<footer><a href=\"gate-report.json\">gate-report.json</a></footer>\n</body>\n</html>\n");
        return h.toString();
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
        h.raw("<section id=\"tools\">\n<h2>Scanners</h2>\n<table>\n<thead><tr><th>Tool</th><th>Version</th>"
                + "<th>Status</th><th>Findings</th><th>Source</th><th>Problems</th></tr></thead>\n<tbody>\n");
        for (GateReport.ToolSummary t : r.tools()) {
            h.raw("<tr").attr("class", "status-" + t.status().toLowerCase(Locale.ROOT)).raw(">")
                    .el("td", "tool", t.tool())
                    .el("td", t.version().isEmpty() ? "version none" : "version",
                            t.version().isEmpty() ? "not reported" : t.version())
                    .el("td", "", t.status()).el("td", "num", String.valueOf(t.findings()))
                    .el("td", "", DisplayPaths.relative(t.source()))
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
        h.raw("</ul>\n").el("h3", r.waiversUnused().isEmpty() ? "" : "flagged",
                "Unused (" + r.waiversUnused().size() + ")");
        if (!r.waiversUnused().isEmpty()) {
            h.el("p", "warning", "Declared but matching no finding: remove them, or check that they still name "
                    + "what they were meant to.");
        }
        h.raw("<ul>\n");
        for (Waiver w : r.waiversUnused()) {
            h.el("li", "waiver-unused", w.describe() + " - matched nothing"
                    + (w.declaredAt().file().isEmpty() ? "" : " (declared at " + w.declaredAt().describe() + ")")
                    + ticket(w)).raw("\n");
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

    /** The first {@code maxRows} fixed entries (a large baseline's others are counted and in the JSON). */
    private static void fixed(Html h, GateReport r, int maxRows) {
        h.raw("<section id=\"fixed\">\n<h2>");
        int size = r.fixed().size();
        h.text(r.baselinePresent() ? "Fixed since the baseline (" + size + ")" : "Fixed: no baseline given");
        h.raw("</h2>\n<ul>\n");
        int shown = 0;
        for (java.util.Iterator<BaselineEntry> it = r.fixed().iterator(); it.hasNext() && shown < maxRows; shown++) {
            BaselineEntry e = it.next();
            h.el("li", "", e.severity() + " " + e.tool() + " " + e.ruleId() + ": " + e.title()).raw("\n");
        }
        h.raw("</ul>\n");
        if (size > shown) {
            h.el("p", "note", "The first " + shown + " are listed; all " + size + " are in gate-report.json.")
                    .raw("\n");
        }
        h.raw("</section>\n");
    }
}
