package io.jenkins.plugins.securedeploy.jenkins.scan;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.securedeploy.engine.core.Problem;
import io.jenkins.plugins.securedeploy.engine.core.SecureDeployException;
import io.jenkins.plugins.securedeploy.engine.scan.ScanResult;
import io.jenkins.plugins.securedeploy.engine.scan.findings.ScanResultsReader;
import io.jenkins.plugins.securedeploy.engine.scan.runner.ToolSpecResolver;
import io.jenkins.plugins.securedeploy.engine.scan.runner.WorkspaceScanner;
import io.jenkins.plugins.securedeploy.jenkins.config.FloorValues;
import io.jenkins.plugins.securedeploy.jenkins.facade.GlobalConfigurationFacade;
import io.jenkins.plugins.securedeploy.jenkins.host.AgentWorkspace;
import io.jenkins.plugins.securedeploy.jenkins.host.ListenerConsole;
import io.jenkins.plugins.securedeploy.jenkins.host.StepResultHandler;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Validates the tool names on the controller, runs {@link ScanTask} on the agent, records the results in the run's
 * {@link ScanResultsAction} and prints one line per result. With {@code failOnError} an ERROR result fails the step
 * at once with the engine's reason; without it the error is only recorded (the gate still turns it into ERROR).
 * Returns the number of findings.
 */
class RunScannersExecution extends SynchronousNonBlockingStepExecution<Integer> {
    private static final long serialVersionUID = 1L;

    private final transient RunScannersStep step;

    RunScannersExecution(StepContext context, RunScannersStep step) {
        super(context);
        this.step = step;
    }

    @Override
    protected Integer run() throws Exception {
        Run<?, ?> run = getContext().get(Run.class);
        TaskListener listener = getContext().get(TaskListener.class);
        FilePath workspace = getContext().get(FilePath.class);
        ListenerConsole console = new ListenerConsole(listener);
        if (step.getTools().isEmpty() && step.getReports().isEmpty()) {
            throw new AbortException("runScanners needs tools: [...] or reports: 'glob' (or both)");
        }
        FloorValues floor = new GlobalConfigurationFacade().getConfiguration().toFloorValues();
        List<ScannerSetting> configured = new ArrayList<>();
        floor.scanners().forEach(s -> configured.add(ScannerSetting.of(s)));
        try {
            ToolSpecResolver resolver = ScannerSetting.resolver(configured);
            for (String tool : step.getTools()) {
                if (!WorkspaceScanner.isBuiltIn(tool)) {
                    resolver.apply(tool); // refuse unknown tools before touching the agent
                }
            }
        } catch (SecureDeployException e) {
            throw new AbortException(e.getMessage());
        }
        byte[] json = new AgentWorkspace(workspace).act(
                new ScanTask(step.getTools(), configured, step.getReports(), step.getFormat()));
        List<ScanResult> results = new ScanResultsReader().read(json, "scan results from the agent");
        ScanResultsAction action;
        synchronized (run) {
            action = run.getAction(ScanResultsAction.class);
            if (action == null) {
                action = new ScanResultsAction();
                run.addAction(action);
            }
        }
        action.add(json);
        run.save();
        int findings = 0;
        List<String> errors = new ArrayList<>();
        for (ScanResult r : results) {
            findings += r.findings().size();
            String where = r.source().isEmpty() ? "" : " (" + r.source() + ")";
            if (r.isError()) {
                String why = r.problems().stream().map(Problem::describe).reduce((a, b) -> a + "; " + b).orElse("");
                console.error(r.tool() + where + ": ERROR: " + why);
                errors.add(r.tool() + where + ": " + why);
            } else {
                console.info(r.tool() + where + ": " + r.findings().size() + " finding(s)");
            }
        }
        if (!errors.isEmpty() && step.isFailOnError()) {
            throw new StepResultHandler(run, getContext().get(FlowNode.class)).fail(Result.FAILURE,
                    errors.size() + " scanner(s) failed; their findings are unknown", String.join("\n", errors));
        }
        return findings;
    }
}
