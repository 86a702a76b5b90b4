package io.jenkins.plugins.securedeploy.jenkins.host;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.Result;
import hudson.model.Run;
import java.util.Objects;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;

/**
 * Turns a blocking engine outcome (gate FAILED/ERROR, refused input) into Jenkins' terms, as junit and warnings-ng
 * do: a {@link WarningAction} with the message on the step's flow node (so the stage shows it), the run result
 * (which can only get worse), and an {@link AbortException} carrying the reasons — a message, no stack trace.
 */
public final class StepResultHandler {
    private final Run<?, ?> run;
    private final FlowNode node;

    public StepResultHandler(Run<?, ?> run, @CheckForNull FlowNode node) {
        this.run = Objects.requireNonNull(run, "run");
        this.node = node;
    }

    /** Marks node and run with {@code result}; returns the exception for the caller to throw. */
    public AbortException fail(Result result, String headline, String details) {
        if (node != null) {
            node.addOrReplaceAction(new WarningAction(result).withMessage(headline));
        }
        run.setResult(result);
        return new AbortException(details.isEmpty() ? headline : headline + "\n" + details);
    }
}
