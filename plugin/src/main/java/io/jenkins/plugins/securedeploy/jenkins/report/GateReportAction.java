package io.jenkins.plugins.securedeploy.jenkins.report;

import hudson.model.Run;
import java.util.List;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * The gate report on a build: a side-panel link to {@code index.jelly} and a box on the build page
 * ({@code summary.jelly}). Holds the plain {@link GateReportView}; the full report is archived with the build.
 *
 * <p>In the REST API ({@code .../api/json?tree=actions[verdict,reasons,severities[severity,total]]}): verdict,
 * headline, whether deployment is allowed, reasons, counts per severity, totals, relaxations, policy source and the
 * archived report folder are shown with the build ({@code visibility = 2}); the finding rows only when asked for
 * ({@code tree=actions[findings[...]]} or {@code depth=1}).
 */
@ExportedBean(defaultVisibility = 2)
public class GateReportAction implements RunAction2 {
    public static final String URL = "security-gate";

    private final GateReportView view;
    private transient Run<?, ?> run;

    public GateReportAction(GateReportView view) {
        this.view = view;
    }

    public GateReportView getView() {
        return view;
    }

    /** PASSED, FAILED or ERROR. */
    @Exported
    public String getVerdict() {
        return view.getVerdict();
    }

    /** The verdict with the override, if any: {@code FAILED (OVERRIDDEN by ... until ...)}. */
    @Exported
    public String getHeadline() {
        return view.getHeadline();
    }

    /** The one question a deployment script asks: PASSED, or FAILED with an accepted override. */
    @Exported
    public boolean isAllowsDeployment() {
        return view.isAllowsDeployment();
    }

    /** One line per reason: {@code FAILED thresholds.total.critical: 1 CRITICAL/UNKNOWN finding(s) (max 0)}. */
    @Exported
    public List<String> getReasons() {
        return view.getReasons();
    }

    /** Total, new and waived findings of each severity, worst first. */
    @Exported
    public List<GateReportView.SeverityRow> getSeverities() {
        return view.getSeverities();
    }

    @Exported
    public int getFindingCount() {
        return view.getFindingCount();
    }

    @Exported
    public int getNewCount() {
        return view.getNewCount();
    }

    @Exported
    public int getFixedCount() {
        return view.getFixedCount();
    }

    /** Settings of the effective policy weaker than the secure defaults. */
    @Exported
    public List<String> getRelaxations() {
        return view.getRelaxations();
    }

    @Exported
    public String getPolicySource() {
        return view.getPolicySource();
    }

    /** The archived report folder under the build's artifacts ({@code gate-report.json} has every finding). */
    @Exported
    public String getReportPath() {
        return view.getReportPath();
    }

    /** At most {@value GateReportView#MAX_ROWS} finding rows; only when asked for (tree or depth). */
    @Exported(visibility = 1)
    public List<GateReportView.FindingRow> getFindings() {
        return view.getFindings();
    }

    public Run<?, ?> getOwner() {
        return run;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public String getIconFileName() {
        return "clipboard.png";
    }

    @Override
    public String getDisplayName() {
        return "Security gate";
    }

    @Override
    public String getUrlName() {
        return URL;
    }
}
