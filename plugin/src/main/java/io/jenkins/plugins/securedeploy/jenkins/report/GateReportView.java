package io.jenkins.plugins.securedeploy.jenkins.report;

import io.jenkins.plugins.securedeploy.engine.core.Severity;
import io.jenkins.plugins.securedeploy.engine.policy.FindingOutcome;
import io.jenkins.plugins.securedeploy.engine.policy.Waiver;
import io.jenkins.plugins.securedeploy.engine.report.EvidenceEntry;
import io.jenkins.plugins.securedeploy.engine.report.GateReport;
import io.jenkins.plugins.securedeploy.engine.scan.Finding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * The gate report as the build page shows it: plain strings and numbers joined once from the engine's
 * {@link GateReport}, so the Jelly views only read getters (and the values survive XStream in build.xml; engine
 * records would not). At most {@link #MAX_ROWS} finding rows are kept; the archived report has all.
 */
public final class GateReportView {
    /** Finding rows kept on the build page. */
    public static final int MAX_ROWS = 500;

    private final String verdict;
    private final String headline;
    private final boolean allowsDeployment;
    private final String generatedAt;
    private final String policySource;
    private final ArrayList<SeverityRow> severities = new ArrayList<>();
    private final ArrayList<FindingRow> findings = new ArrayList<>();
    private final int findingCount;
    private final int newCount;
    private final int fixedCount;
    private final ArrayList<String> reasons = new ArrayList<>();
    private final ArrayList<String> tools = new ArrayList<>();
    private final ArrayList<String> waiversApplied = new ArrayList<>();
    private final ArrayList<String> waiversExpired = new ArrayList<>();
    private final ArrayList<String> relaxations = new ArrayList<>();
    private final ArrayList<EvidenceRow> evidence = new ArrayList<>();
    private final String reportPath;

    private GateReportView(GateReport r, String reportPath) {
        this.verdict = r.verdict();
        this.headline = r.headline();
        this.allowsDeployment = r.allowsDeployment();
        this.generatedAt = r.generatedAt().toString();
        this.policySource = r.policySource();
        for (Severity s : GateReport.displayOrder()) {
            GateReport.SeverityCount c = r.bySeverity().get(s);
            severities.add(new SeverityRow(s.name(), c.total(), c.fresh(), c.waived()));
        }
        this.findingCount = (int) Math.min(Integer.MAX_VALUE, r.totalFindings()); // the report lists only the top N
        this.newCount = r.newCount();
        this.fixedCount = r.fixed().size();
        for (FindingOutcome o : r.findings().subList(0, Math.min(MAX_ROWS, r.findings().size()))) {
            findings.add(FindingRow.of(o));
        }
        r.reasons().forEach(x -> reasons.add(x.describe()));
        r.tools().forEach(t -> tools.add(t.tool() + (t.source().isEmpty() ? "" : " (" + t.source() + ")") + ": "
                + t.status() + ", " + t.findings() + " finding(s)"
                + (t.problems().isEmpty() ? "" : " - " + String.join("; ", t.problems()))));
        r.waiversApplied().forEach(a -> waiversApplied.add(a.waiver().describe() + " - " + a.findings()
                + " finding(s)"));
        r.waiversExpired().forEach(w -> waiversExpired.add(w.describe()));
        r.relaxations().forEach(x -> relaxations.add(x.describe()));
        r.evidence().forEach(e -> evidence.add(EvidenceRow.of(e)));
        this.reportPath = reportPath;
    }

    /** {@code reportPath}: the archived report folder relative to the run's artifacts, or empty. */
    public static GateReportView of(GateReport report, String reportPath) {
        return new GateReportView(report, reportPath == null ? "" : reportPath);
    }

    public String getVerdict() {
        return verdict;
    }

    /** CSS modifier: passed, failed or error. */
    public String getVerdictClass() {
        return verdict.toLowerCase(Locale.ROOT);
    }

    public String getHeadline() {
        return headline;
    }

    public boolean isAllowsDeployment() {
        return allowsDeployment;
    }

    public String getGeneratedAt() {
        return generatedAt;
    }

    public String getPolicySource() {
        return policySource;
    }

    public List<SeverityRow> getSeverities() {
        return Collections.unmodifiableList(severities);
    }

    /** Count of one severity (CRITICAL, HIGH, ...); 0 when unknown. */
    public int count(String severity) {
        return severities.stream().filter(s -> s.getSeverity().equals(severity)).mapToInt(SeverityRow::getTotal)
                .findFirst().orElse(0);
    }

    public List<FindingRow> getFindings() {
        return Collections.unmodifiableList(findings);
    }

    public int getFindingCount() {
        return findingCount;
    }

    /** Findings not shown on the page (see the archived report). */
    public int getOmittedFindings() {
        return findingCount - findings.size();
    }

    public int getNewCount() {
        return newCount;
    }

    public int getFixedCount() {
        return fixedCount;
    }

    public List<String> getReasons() {
        return Collections.unmodifiableList(reasons);
    }

    public List<String> getTools() {
        return Collections.unmodifiableList(tools);
    }

    public List<String> getWaiversApplied() {
        return Collections.unmodifiableList(waiversApplied);
    }

    public List<String> getWaiversExpired() {
        return Collections.unmodifiableList(waiversExpired);
    }

    public List<String> getRelaxations() {
        return Collections.unmodifiableList(relaxations);
    }

    public List<EvidenceRow> getEvidence() {
        return Collections.unmodifiableList(evidence);
    }

    public String getReportPath() {
        return reportPath;
    }

    /** One severity: total, new since the baseline, waived. Exported (REST) as {@code severity, total, fresh, waived}. */
    @ExportedBean(defaultVisibility = 3)
    public static final class SeverityRow {
        private final String severity;
        private final int total;
        private final int fresh;
        private final int waived;

        SeverityRow(String severity, int total, int fresh, int waived) {
            this.severity = severity;
            this.total = total;
            this.fresh = fresh;
            this.waived = waived;
        }

        @Exported
        public String getSeverity() {
            return severity;
        }

        @Exported
        public int getTotal() {
            return total;
        }

        @Exported
        public int getFresh() {
            return fresh;
        }

        @Exported
        public int getWaived() {
            return waived;
        }
    }

    /** One finding row: severity, tool, rule, title, new/unchanged, where (file:line or package), waiver. */
    @ExportedBean(defaultVisibility = 3)
    public static final class FindingRow {
        private final String severity;
        private final String tool;
        private final String ruleId;
        private final String title;
        private final String status;
        private final String where;
        private final String waiver;

        FindingRow(String severity, String tool, String ruleId, String title, String status, String where,
                String waiver) {
            this.severity = severity;
            this.tool = tool;
            this.ruleId = ruleId;
            this.title = title;
            this.status = status;
            this.where = where;
            this.waiver = waiver;
        }

        static FindingRow of(FindingOutcome o) {
            Finding f = o.finding();
            String waiver = o.waiver().map(Waiver::describe)
                    .orElse(o.expired().map(w -> "expired: " + w.describe()).orElse(""));
            return new FindingRow(f.severity().name(), f.tool(), f.ruleId(), f.title(), o.isNew() ? "new" : "unchanged",
                    GateReport.where(f), waiver);
        }

        @Exported
        public String getSeverity() {
            return severity;
        }

        @Exported
        public String getTool() {
            return tool;
        }

        @Exported
        public String getRuleId() {
            return ruleId;
        }

        @Exported
        public String getTitle() {
            return title;
        }

        @Exported
        public String getStatus() {
            return status;
        }

        @Exported
        public String getWhere() {
            return where;
        }

        @Exported
        public String getWaiver() {
            return waiver;
        }
    }

    /** One piece of evidence: kind, name (an artifact path for archived evidence), digest, status. */
    public static final class EvidenceRow {
        private final String kind;
        private final String name;
        private final String digest;
        private final String status;

        EvidenceRow(String kind, String name, String digest, String status) {
            this.kind = kind;
            this.name = name;
            this.digest = digest;
            this.status = status;
        }

        static EvidenceRow of(EvidenceEntry e) {
            return new EvidenceRow(e.kind(), e.name(), e.digest(), e.status());
        }

        public String getKind() {
            return kind;
        }

        public String getName() {
            return name;
        }

        public String getDigest() {
            return digest;
        }

        public String getStatus() {
            return status;
        }

        /** Whether {@link #getName()} is an archived artifact the page can link to. */
        public boolean isArchived() {
            return name.startsWith("secure-deploy/");
        }
    }
}
