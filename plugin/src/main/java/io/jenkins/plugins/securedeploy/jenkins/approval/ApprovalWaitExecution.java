package io.jenkins.plugins.securedeploy.jenkins.approval;

import hudson.model.Run;
import io.jenkins.plugins.securedeploy.engine.approval.ApprovalLedger;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.steps.GeneralNonBlockingStepExecution;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * A step execution that waits, durably and without a thread, for one approval request of the build's
 * {@link ApprovalAction} ({@code requireApproval}, and {@code secureDeploy} at its approve phase). Only the request id
 * is kept in the execution (the ledger lives in the action, with the build): a vote that decides the request ends the
 * wait through {@link #resume}; a timer expires it at the deadline (a rejection), and is set again after a controller
 * restart ({@link #onResume}), which also picks up a decision made meanwhile. {@link #decided} runs at most once.
 */
public abstract class ApprovalWaitExecution extends GeneralNonBlockingStepExecution {
    private static final long serialVersionUID = 1L;

    private volatile String requestId;
    private volatile boolean done;
    private transient volatile ScheduledFuture<?> timer;

    protected ApprovalWaitExecution(StepContext context) {
        super(context);
    }

    /**
     * Waits for request {@code id} of the build's approvals, whose votes close at {@code deadline}; the execution's
     * fields are saved now (they changed on a background thread, after the program was last saved).
     */
    protected final void await(String id, Instant deadline) {
        requestId = id;
        schedule(deadline);
        getContext().saveState();
    }

    /** The request waited for, or {@code null} before the step asked for one. */
    protected final String awaited() {
        return requestId;
    }

    /** Whether the step waits for a request now (asked, not decided, not stopped). */
    protected final boolean waiting() {
        return requestId != null && !done;
    }

    /**
     * The request was decided (APPROVED, REJECTED or EXPIRED): the step goes on or ends with it. Called once, from a
     * request or timer thread; a subclass that has more work to do hands it to {@link #run}.
     */
    protected abstract void decided(ApprovalLedger ledger);

    private void schedule(Instant deadline) {
        long delay = Math.max(0, Duration.between(Instant.now(), deadline).toMillis()) + 1000;
        timer = Timer.get().schedule(this::expire, delay, TimeUnit.MILLISECONDS);
    }

    private void expire() {
        String id = requestId;
        if (id == null || done) {
            return;
        }
        try {
            Run<?, ?> run = getContext().get(Run.class);
            ApprovalAction action = ApprovalAction.on(run);
            Optional<ApprovalLedger> decided = action.expireIfDue(id);
            Optional<ApprovalLedger> current = decided.isPresent() ? decided : action.ledger(id);
            if (current.isEmpty()) {
                throw new IOException("approval " + id + " is not recorded in this build");
            }
            if (current.get().status().isFinal()) {
                finish(current.get());
            } else {
                schedule(current.get().deadline());
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            synchronized (this) {
                done = true;
            }
            getContext().onFailure(e); // fail closed: an approval whose state cannot be read is not approved
        }
    }

    /** Called by the action when a vote decided request {@code id}: finds the waiting execution and ends its wait. */
    static void resume(String id, ApprovalLedger ledger) {
        StepExecution.applyAll(ApprovalWaitExecution.class, e -> {
            if (id.equals(e.requestId)) {
                e.finish(ledger);
            }
            return null;
        });
    }

    private void finish(ApprovalLedger ledger) {
        synchronized (this) {
            if (done) {
                return;
            }
            done = true;
        }
        ScheduledFuture<?> t = timer;
        if (t != null) {
            t.cancel(false);
        }
        decided(ledger);
    }

    /** An aborted build: the request stays on the page as it was, the step ends with the abort. */
    @Override
    public void stop(Throwable cause) throws Exception {
        synchronized (this) {
            done = true;
        }
        ScheduledFuture<?> t = timer;
        if (t != null) {
            t.cancel(false);
        }
        super.stop(cause);
    }

    /** Fails the step if background code was running at the restart; else re-arms the wait. */
    @Override
    public void onResume() {
        super.onResume();
        if (waiting()) {
            Timer.get().submit(this::expire); // re-arms the timer, or ends a request decided while we were down
        }
    }

    @Override
    public String getStatus() {
        return waiting() ? "waiting for approval " + requestId : super.getStatus();
    }
}
