package io.jenkins.plugins.securedeploy.engine.scan.secrets;

import io.jenkins.plugins.securedeploy.engine.core.EnvironmentException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Worker threads that take file jobs from a bounded queue (the walk waits when they fall behind, so memory and open
 * folder handles stay bounded). With one thread the jobs run on the caller's thread, in order. {@link #close()}
 * waits for every job, then rethrows the first unexpected failure of a worker.
 */
final class ScanWorkers implements AutoCloseable {
    /** Jobs waiting for a worker, at most. */
    static final int QUEUE = 256;

    private static final FileJob STOP = new FileJob("", 0, null);

    private final Consumer<FileJob> inline;
    private final BlockingQueue<FileJob> queue;
    private final List<Thread> threads = new ArrayList<>();
    private volatile Throwable failure;

    ScanWorkers(int count, Supplier<Consumer<FileJob>> workers) {
        if (count <= 1) {
            inline = workers.get();
            queue = null;
            return;
        }
        inline = null;
        queue = new ArrayBlockingQueue<>(QUEUE);
        for (int i = 0; i < count; i++) {
            // each worker is made on its own thread: what it builds (the detector's tables) overlaps the walk's start
            Thread t = new Thread(() -> work(workers), "secure-deploy-secrets-" + (i + 1));
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    private void work(Supplier<Consumer<FileJob>> workers) {
        Consumer<FileJob> worker = null;
        try {
            worker = workers.get();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        try {
            for (FileJob job = queue.take(); job != STOP; job = queue.take()) {
                if (failure != null || worker == null) {
                    job.skip();
                    continue;
                }
                try {
                    worker.accept(job);
                } catch (RuntimeException | Error e) {
                    failure = e;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void submit(FileJob job) {
        if (inline != null) {
            inline.accept(job);
            return;
        }
        try {
            queue.put(job);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentException("interrupted while scanning for secrets", e);
        }
    }

    @Override
    public void close() {
        InterruptedException interrupted = null;
        for (int i = 0; i < threads.size(); i++) {
            try {
                queue.put(STOP);
            } catch (InterruptedException e) {
                interrupted = e;
            }
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = e;
            }
        }
        if (interrupted != null) {
            Thread.currentThread().interrupt();
            throw new EnvironmentException("interrupted while scanning for secrets", interrupted);
        }
        Throwable f = failure;
        if (f instanceof RuntimeException r) {
            throw r;
        }
        if (f instanceof Error e) {
            throw e;
        }
    }
}
