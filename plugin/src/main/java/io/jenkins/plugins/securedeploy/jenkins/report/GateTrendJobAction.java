package io.jenkins.plugins.securedeploy.jenkins.report;

import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import java.util.ArrayList;
import java.util.List;

/** The job page box ({@code floatingBox.jelly}) with the last {@value GateTrend#SIZE} gate decisions. */
public class GateTrendJobAction implements Action {
    private final Job<?, ?> job;

    public GateTrendJobAction(Job<?, ?> job) {
        this.job = job;
    }

    public Job<?, ?> getJob() {
        return job;
    }

    /** Walks back from the last build, taking builds that ran a gate (at most 50 builds are looked at). */
    public GateTrend getTrend() {
        List<GateTrend.Row> rows = new ArrayList<>();
        Run<?, ?> run = job.getLastBuild();
        for (int seen = 0; run != null && seen < 50 && rows.size() < GateTrend.SIZE; seen++) {
            GateReportAction action = run.getAction(GateReportAction.class);
            if (action != null) {
                rows.add(new GateTrend.Row(run.getNumber(), action.getView()));
            }
            run = run.getPreviousBuild();
        }
        return new GateTrend(rows);
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return "Security gate trend";
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
