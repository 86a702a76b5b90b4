package io.jenkins.plugins.securedeploy.cli;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A spinner on stderr for work that takes more than a second, shown only on an interactive terminal, erased when
 * done. Use with try-with-resources.
 */
public final class Progress implements AutoCloseable {
    private static final char[] FRAMES = {'|', '/', '-', '\\'};

    private final PrintWriter err;
    private final String label;
    private final ScheduledExecutorService timer;
    private final ScheduledFuture<?> task;
    private int frame;
    private volatile boolean shown;

    private Progress(PrintWriter err, String label, boolean interactive) {
        this.err = err;
        this.label = label;
        if (interactive) {
            this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "secure-deploy-progress");
                t.setDaemon(true);
                return t;
            });
            this.task = timer.scheduleAtFixedRate(this::tick, 1000, 120, TimeUnit.MILLISECONDS);
        } else {
            this.timer = null;
            this.task = null;
        }
    }

    public static Progress start(PrintWriter err, String label) {
        return start(err, label, System.console() != null);
    }

    /** A spinner shown only when {@code interactive} (tests force it). */
    static Progress start(PrintWriter err, String label, boolean interactive) {
        return new Progress(err, label, interactive);
    }

    private synchronized void tick() {
        shown = true;
        err.print("\r" + FRAMES[frame++ % FRAMES.length] + " " + label + "...");
        err.flush();
    }

    @Override
    public synchronized void close() {
        if (task != null) {
            task.cancel(false);
            timer.shutdownNow();
        }
        if (shown) {
            err.print("\r" + " ".repeat(label.length() + 6) + "\r");
            err.flush();
        }
    }
}
