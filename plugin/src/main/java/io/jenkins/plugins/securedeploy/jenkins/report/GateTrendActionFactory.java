package io.jenkins.plugins.securedeploy.jenkins.report;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import java.util.Collection;
import java.util.List;
import jenkins.model.TransientActionFactory;

/** Adds the gate trend to every job whose last build ran a gate. */
@Extension
@SuppressWarnings("rawtypes")
public class GateTrendActionFactory extends TransientActionFactory<Job> {
    @Override
    public Class<Job> type() {
        return Job.class;
    }

    @NonNull
    @Override
    public Collection<? extends Action> createFor(@NonNull Job target) {
        Run<?, ?> last = target.getLastBuild();
        if (last == null || last.getAction(GateReportAction.class) == null) {
            return List.of();
        }
        return List.of(new GateTrendJobAction((Job<?, ?>) target));
    }
}
