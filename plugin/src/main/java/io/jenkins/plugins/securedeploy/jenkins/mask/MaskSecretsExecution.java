package io.jenkins.plugins.securedeploy.jenkins.mask;

import hudson.AbortException;
import hudson.console.ConsoleLogFilter;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.core.SecureDeployException;
import io.jenkins.plugins.securedeploy.jenkins.host.CredentialsSecretStore;
import io.jenkins.plugins.securedeploy.jenkins.host.ListenerConsole;
import io.jenkins.plugins.securedeploy.jenkins.host.MaskingConsoleLogFilter;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * Looks the credentials up (String credentials, in the run's context; a missing id fails the step before the body
 * runs, named by its position, never by its text), then starts the body with the masking filter merged into the
 * inherited console filter. The tail call only notes the end: nothing to undo, the filter ends with the body.
 */
class MaskSecretsExecution extends StepExecution {
    private static final long serialVersionUID = 1L;

    private final ArrayList<String> ids;

    MaskSecretsExecution(StepContext context, List<String> ids) {
        super(context);
        this.ids = new ArrayList<>(ids);
    }

    @Override
    public boolean start() throws Exception {
        if (ids.isEmpty()) {
            throw new AbortException("maskSecrets needs at least one credentials id");
        }
        Run<?, ?> run = getContext().get(Run.class);
        TaskListener listener = getContext().get(TaskListener.class);
        List<SecretValue> values;
        try {
            // a missing id is named by its position only ("credentials #2 of 3"): it may be a pasted secret
            values = new CredentialsSecretStore(run).requireAll(ids, "maskSecrets secrets");
        } catch (SecureDeployException e) {
            throw new AbortException("maskSecrets: " + e.getMessage());
        }
        MaskingConsoleLogFilter filter = new MaskingConsoleLogFilter(values);
        filter.masker().warnings().forEach(w -> new ListenerConsole(listener).error(w));
        getContext().newBodyInvoker()
                .withContext(BodyInvoker.mergeConsoleLogFilters(getContext().get(ConsoleLogFilter.class), filter))
                .withCallback(new Callback(ids.size()))
                .start();
        return false;
    }

    /** Runs when the body ends (success or failure), then passes the body's outcome on. */
    private static final class Callback extends BodyExecutionCallback.TailCall {
        private static final long serialVersionUID = 1L;
        private final int count;

        Callback(int count) {
            this.count = count;
        }

        @Override
        protected void finished(StepContext context) throws Exception {
            TaskListener listener = context.get(TaskListener.class);
            if (listener != null) {
                new ListenerConsole(listener).info("stopped masking " + count + " secret(s)");
            }
        }
    }
}
