package io.jenkins.plugins.securedeploy.jenkins.report;

import hudson.model.Run;
import jenkins.model.RunAction2;

/**
 * The gate report on a build: a side-panel link to {@code index.jelly} and a box on the build page
 * ({@code summary.jelly}). Holds the plain {@link GateReportView}; the full report is archived with the build.
 */
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
